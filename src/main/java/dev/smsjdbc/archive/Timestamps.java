package dev.smsjdbc.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps in the forms SMS history is saved in, to millisecond precision as SMS sends them:
 * <ul>
 *   <li>the wire's epoch seconds, a number that may have a fraction ({@code 1622001324.511}): SDK pages,
 *     AWS CLI v2 with {@code cli_timestamp_format = wire}, AWS CLI v1 by default;
 *   <li>ISO 8601 with an offset, as the AWS CLI prints by default ({@code 2021-05-26T03:55:24.511000+00:00});
 *   <li>Python's {@code str(datetime)}, as boto3 output dumped with {@code json.dump(..., default=str)}
 *     holds ({@code 2021-05-26 03:55:24.511000+00:00}).
 * </ul>
 */
public final class Timestamps {
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
  private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

  private Timestamps() {}

  /** A timestamp as the wire carries it: whole seconds as an integer, else seconds with millis. */
  public static JsonNode epochSeconds(Instant instant) {
    long millis = instant.toEpochMilli();
    if (millis % 1000 == 0) {
      return LongNode.valueOf(millis / 1000);
    }
    return DecimalNode.valueOf(BigDecimal.valueOf(millis, 3).stripTrailingZeros());
  }

  /** Reads an epoch-seconds number (to millisecond precision, as the SDK does). */
  public static Instant fromEpochSeconds(JsonNode node) {
    BigDecimal seconds = node.decimalValue();
    return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
  }

  /** As the AWS CLI v2 prints it by default (Python's isoformat of a UTC datetime). */
  public static TextNode iso8601(Instant instant) {
    OffsetDateTime time = instant.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
    return TextNode.valueOf((time.getNano() == 0 ? SECONDS : MICROS).format(time));
  }

  /**
   * Any of the saved forms as an instant.
   *
   * @throws IllegalArgumentException if it is none of them
   */
  static Instant parse(JsonNode node) {
    if (node.isNumber()) {
      return fromEpochSeconds(node);
    }
    if (node.isTextual()) {
      String text = node.asText();
      // Python's str(datetime) separates date and time with a space where ISO 8601 has a T.
      String iso = text.length() > 10 && text.charAt(10) == ' '
          ? text.substring(0, 10) + 'T' + text.substring(11) : text;
      try {
        return OffsetDateTime.parse(iso).toInstant().truncatedTo(ChronoUnit.MILLIS);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("'" + text + "' is not a timestamp with a UTC offset (such as "
            + "2021-05-26T03:55:24.511000+00:00) or epoch seconds");
      }
    }
    throw new IllegalArgumentException(node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)
        + " where a timestamp belongs");
  }
}
