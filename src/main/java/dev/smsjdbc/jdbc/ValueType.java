package dev.smsjdbc.jdbc;

import com.google.common.base.Ascii;
import com.google.common.base.Splitter;
import dev.smsjdbc.api.VisibleText;
import org.apache.calcite.avatica.ConnectionProperty;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;

/**
 * What values a {@link ConnectionKey} takes: how to parse and check them, and how to describe them to
 * {@code getPropertyInfo} and the README. One place for each kind, so that a new key picks one instead of
 * bringing its own parser.
 */
record ValueType(Kind kind, long min, long max, List<String> choices) {
  enum Kind { STRING, BOOLEAN, INTEGER, DURATION, SIZE, URL, REGION, REGIONS, CHOICE, ZONE }

  static ValueType string() {
    return new ValueType(Kind.STRING, 0, 0, List.of());
  }

  static ValueType bool() {
    return new ValueType(Kind.BOOLEAN, 0, 0, List.of("true", "false"));
  }

  static ValueType integer(long min, long max) {
    return new ValueType(Kind.INTEGER, min, max, List.of());
  }

  static ValueType duration() {
    return new ValueType(Kind.DURATION, 0, 0, List.of());
  }

  /** A number of bytes: {@code 64MB}, {@code 512KB}, {@code 1GB} or bytes, from 1 KB to 2 GB. */
  static ValueType size() {
    return new ValueType(Kind.SIZE, 1024, Integer.MAX_VALUE, List.of());
  }

  static ValueType url() {
    return new ValueType(Kind.URL, 0, 0, List.of());
  }

  static ValueType region() {
    return new ValueType(Kind.REGION, 0, 0, List.of());
  }

  static ValueType regions() {
    return new ValueType(Kind.REGIONS, 0, 0, List.of());
  }

  static ValueType zone() {
    return new ValueType(Kind.ZONE, 0, 0, List.of());
  }

  static ValueType choice(String... choices) {
    return new ValueType(Kind.CHOICE, 0, 0, List.of(choices));
  }

  /** Avatica's coarser type, for {@link ConnectionProperty#type()}. */
  ConnectionProperty.Type avaticaType() {
    return kind == Kind.BOOLEAN ? ConnectionProperty.Type.BOOLEAN
        : kind == Kind.INTEGER ? ConnectionProperty.Type.NUMBER : ConnectionProperty.Type.STRING;
  }

  /** What the README's type column says. */
  String describe() {
    return switch (kind) {
      case STRING -> "string";
      case BOOLEAN -> "`true`, `false`";
      case INTEGER -> "integer " + min + "–" + (max == Integer.MAX_VALUE ? "2³¹−1" : String.valueOf(max));
      case DURATION -> "duration: `500ms`, `30s`, `2m`, or seconds";
      case SIZE -> "size: `512KB`, `64MB`, `1GB`, or bytes";
      case URL -> "http(s) URL";
      case REGION -> "AWS Region";
      case REGIONS -> "AWS Regions, comma-separated";
      case CHOICE -> choices.stream().map(c -> "`" + c + "`").collect(Collectors.joining(", "));
      case ZONE -> "time zone id: `UTC`, `Europe/Berlin`, `-08:00`";
    };
  }

