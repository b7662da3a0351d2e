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
   * The form nearly every saved timestamp has, {@code 2021-05-26T03:55:24[.511000]+00:00} (or with a space
   * for the T), read without the general parser, which costs several times more; null for any other form.
   */
  private static Instant cliUtc(String t) {
    int n = t.length();
    if ((n != 25 && n != 32) || !t.endsWith("+00:00") || t.charAt(4) != '-' || t.charAt(7) != '-'
        || (t.charAt(10) != 'T' && t.charAt(10) != ' ') || t.charAt(13) != ':' || t.charAt(16) != ':'
        || (n == 32 && t.charAt(19) != '.')) {
      return null;
    }
    int[] at = n == 32 ? new int[] {0, 4, 5, 7, 8, 10, 11, 13, 14, 16, 17, 19, 20, 26}
        : new int[] {0, 4, 5, 7, 8, 10, 11, 13, 14, 16, 17, 19};
    long[] v = new long[at.length / 2];
    for (int i = 0; i < v.length; i++) {
      for (int c = at[2 * i]; c < at[2 * i + 1]; c++) {
        char ch = t.charAt(c);
        if (ch < '0' || ch > '9') {
          return null;
        }
        v[i] = v[i] * 10 + (ch - '0');
      }
    }
    try {
      return java.time.LocalDateTime.of((int) v[0], (int) v[1], (int) v[2], (int) v[3], (int) v[4], (int) v[5],
          n == 32 ? (int) (v[6] / 1000) * 1_000_000 : 0).toInstant(ZoneOffset.UTC);
    } catch (java.time.DateTimeException e) {
      return null; // e.g. month 13: let the general parser say what is wrong
    }
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
      Instant utc = cliUtc(text);
      if (utc != null) {
        return utc;
      }
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
