package dev.smsjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Maps;

import dev.smsjdbc.api.SmsOperation;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The request shapes of the served operations, as the SMS model defines them, to check a request
 * before a handler reads it.
 *
 * <p>Like the AWS front end, a member of the wrong JSON type is a {@code SerializationException},
 * a missing required member a {@code MissingRequiredParameterException}; members the model does not
 * know are ignored, and a {@code null} member counts as absent.
 */
final class InputShapes {
  /** The JSON types that the request members of the served operations have. */
  enum Type {
    STRING, INTEGER, STRING_LIST, VM_SERVER_ADDRESS_LIST
  }

  private static final Map<String, Type> PAGING =
      ImmutableMap.of("nextToken", Type.STRING, "maxResults", Type.INTEGER);

  private static final Map<SmsOperation, Map<String, Type>> MEMBERS = Maps.immutableEnumMap(
      ImmutableMap.of(
          SmsOperation.GET_REPLICATION_JOBS, with("replicationJobId", Type.STRING),
          SmsOperation.GET_REPLICATION_RUNS, with("replicationJobId", Type.STRING),
          SmsOperation.GET_SERVERS, with("vmServerAddressList", Type.VM_SERVER_ADDRESS_LIST),
          SmsOperation.GET_CONNECTORS, PAGING,
          SmsOperation.LIST_APPS, with("appIds", Type.STRING_LIST)));

  private static final Map<SmsOperation, Set<String>> REQUIRED =
      ImmutableMap.of(SmsOperation.GET_REPLICATION_RUNS, ImmutableSet.of("replicationJobId"));

  private static final Map<String, Type> VM_SERVER_ADDRESS =
      ImmutableMap.of("vmManagerId", Type.STRING, "vmId", Type.STRING);

  private InputShapes() {
  }

  private static Map<String, Type> with(String member, Type type) {
    return ImmutableMap.<String, Type>builder().put(member, type).putAll(PAGING).build();
  }

  /**
   * Checks {@code input} against the request shape of {@code operation} and removes null members.
   *
   * @throws ApiError SerializationException or MissingRequiredParameterException
   */
  static void check(SmsOperation operation, ObjectNode input) {
    removeNulls(input);
    check(MEMBERS.getOrDefault(operation, Map.of()), input, "");
    for (String member : REQUIRED.getOrDefault(operation, Set.of())) {
      if (!input.has(member)) {
        throw ApiError.missingRequiredParameter(
            "1 validation error detected: Value null at '" + member
                + "' failed to satisfy constraint: Member must not be null");
      }
    }
  }

  private static void check(Map<String, Type> members, ObjectNode input, String path) {
    members.forEach((name, type) -> {
      JsonNode value = input.get(name);
      if (value != null) {
        check(type, value, path + name);
      }
    });
  }

  private static void check(Type type, JsonNode value, String path) {
    switch (type) {
      case STRING -> {
        if (!value.isTextual()) {
          throw mismatch(value, "a String", path);
        }
      }
      case INTEGER -> {
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
          throw mismatch(value, "an Integer", path);
        }
      }
      case STRING_LIST, VM_SERVER_ADDRESS_LIST -> {
        if (!value.isArray()) {
          throw mismatch(value, "a List", path);
        }
        int i = 0;
        for (JsonNode element : value) {
          String elementPath = path + "[" + i++ + "]";
          if (type == Type.STRING_LIST) {
            check(Type.STRING, element, elementPath);
          } else if (!element.isObject()) {
            throw mismatch(element, "a VmServerAddress", elementPath);
          } else {
            removeNulls((ObjectNode) element);
            check(VM_SERVER_ADDRESS, (ObjectNode) element, elementPath + ".");
          }
        }
      }
      default -> throw new AssertionError(type);
    }
  }

  private static void removeNulls(ObjectNode node) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      if (it.next().getValue().isNull()) {
        it.remove();
      }
    }
  }

  /** Worded like AWS, e.g. "STRING_VALUE can not be converted to an Integer". */
  private static ApiError mismatch(JsonNode value, String expected, String path) {
    String kind = switch (value.getNodeType()) {
      case STRING -> "STRING_VALUE";
      case NUMBER -> "NUMBER_VALUE";
      case BOOLEAN -> "BOOLEAN_VALUE";
      case ARRAY -> "START_ARRAY";
      case OBJECT -> "START_OBJECT";
      default -> "VALUE_NULL";
    };
    return ApiError.serialization(
        kind + " can not be converted to " + expected + " (at " + path + ")");
  }
}
