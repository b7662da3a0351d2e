package dev.smsjdbc.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.base.Suppliers;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;

/**
 * A structure of the SMS model (a response, a {@code ReplicationJob}, a {@code VmServer}, ...) as the SDK's
 * member metadata describes it, for checking saved JSON against it: every member must be one the model has,
 * with a value of its type, and timestamps in any saved form ({@link Timestamps#parse}) become the wire's
 * epoch seconds. What comes out is what SMS would have sent.
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

  boolean has(String member) {
    return members.containsKey(member);
  }

  /**
   * The value of one member, checked and turned into wire form in place (it is the parser's own tree:
   * copying it would double the work); null members are removed (absent, as SMS leaves them).
   *
   * @throws IllegalArgumentException naming the path of the first value that does not fit, e.g.
   *     {@code replicationJobList[3].frequency must be an integer, not "12"}
   */
  JsonNode member(String name, JsonNode value) {
    try {
      return members.get(name).wire(value);
    } catch (Misfit m) {
      throw m.at(name);
    }
  }

  private ObjectNode wire(JsonNode node) {
    if (!node.isObject()) {
      throw new Misfit(" must be an object, not " + describe(node));
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      Member member = members.get(e.getKey());
      if (member == null) {
        throw new Misfit(" has a member '" + e.getKey() + "' that SMS does not have");
      }
      if (e.getValue().isNull()) {
        fields.remove();
        continue;
      }
      try {
        JsonNode wire = member.wire(e.getValue());
        if (wire != e.getValue()) {
          e.setValue(wire);
        }
      } catch (Misfit m) {
        throw m.at("." + e.getKey());
      }
    }
    return (ObjectNode) node;
  }

  private static String describe(JsonNode value) {
    return value.isValueNode() ? value.toString() : "a " + value.getNodeType().toString().toLowerCase(Locale.ROOT);
  }

  /** A value that does not fit; its path is filled in on the way up, so that a fitting file builds none. */
  private static final class Misfit extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final StringBuilder path = new StringBuilder();
    private final String problem;

    Misfit(String problem) {
      this.problem = problem;
    }

    Misfit at(String segment) {
      path.insert(0, segment);
      return this;
    }

    @Override public String getMessage() {
      return path + problem;
    }
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

    JsonNode wire(JsonNode value) {
      if (type == MarshallingType.SDK_POJO) {
        return structure.get().wire(value);
      }
      if (type == MarshallingType.LIST) {
        if (!value.isArray()) {
          throw new Misfit(" must be a list, not " + describe(value));
        }
        ArrayNode array = (ArrayNode) value;
        for (int i = 0; i < array.size(); i++) {
          try {
            JsonNode wire = element.wire(array.get(i));
            if (wire != array.get(i)) {
              array.set(i, wire);
            }
          } catch (Misfit m) {
            throw m.at("[" + i + "]");
          }
        }
        return array;
      }
      if (type == MarshallingType.INSTANT) {
        try {
          return Timestamps.epochSeconds(Timestamps.parse(value));
        } catch (IllegalArgumentException e) {
          throw new Misfit(": " + e.getMessage());
        }
      }
      boolean fits = type == MarshallingType.STRING ? value.isTextual()
          : type == MarshallingType.BOOLEAN ? value.isBoolean()
          : (type == MarshallingType.INTEGER || type == MarshallingType.LONG) && value.isIntegralNumber();
      if (!fits) {
        throw new Misfit(" must be " + (type == MarshallingType.STRING ? "a string"
            : type == MarshallingType.BOOLEAN ? "true or false" : "an integer") + ", not " + describe(value));
      }
      return value;
    }
  }
}
