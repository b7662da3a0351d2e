package dev.smsjdbc.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;

/**
 * Turns an SDK model object (a {@code ReplicationJob}, {@code Server}, ...) into JSON, driven by the model's
 * own member metadata ({@link SdkPojo#sdkFields()}): members in model order under their
 * {@link SdkField#locationName()}, enums as their string, unset members and lists left out. Timestamps are
 * epoch seconds in the AWS JSON 1.1 wire form ({@link #wire}), ISO 8601 in the AWS CLI's ({@link #cli}).
 *
 * <p>The emulator builds its resources with the SDK's builders so that each value is checked against the
 * model; this class is the one place that knows how they look as JSON.
 */
public final class ModelJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ModelJson() {
  }

  /** The AWS JSON 1.1 wire form, as SMS sends it. */
  public static ObjectNode wire(SdkPojo pojo) {
    return toJson(pojo, Timestamps::epochSeconds);
  }

  /** The AWS CLI v2's JSON output form (default {@code cli_timestamp_format}). */
  public static ObjectNode cli(SdkPojo pojo) {
    return toJson(pojo, Timestamps::iso8601);
  }

  private static ObjectNode toJson(SdkPojo pojo, Function<Instant, JsonNode> timestamp) {
    ObjectNode node = NODES.objectNode();
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      if (value != null && !(value instanceof SdkAutoConstructList)) {
        node.set(field.locationName(), value(field, value, timestamp));
      }
    }
    return node;
  }

  private static JsonNode value(SdkField<?> field, Object value, Function<Instant, JsonNode> timestamp) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.STRING) {
      return TextNode.valueOf((String) value);
    } else if (type == MarshallingType.INTEGER) {
      return IntNode.valueOf((Integer) value);
    } else if (type == MarshallingType.LONG) {
      return LongNode.valueOf((Long) value);
    } else if (type == MarshallingType.BOOLEAN) {
      return BooleanNode.valueOf((Boolean) value);
    } else if (type == MarshallingType.INSTANT) {
      return timestamp.apply((Instant) value);
    } else if (type == MarshallingType.SDK_POJO) {
      return toJson((SdkPojo) value, timestamp);
    } else if (type == MarshallingType.LIST) {
      SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
      ArrayNode array = NODES.arrayNode();
      for (Object element : (List<?>) value) {
        array.add(value(member, element, timestamp));
      }
      return array;
    }
    // Maps, doubles, blobs: no SMS resource read here has them.
    throw new IllegalArgumentException("member " + field.memberName() + " is a " + type);
  }
}
