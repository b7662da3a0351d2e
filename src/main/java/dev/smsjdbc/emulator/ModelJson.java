package dev.smsjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.time.Instant;
import java.util.List;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;

/**
 * Turns an SDK model object (a {@code ReplicationJob}, {@code Server}, ...) into its AWS JSON 1.1 wire
 * form, driven by the model's own member metadata ({@link SdkPojo#sdkFields()}): members in model order
 * under their {@link SdkField#locationName()}, enums as their string, timestamps as epoch seconds
 * ({@link WireJson#epochSeconds}), unset members and lists left out.
 *
 * <p>The emulator builds its resources with the SDK's builders so that each value is checked against
 * the model (a member that SMS does not have, or a value of the wrong type, does not compile); this
 * class is the one place that knows how they look on the wire.
 */
final class ModelJson {
  private ModelJson() {
  }

  static ObjectNode toJson(SdkPojo pojo) {
    ObjectNode node = WireJson.object();
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      if (value != null && !(value instanceof SdkAutoConstructList)) {
        node.set(field.locationName(), value(field, value));
      }
    }
    return node;
  }

  private static JsonNode value(SdkField<?> field, Object value) {
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
      return WireJson.epochSeconds((Instant) value);
    } else if (type == MarshallingType.SDK_POJO) {
      return toJson((SdkPojo) value);
    } else if (type == MarshallingType.LIST) {
      SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
      ArrayNode array = WireJson.MAPPER.createArrayNode();
      for (Object element : (List<?>) value) {
        array.add(value(member, element));
      }
      return array;
    }
    // Maps, doubles, blobs: no resource the emulator serves has them.
    throw new IllegalArgumentException("member " + field.memberName() + " is a " + type);
  }
}
