package dev.smsjdbc.jdbc;

import com.google.common.base.Ascii;
import com.google.common.base.Splitter;
import org.apache.calcite.avatica.BuiltInConnectionProperty;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.checkerframework.checker.nullness.qual.Nullable;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The validated settings of one connection, read from the merged URL and {@code Properties}. Calcite
 * ignores keys it does not know, so a typo such as {@code regon} would silently fall back to a default:
 * here every key must be one of ours, one of Calcite's, or {@code user}/{@code password} (which GUI tools
 * send). {@link #toString()} never shows a secret.
 */
public record SmsConnectionConfig(List<String> regions, boolean partialResults, @Nullable String profile,
    @Nullable String accessKeyId, @Nullable String secretAccessKey, @Nullable String sessionToken,
    @Nullable String roleArn, @Nullable String externalId, String roleSessionName, @Nullable URI stsEndpoint,
    @Nullable URI endpoint, int pageSize, int maxConcurrency, @Nullable Duration apiCallTimeout,
    RetryMode retryMode, int maxAttempts, Duration cacheTtl, int maxApiCalls, boolean demo) {

  /** Keys that are not ours but are accepted: Calcite's and Avatica's own, and what GUI tools send. */
  private static final Set<String> FOREIGN_KEYS = Stream.of(
          Arrays.stream(CalciteConnectionProperty.values()).map(CalciteConnectionProperty::camelName),
          Arrays.stream(BuiltInConnectionProperty.values()).map(BuiltInConnectionProperty::camelName),
          Stream.of("user", "password"))
      .flatMap(s -> s)
      .map(k -> k.toLowerCase(Locale.ROOT))
      .collect(Collectors.toUnmodifiableSet());

  /** Reads and validates the settings; fails naming the first bad key. */
  public static SmsConnectionConfig from(Properties properties) throws SQLException {
    Map<ConnectionKey, String> values = new EnumMap<>(ConnectionKey.class);
    for (String name : properties.stringPropertyNames()) {
      ConnectionKey key = ConnectionKey.of(name).orElse(null);
      if (key != null) {
        values.put(key, properties.getProperty(name).trim());
      } else if (!FOREIGN_KEYS.contains(name.toLowerCase(Locale.ROOT))) {
        throw new SQLNonTransientConnectionException("Unknown connection property '" + name
            + "' in the jdbc:sms: URL or Properties. Valid keys: " + validKeys()
            + " (and Calcite's connection properties, e.g. lex, timeZone).", "08001");
      }
    }
    boolean demo = bool(values, ConnectionKey.DEMO);
    String accessKeyId = text(values, ConnectionKey.ACCESS_KEY_ID);
    String secret = text(values, ConnectionKey.SECRET_ACCESS_KEY);
    if ((accessKeyId == null) != (secret == null)) {
      throw invalid(accessKeyId == null ? ConnectionKey.SECRET_ACCESS_KEY : ConnectionKey.ACCESS_KEY_ID,
          "accessKeyId and secretAccessKey must be given together");
    }
    if (text(values, ConnectionKey.SESSION_TOKEN) != null && accessKeyId == null) {
      throw invalid(ConnectionKey.SESSION_TOKEN, "sessionToken needs accessKeyId and secretAccessKey");
    }
    return new SmsConnectionConfig(regions(values), bool(values, ConnectionKey.PARTIAL_RESULTS),
        text(values, ConnectionKey.PROFILE), accessKeyId, secret, text(values, ConnectionKey.SESSION_TOKEN),
        text(values, ConnectionKey.ROLE_ARN), text(values, ConnectionKey.EXTERNAL_ID),
        String.valueOf(text(values, ConnectionKey.ROLE_SESSION_NAME)), endpoint(values, ConnectionKey.STS_ENDPOINT),
        endpoint(values, ConnectionKey.ENDPOINT),
        integer(values, ConnectionKey.PAGE_SIZE, 1, 1000), integer(values, ConnectionKey.MAX_CONCURRENCY, 1, 64),
        duration(values, ConnectionKey.API_CALL_TIMEOUT), retryMode(values),
        integer(values, ConnectionKey.MAX_ATTEMPTS, 1, 20),
        Duration.ofSeconds(integer(values, ConnectionKey.CACHE_TTL, 0, 86_400)),
        integer(values, ConnectionKey.MAX_API_CALLS, 1, Integer.MAX_VALUE), demo);
  }

  static String validKeys() {
    return Arrays.stream(ConnectionKey.values()).map(k -> k.key).collect(Collectors.joining(", "));
  }

  private static @Nullable String text(Map<ConnectionKey, String> values, ConnectionKey key) {
    String value = values.getOrDefault(key, key.defaultValue);
    return value == null || value.isEmpty() ? null : value;
  }

  /** The Regions to query: {@code regions}, else {@code region}; empty for the SDK's region chain. */
  private static List<String> regions(Map<ConnectionKey, String> values) throws SQLException {
    ConnectionKey key = text(values, ConnectionKey.REGIONS) != null ? ConnectionKey.REGIONS : ConnectionKey.REGION;
    String text = text(values, key);
    List<String> regions = text == null ? List.of()
        : Splitter.on(',').trimResults().omitEmptyStrings().splitToStream(text).distinct().toList();
    for (String region : regions) {
      if (!Region.regions().contains(Region.of(region))) {
        throw invalid(key, "'" + region + "' is not an AWS Region known to this driver (e.g. us-east-1, "
            + "eu-west-1)");
      }
    }
    return regions;
  }

  private static @Nullable URI endpoint(Map<ConnectionKey, String> values, ConnectionKey key)
      throws SQLException {
    String endpoint = text(values, key);
    if (endpoint == null) {
      return null;
    }
    try {
      URI uri = new URI(endpoint);
      if (uri.getHost() == null || !Set.of("http", "https").contains(Ascii.toLowerCase(
          String.valueOf(uri.getScheme())))) {
        throw invalid(key, "'" + endpoint + "' is not an http(s) URL with a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw invalid(key, "'" + endpoint + "' is not a URL: " + e.getReason());
    }
  }

  private static RetryMode retryMode(Map<ConnectionKey, String> values) throws SQLException {
    String value = String.valueOf(text(values, ConnectionKey.RETRY_MODE));
    switch (Ascii.toLowerCase(value)) {
    case "standard":
      return RetryMode.STANDARD;
    case "adaptive":
      return RetryMode.ADAPTIVE_V2;
    case "legacy":
      return RetryMode.LEGACY;
    default:
      throw invalid(ConnectionKey.RETRY_MODE, "'" + value + "' is not standard, adaptive or legacy");
    }
  }

  private static boolean bool(Map<ConnectionKey, String> values, ConnectionKey key) throws SQLException {
    String value = Ascii.toLowerCase(String.valueOf(text(values, key)));
    if (!value.equals("true") && !value.equals("false")) {
      throw invalid(key, "'" + values.get(key) + "' is not true or false");
    }
    return Boolean.parseBoolean(value);
  }

  private static int integer(Map<ConnectionKey, String> values, ConnectionKey key, int min, int max)
      throws SQLException {
    String value = String.valueOf(text(values, key));
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(key, "'" + value + "' is not a whole number from " + min + " to " + max);
  }

  /** A duration: {@code 500ms}, {@code 30s}, {@code 2m}, or a bare number of seconds. */
  private static @Nullable Duration duration(Map<ConnectionKey, String> values, ConnectionKey key)
      throws SQLException {
    String value = text(values, key);
    if (value == null) {
      return null;
    }
    String v = Ascii.toLowerCase(value);
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
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(key, "'" + value + "' is not a duration such as 500ms, 30s or 2m");
  }

  private static SQLException invalid(ConnectionKey key, String why) {
    return new SQLException("Invalid value for connection property '" + key.key + "': " + why + ".", "HY024");
  }

  /** Removes the secret pairs from a URL suffix ({@code k=v;k=v}), e.g. for {@code getURL()}. */
  static String redactUrlSuffix(String suffix) {
    return Splitter.on(';').omitEmptyStrings().splitToStream(suffix)
        .filter(pair -> {
          int eq = pair.indexOf('=');
          String name = (eq < 0 ? pair : pair.substring(0, eq)).trim();
          return ConnectionKey.of(name).map(k -> !k.isSecret()).orElse(true);
        })
        .collect(Collectors.joining(";"));
  }

  @Override public String toString() {
    return "SmsConnectionConfig{regions=" + regions + ", partialResults=" + partialResults + ", profile="
        + profile + ", accessKeyId=" + accessKeyId
        + ", secretAccessKey=" + (secretAccessKey == null ? "null" : "****")
        + ", sessionToken=" + (sessionToken == null ? "null" : "****") + ", roleArn=" + roleArn
        + ", externalId=" + (externalId == null ? "null" : "****") + ", roleSessionName=" + roleSessionName
        + ", stsEndpoint=" + stsEndpoint + ", endpoint=" + endpoint + ", pageSize=" + pageSize + ", maxConcurrency=" + maxConcurrency
        + ", apiCallTimeout=" + apiCallTimeout + ", retryMode=" + retryMode + ", maxAttempts=" + maxAttempts
        + ", cacheTtl=" + cacheTtl + ", maxApiCalls=" + maxApiCalls + ", demo=" + demo + "}";
  }
}
