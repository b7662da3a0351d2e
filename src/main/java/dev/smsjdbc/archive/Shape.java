package dev.smsjdbc.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smsjdbc.model.ModelShape;

import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;

/**
 * A response of the SMS model ({@link ModelShape}, from the SDK's member metadata), for checking saved JSON
 * against it: every member must be one the model has, with a value of its type as the model says
 * ({@link ModelShape.Member#fits}, the same rule live answers are checked by), and timestamps in any saved
 * form ({@link Timestamps#parse}) become the wire's epoch seconds, in the model's range. What comes out is
 * what SMS would have sent.
 */
final class Shape {
  private final ModelShape model;

  private Shape(ModelShape model) {
    this.model = model;
  }

  /** The shape of the model structure whose builder this is, e.g. {@code GetReplicationJobsResponse.builder()}. */
  static Shape of(SdkPojo builder) {
    return new Shape(ModelShape.of(builder));
  }

  boolean has(String member) {
    return model.member(member) != null;
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
      return wire(model.member(name), value);
    } catch (Misfit m) {
      throw m.at(name);
    }
  }

  private static ObjectNode object(ModelShape shape, JsonNode node) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      ModelShape.Member member = shape.member(e.getKey());
      if (member == null) {
        throw new Misfit(" has a member '" + e.getKey() + "' that SMS does not have");
      }
      if (e.getValue().isNull()) {
        fields.remove();
        continue;
      }
      try {
        JsonNode wire = wire(member, e.getValue());
        if (wire != e.getValue()) {
          e.setValue(wire);
        }
      } catch (Misfit m) {
        throw m.at("." + e.getKey());
      }
    }
    return (ObjectNode) node;
  }

  private static JsonNode wire(ModelShape.Member member, JsonNode value) {
    if (member.type() == MarshallingType.INSTANT) {
      return timestamp(value);
    }
    if (!member.fits(value.asToken(), value.numberType())) {
      throw new Misfit(" must be " + member.expected(value.asToken()) + ", not " + describe(value));
    }
    if (member.isStructure()) {
      return object(member.structure(), value);
    }
    if (member.isList()) {
      ArrayNode array = (ArrayNode) value;
      for (int i = 0; i < array.size(); i++) {
        try {
          JsonNode wire = wire(member.element(), array.get(i));
          if (wire != array.get(i)) {
            array.set(i, wire);
          }
        } catch (Misfit m) {
          throw m.at("[" + i + "]");
        }
      }
    }
    return value;
  }

  private static JsonNode timestamp(JsonNode value) {
    // Range first for a number: epoch seconds of 1e300 would wrap around in the conversion to an instant.
    Instant t;
    try {
      t = value.isNumber() && !ModelShape.timestampInRange(value.doubleValue()) ? null : Timestamps.parse(value);
    } catch (IllegalArgumentException e) {
      throw new Misfit(": " + e.getMessage());
    }
    if (t == null || !ModelShape.timestampInRange(t)) {
      throw new Misfit(" must be " + ModelShape.TIMESTAMP_RANGE + ", not " + describe(value));
    }
    return Timestamps.epochSeconds(t);
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
}
