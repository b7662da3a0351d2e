package dev.smsjdbc.emulator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.smsjdbc.archive.Timestamps;

import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The JSON conventions of the AWS JSON 1.1 wire format, in one place.
 *
 * <p>Timestamps travel as epoch seconds, a JSON number that may have a fraction. They are kept as
 * {@link java.math.BigDecimal} (never {@code double}) so that a value such as {@code 1719748800.123} is read,
 * stored and written back digit for digit, and never in exponent notation.
 */
final class WireJson {
  /** Mapper for requests, responses and data files. Thread-safe once configured. */
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      // "{} junk" is malformed, not "{}".
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
      .build();

  private WireJson() {
  }

  /** A timestamp as the wire carries it: whole seconds as an integer, else seconds with millis. */
  static JsonNode epochSeconds(Instant instant) {
    return Timestamps.epochSeconds(instant);
  }

  /** Reads an epoch-seconds timestamp (to millisecond precision, as the SDK does). */
  static Instant instant(JsonNode node) {
    return Timestamps.fromEpochSeconds(node);
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Compact form, as sent on the wire. */
  static String compact(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Indented form with a final newline, for data files that people read and diff. */
  static String pretty(JsonNode node) {
    try {
      return MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
