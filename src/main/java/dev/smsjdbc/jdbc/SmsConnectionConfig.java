package dev.smsjdbc.jdbc;

import dev.smsjdbc.api.VisibleText;
import org.apache.calcite.avatica.BuiltInConnectionProperty;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.checkerframework.checker.nullness.qual.Nullable;
import software.amazon.awssdk.core.retry.RetryMode;

import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The validated settings of one connection, read from the merged URL and {@code Properties} with the types
 * {@link ConnectionKey} declares. Calcite ignores keys it does not know, so a typo such as {@code regon}
 * would silently fall back to a default: here every key must be one of {@link ConnectionKey}. Calcite's
 * other properties are rejected too, as some read files or load classes. No value may hold a control
 * character (a line break in a session token would reach an HTTP header). {@link #toString()} never shows
 * a secret, and the Properties that Calcite's connection keeps hold none ({@link #opening}).
 */
public final class SmsConnectionConfig {
  /**
   * What the driver sets for Calcite (case-insensitive identifiers, lenient SQL); not the user's. Calcite's
   * {@code timeZone} is set too, from {@link ConnectionKey#TIME_ZONE}.
   */
  static final Map<String, String> CALCITE_SETTINGS = Map.of("lex", "MYSQL_ANSI", "conformance", "LENIENT");

  /** Calcite's and Avatica's keys, only to say why one is rejected. */
  private static final List<String> CALCITE_KEYS = Stream.concat(
          Arrays.stream(CalciteConnectionProperty.values()).map(CalciteConnectionProperty::camelName),
          Arrays.stream(BuiltInConnectionProperty.values()).map(BuiltInConnectionProperty::camelName))
      .map(k -> k.toLowerCase(Locale.ROOT)).toList();

  /** The value of each key given or defaulted; the access key pair may come from user/password. */
  private final Map<ConnectionKey, Object> values;

  private SmsConnectionConfig(Map<ConnectionKey, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /** Reads and validates the settings; fails naming the first bad key. */
  public static SmsConnectionConfig from(Properties properties) throws SQLException {
    Map<ConnectionKey, String> given = new EnumMap<>(ConnectionKey.class);
    for (String name : properties.stringPropertyNames()) {
      String value = properties.getProperty(name);
      ConnectionKey key = ConnectionKey.of(name).orElse(null);
      if (key != null) {
        given.put(key, value);
      } else if (!value.equals(CALCITE_SETTINGS.get(name))) {
        throw unknownKey(name);
      }
    }
    Map<ConnectionKey, Object> values = new EnumMap<>(ConnectionKey.class);
    for (ConnectionKey key : ConnectionKey.values()) {
      String text = given.get(key);
      if (text != null && VisibleText.hasControlCharacters(text.trim())) {
        throw ValueType.invalid(key, text, "holds a line break, tab, escape or other control character");
      }
      Object value = key.parse(text);
      if (value != null) {
        values.put(key, value);
      }
    }
    credentials(values);
    return new SmsConnectionConfig(values);
  }

  /**
   * A connection about to open: its settings, and the Properties its Calcite connection is given (and shows
   * to anyone, through {@code unwrap(CalciteConnection.class).getProperties()}).
   */
  record Opening(SmsConnectionConfig config, Properties calciteProperties) {}

  /**
   * The URL's and {@code info}'s keys merged (the URL wins) and validated; validated first, as Calcite reads
   * some keys on connect. Calcite's properties get {@link #CALCITE_SETTINGS} and none of the secrets: those
   * reach the credentials provider through the config only.
   */
  static Opening opening(String urlSuffix, @Nullable Properties info) throws SQLException {
    Properties merged = UrlSuffix.merge(urlSuffix, info == null ? new Properties() : info);
    SmsConnectionConfig config = from(merged);
    CALCITE_SETTINGS.forEach(merged::setProperty);
    // Resolved once, so that the default is the JVM's zone at connect time; as Calcite reads it.
    merged.stringPropertyNames().stream()
        .filter(name -> ConnectionKey.TIME_ZONE.key.equalsIgnoreCase(name)
            || ConnectionKey.of(name).map(ConnectionKey::isSecret).orElse(false))
        .forEach(merged::remove);
    merged.setProperty(ConnectionKey.TIME_ZONE.key, TimeZone.getTimeZone(config.timeZone()).getID());
    return new Opening(config, merged);
  }

  private static SQLException unknownKey(String name) {
    String what = CALCITE_KEYS.contains(name.toLowerCase(Locale.ROOT))
        ? "Calcite's connection property '" + ValueType.shorten(name) + "' is not accepted by jdbc:sms: "
            + "(Calcite's properties may read files or load classes; only caseSensitive is let through)."
        : "Unknown connection property '" + ValueType.shorten(name) + "' in the jdbc:sms: URL or Properties.";
    return new SQLNonTransientConnectionException(what + " Valid keys: " + ConnectionKey.names() + ".",
        SqlState.CONNECTION_UNABLE_TO_CONNECT.code());
  }

  /**
   * Checks the static keys, and makes user/password the access key pair when nothing else names
   * credentials, so that login dialogs work and {@link #accessKeyId()} is all the consumers read.
   */
  private static void credentials(Map<ConnectionKey, Object> values) throws SQLException {
    boolean keys = values.containsKey(ConnectionKey.ACCESS_KEY_ID);
    if (keys != values.containsKey(ConnectionKey.SECRET_ACCESS_KEY)) {
      throw ValueType.invalid(keys ? ConnectionKey.ACCESS_KEY_ID : ConnectionKey.SECRET_ACCESS_KEY,
          "accessKeyId and secretAccessKey must be given together");
    }
    boolean other = keys || values.containsKey(ConnectionKey.PROFILE) || values.get(ConnectionKey.DEMO) == Boolean.TRUE;
    Object user = values.get(ConnectionKey.USER);
    Object password = values.get(ConnectionKey.PASSWORD);
    if (!other && (user != null || password != null)) {
      if (user == null || password == null) {
        throw ValueType.invalid(user == null ? ConnectionKey.USER : ConnectionKey.PASSWORD, "without other "
            + "credentials, user and password are the access key id and secret access key, and go together");
      }
      values.put(ConnectionKey.ACCESS_KEY_ID, user);
      values.put(ConnectionKey.SECRET_ACCESS_KEY, password);
    }
    if (values.containsKey(ConnectionKey.SESSION_TOKEN) && !values.containsKey(ConnectionKey.ACCESS_KEY_ID)) {
      throw ValueType.invalid(ConnectionKey.SESSION_TOKEN, "sessionToken needs accessKeyId and secretAccessKey");
    }
  }

  /** Removes the secret pairs from a URL suffix ({@code k=v;k=v}), e.g. for {@code getURL()}. */
  static String redactUrlSuffix(String suffix) throws SQLException {
    return UrlSuffix.redact(suffix);
  }

  @SuppressWarnings("unchecked")
  private <T> @Nullable T get(ConnectionKey key) {
    return (T) values.get(key);
  }

  private <T> T required(ConnectionKey key) {
    T value = get(key);
    if (value == null) {
      throw new IllegalStateException(key.key + " has no value, though ConnectionKey gives it a default");
    }
    return value;
  }

  /** The Regions to query: {@code regions}, else {@code region}; empty for the SDK's region chain. */
  public List<String> regions() {
    List<String> regions = get(ConnectionKey.REGIONS);
    if (regions != null && !regions.isEmpty()) {
      return regions;
    }
    List<String> region = get(ConnectionKey.REGION);
    return region == null ? List.of() : region;
  }

  public boolean partialResults() {
    return required(ConnectionKey.PARTIAL_RESULTS);
  }

  public @Nullable String profile() {
    return get(ConnectionKey.PROFILE);
  }

  /** {@code accessKeyId}, or {@code user} when it stands for it. */
  public @Nullable String accessKeyId() {
    return get(ConnectionKey.ACCESS_KEY_ID);
  }

  /** {@code secretAccessKey}, or {@code password} when it stands for it. */
  public @Nullable String secretAccessKey() {
    return get(ConnectionKey.SECRET_ACCESS_KEY);
  }

  public @Nullable String sessionToken() {
    return get(ConnectionKey.SESSION_TOKEN);
  }

  public @Nullable String roleArn() {
    return get(ConnectionKey.ROLE_ARN);
  }

  public @Nullable String externalId() {
    return get(ConnectionKey.EXTERNAL_ID);
  }

  public String roleSessionName() {
    return required(ConnectionKey.ROLE_SESSION_NAME);
  }

  public @Nullable URI stsEndpoint() {
    return get(ConnectionKey.STS_ENDPOINT);
  }

  public @Nullable URI endpoint() {
    return get(ConnectionKey.ENDPOINT);
  }

  public int pageSize() {
    return required(ConnectionKey.PAGE_SIZE);
  }

  public int maxConcurrency() {
    return required(ConnectionKey.MAX_CONCURRENCY);
  }

  public Duration apiCallTimeout() {
    return required(ConnectionKey.API_CALL_TIMEOUT);
  }

  public long maxResponseSize() {
    return required(ConnectionKey.MAX_RESPONSE_SIZE);
  }

  public RetryMode retryMode() {
    String mode = required(ConnectionKey.RETRY_MODE);
    return switch (mode) {
      case "adaptive" -> RetryMode.ADAPTIVE_V2;
      case "legacy" -> RetryMode.LEGACY;
      default -> RetryMode.STANDARD;
    };
  }

  public int maxAttempts() {
    return required(ConnectionKey.MAX_ATTEMPTS);
  }

  public Duration cacheTtl() {
    return Duration.ofSeconds(this.<Integer>required(ConnectionKey.CACHE_TTL));
  }

  public int maxApiCalls() {
    return required(ConnectionKey.MAX_API_CALLS);
  }

  /** The session's time zone: {@code timeZone}, else the JVM's. */
  public ZoneId timeZone() {
    ZoneId zone = get(ConnectionKey.TIME_ZONE);
    return zone == null ? ZoneId.systemDefault() : zone;
  }

  public boolean demo() {
    return required(ConnectionKey.DEMO);
  }

  /** {@code archive}: the saved history to read instead of an endpoint, or null. */
  public @Nullable Path archive() {
    String path = get(ConnectionKey.ARCHIVE);
    return path == null ? null : Path.of(path);
  }

  @Override public boolean equals(Object o) {
    return o instanceof SmsConnectionConfig other && values.equals(other.values);
  }

  @Override public int hashCode() {
    return values.hashCode();
  }

  /** Every key with its value, a secret as {@code ****}. */
  @Override public String toString() {
    return Arrays.stream(ConnectionKey.values())
        .map(k -> k.key + "=" + (k.isSecret() && values.containsKey(k) ? "****" : values.get(k)))
        .collect(Collectors.joining(", ", "SmsConnectionConfig{", "}"));
  }
}