  /**
   * The value of {@code text} (trimmed, not empty): String, Boolean, Integer, Duration, URI, ZoneId, a
   * List of Region ids, or the choice as declared. Fails with SQLState HY024 naming {@code key}.
   */
  Object parse(ConnectionKey key, String text) throws SQLException {
    switch (kind) {
    case STRING:
      return text;
    case BOOLEAN:
      return Boolean.valueOf(choice(key, text));
    case CHOICE:
      return choice(key, text);
    case INTEGER:
      try {
        long n = Long.parseLong(text);
        if (n >= min && n <= max) {
          return (int) n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw invalid(key, text, "is not a whole number from " + min + " to " + max);
    case DURATION:
      return duration(key, text);
    case SIZE:
      return size(key, text);
    case URL:
      return url(key, text);
    case ZONE:
      return zone(key, text);
    default:
      return regions(key, text);
    }
  }

  private String choice(ConnectionKey key, String text) throws SQLException {
    return choices.stream().filter(c -> c.equalsIgnoreCase(text)).findFirst()
        .orElseThrow(() -> invalid(key, text, "is not " + or(choices)));
  }

  /** {@code 500ms}, {@code 30s}, {@code 2m}, or a bare number of seconds; more than zero. */
  private static Duration duration(ConnectionKey key, String text) throws SQLException {
    String v = Ascii.toLowerCase(text);
    try {
      Duration d;
      if (v.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
      } else if (v.endsWith("s")) {
        d = Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1).trim()));
      } else if (v.endsWith("m")) {
        d = Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1).trim()));
      } else {
        d = Duration.ofSeconds(Long.parseLong(v));
      }
      if (!d.isNegative() && !d.isZero()) {
        return d;
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // reported below
    }
    throw invalid(key, text, "is not a duration such as 500ms, 30s or 2m");
  }

  /** A size in bytes, as {@link #size()} describes it; a long, within the type's range. */
  private Long size(ConnectionKey key, String text) throws SQLException {
    String v = Ascii.toUpperCase(text).replace(" ", "");
    long unit = v.endsWith("GB") ? 1L << 30 : v.endsWith("MB") ? 1L << 20 : v.endsWith("KB") ? 1L << 10 : 1;
    String digits = unit == 1 ? v : v.substring(0, v.length() - 2);
    try {
      long bytes = Math.multiplyExact(Long.parseLong(digits), unit);
      if (bytes >= min && bytes <= max) {
        return bytes;
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // reported below
    }
    throw invalid(key, text, "is not a size from 1KB to 2GB such as 64MB");
  }

  private static URI url(ConnectionKey key, String text) throws SQLException {
    String shown = withoutUserInfo(text);
    try {
      URI uri = new URI(text);
      if (uri.getRawUserInfo() != null) {
        // A password in a URL would be shown by getURL() and in messages; SMS signs with AWS keys anyway.
        throw invalid(key, shown, "holds a user name or password ('user:password@'); give AWS credentials with"
            + " accessKeyId and secretAccessKey instead");
      }
      if (uri.getHost() == null || !Set.of("http", "https").contains(Ascii.toLowerCase(
          String.valueOf(uri.getScheme())))) {
        throw invalid(key, shown, "is not an http(s) URL with a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw invalid(key, shown, "is not a URL: " + e.getReason());
    }
  }

  /** The URL as it may be shown: anything between {@code ://} and an {@code @} masked. */
  private static String withoutUserInfo(String text) {
    int scheme = text.indexOf("://");
    int at = text.indexOf('@', Math.max(0, scheme));
    return scheme < 0 || at < 0 ? text : text.substring(0, scheme + 3) + "****" + text.substring(at);
  }


  /**
   * A zone id that {@link TimeZone} reads as the same zone: Calcite takes the zone as a {@code TimeZone},
   * which silently turns an id it does not know into GMT.
   */
  private static ZoneId zone(ConnectionKey key, String text) throws SQLException {
    try {
      ZoneId zone = ZoneId.of(text);
      if (TimeZone.getTimeZone(zone).toZoneId().getRules().equals(zone.getRules())) {
        return zone;
      }
    } catch (DateTimeException e) {
      // reported below
    }
    throw invalid(key, text, "is not a time zone id such as UTC, Europe/Berlin or -08:00");
  }

  private static List<String> regions(ConnectionKey key, String text) throws SQLException {
    List<String> regions = Splitter.on(',').trimResults().omitEmptyStrings().splitToStream(text).distinct()
        .toList();
    for (String region : regions) {
      if (!Region.regions().contains(Region.of(region))) {
        throw invalid(key, region, "is not an AWS Region known to this driver (e.g. us-east-1, eu-west-1)");
      }
    }
    return regions;
  }

  private static String or(List<String> choices) {
    return choices.size() == 1 ? choices.get(0)
        : String.join(", ", choices.subList(0, choices.size() - 1)) + " or " + choices.get(choices.size() - 1);
  }

  /** Error of a bad value: names the key, and shows the value unless it is a secret (shortened if long). */
  static SQLException invalid(ConnectionKey key, String value, String why) {
    return invalid(key, (key.isSecret() ? "the value" : "'" + shorten(value) + "'") + " " + why);
  }

  static SQLException invalid(ConnectionKey key, String why) {
    return new SQLException("Invalid value for connection property '" + key.key + "': " + why + ".", SqlState.INVALID_ATTRIBUTE_VALUE.code());
  }

  /** A value for a message, escaped; long ones (a pasted file, a wrong variable) would drown the message. */
  static String shorten(String value) {
    return VisibleText.of(value.length() <= 100 ? value
        : value.substring(0, 100) + "... (" + value.length() + " characters)");
  }
}
