package dev.smsjdbc.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.base.Suppliers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;

/**
 * A structure of the SMS model (a response, a {@code ReplicationJob}, a {@code VmServer}, ...) as the SDK's
 * member metadata describes it, for checking saved JSON against it: every member must be one the model has,
 * with a value of its type, and timestamps in any saved form ({@link Timestamps#parse}) come out as the
 * wire's epoch seconds. What comes out is what SMS would have sent.
 */
final class Shape {
  /** The members by their JSON name. */
  private final Map<String, Member> members = new LinkedHashMap<>();

  private Shape(SdkPojo prototype) {
    for (SdkField<?> field : prototype.sdkFields()) {
      members.put(field.locationName(), new Member(field));
    }
  }

  /** The shape of the model structure whose builder this is, e.g. {@code ReplicationJob.builder()}. */
  static Shape of(SdkPojo builder) {
    return new Shape(builder);
  }

  Set<String> memberNames() {
    return members.keySet();
  }

  boolean has(String member) {
    return members.containsKey(member);
  }

  /** The value of one member, checked and in wire form. */
  JsonNode member(String name, JsonNode value, String path) {
    return members.get(name).wire(value, path);
  }

  /**
   * The object checked and in wire form; null members are left out (absent, as SMS leaves them).
   *
   * @throws IllegalArgumentException naming the path of the first value that does not fit
   */
  ObjectNode wire(JsonNode node, String path) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(path + " must be an object");
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      Member member = members.get(e.getKey());
      if (member == null) {
        throw new IllegalArgumentException(path + " has a member '" + e.getKey() + "' that SMS does not have");
      }
      if (!e.getValue().isNull()) {
        out.set(e.getKey(), member.wire(e.getValue(), path + "." + e.getKey()));
      }
    }
    return out;
  }

  private static String describe(JsonNode value) {
    return value.isValueNode() ? value.toString() : "a " + value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }

  /** One member: its type, and the shape of a structure or of a list's elements. */
  private static final class Member {
    private final MarshallingType<?> type;
    private final Supplier<Shape> structure;
    private final Member element;

    Member(SdkField<?> field) {
      this.type = field.marshallingType();
      this.structure = type == MarshallingType.SDK_POJO
          ? Suppliers.memoize(() -> new Shape(field.constructor().get())) : null;
      this.element = type == MarshallingType.LIST
          ? new Member(field.getRequiredTrait(ListTrait.class).memberFieldInfo()) : null;
    }

    JsonNode wire(JsonNode value, String path) {
      if (type == MarshallingType.SDK_POJO) {
        return structure.get().wire(value, path);
      }
      if (type == MarshallingType.LIST) {
        if (!value.isArray()) {
          throw new IllegalArgumentException(path + " must be a list");
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode(value.size());
        for (int i = 0; i < value.size(); i++) {
          out.add(element.wire(value.get(i), path + "[" + i + "]"));
        }
        return out;
      }
      if (type == MarshallingType.INSTANT) {
        try {
          return Timestamps.epochSeconds(Timestamps.parse(value));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(path + ": " + e.getMessage());
        }
      }
      boolean fits = type == MarshallingType.STRING ? value.isTextual()
          : type == MarshallingType.BOOLEAN ? value.isBoolean()
          : (type == MarshallingType.INTEGER || type == MarshallingType.LONG) && value.isIntegralNumber();
      if (!fits) {
        throw new IllegalArgumentException(path + " must be " + (type == MarshallingType.STRING ? "a string"
            : type == MarshallingType.BOOLEAN ? "true or false" : "an integer") + ", not " + describe(value));
      }
      return value;
    }
  }
}
