package dev.smsjdbc.jdbc;

import org.apache.calcite.avatica.ConnectionConfigImpl;
import org.apache.calcite.avatica.ConnectionProperty;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static dev.smsjdbc.jdbc.ValueType.bool;
import static dev.smsjdbc.jdbc.ValueType.choice;
import static dev.smsjdbc.jdbc.ValueType.duration;
import static dev.smsjdbc.jdbc.ValueType.integer;
import static dev.smsjdbc.jdbc.ValueType.region;
import static dev.smsjdbc.jdbc.ValueType.regions;
import static dev.smsjdbc.jdbc.ValueType.size;
import static dev.smsjdbc.jdbc.ValueType.string;
import static dev.smsjdbc.jdbc.ValueType.url;
import static dev.smsjdbc.jdbc.ValueType.zone;

/**
 * Every key a {@code jdbc:sms:} URL or its {@code Properties} may hold, declared once (as pgjdbc's
 * {@code PGProperty}): name, type, default, description, and whether it is a secret. Validation,
 * redaction, {@code getPropertyInfo} and the README's key table ({@link ConnectionKeyReference}) all read
 * this table; a key that is not here is rejected.
 */
public enum ConnectionKey implements ConnectionProperty {
  REGION("region", region(), null, "AWS Region to query, e.g. us-east-1. Default: the SDK's region chain "
      + "(AWS_REGION, the profile); us-east-1 with demo=true, and with endpoint when neither names one."),
  REGIONS("regions", regions(), null, "Regions queried in parallel, e.g. us-east-1,eu-west-1; every row "
      + "carries its region. Overrides region."),
  PARTIAL_RESULTS("partialResults", bool(), "false", "With several Regions: true returns the other Regions' "
      + "rows when one fails and reports it as an SQLWarning; false fails the query naming the Region."),
  PROFILE("profile", string(), null, "Named profile from ~/.aws/config and ~/.aws/credentials for "
      + "credentials (and region)."),
  ACCESS_KEY_ID("accessKeyId", string(), null, "Static access key id; needs secretAccessKey."),
  SECRET_ACCESS_KEY("secretAccessKey", string(), null, "Static secret access key. Never logged or shown.",
      Flag.SECRET),
  SESSION_TOKEN("sessionToken", string(), null, "Session token of temporary static credentials. Never "
      + "logged or shown.", Flag.SECRET),
  ROLE_ARN("roleArn", string(), null, "IAM role to assume through STS with the other credentials (keys, "
      + "profile or default chain), e.g. arn:aws:iam::123456789012:role/SmsReadOnly; refreshed before it "
      + "expires."),
  // Not a secret: an identifier that grants nothing without credentials the role trusts, kept in plain
  // text in the trust policy and in CloudTrail; shown, so that a wrong one can be seen.
  EXTERNAL_ID("externalId", string(), null, "External id for roleArn, if the role's trust policy requires "
      + "one."),
  ROLE_SESSION_NAME("roleSessionName", string(), "sms-jdbc", "Session name for roleArn, shown in CloudTrail."),
  ENDPOINT("endpoint", url(), null, "SMS endpoint override, e.g. http://127.0.0.1:8443 for the emulator. "
      + "Default: the Region's SMS endpoint."),
  STS_ENDPOINT("stsEndpoint", url(), null, "STS endpoint override (for roleArn), e.g. the emulator's. "
      + "Default: the Region's STS endpoint."),
  PAGE_SIZE("pageSize", integer(1, 1000), "50", "maxResults of each list call."),
  MAX_CONCURRENCY("maxConcurrency", integer(1, 64), "8", "API calls one query may have in flight, e.g. "
      + "runs of many jobs."),
  API_CALL_TIMEOUT("apiCallTimeout", duration(), "60s", "Time limit of one API call, retries and waits "
      + "between them included, whatever the server does (a silent or dripping server, a long Retry-After)."),
  MAX_RESPONSE_SIZE("maxResponseSize", size(), "64MB", "Largest API answer accepted; a larger one fails the "
      + "call (and is not retried) instead of filling the heap."),
  RETRY_MODE("retryMode", choice("standard", "adaptive", "legacy"), "standard", "How throttled and failed "
      + "calls are retried: the AWS SDK's retry modes, with exponential backoff and jitter."),
  MAX_ATTEMPTS("maxAttempts", integer(1, 20), "5", "Attempts per API call, the first included; 1 turns "
      + "retries off."),
  CACHE_TTL("cacheTtl", integer(0, 86_400), "0", "Seconds for which identical API calls are answered from a "
      + "cache shared by the connections with the same credentials, endpoint and Region (bounded; "
      + "/*+ no_cache */ in a statement bypasses it); 0 turns it off."),
  MAX_API_CALLS("maxApiCalls", integer(1, Integer.MAX_VALUE), "10000", "Most API calls one statement may "
      + "make; a statement about to exceed it fails (SQLState 54000) before making them."),
  // Also Calcite's timeZone, which the driver sets from it (SmsConnectionConfig.calciteProperties).
  TIME_ZONE("timeZone", zone(), null, "Time zone of TIMESTAMP values: the wall clock getString (and so "
      + "sqlline and CSV exports) shows, SQL literals and setString/setTimestamp parameters are read in, and "
      + "getObject(LocalDateTime) returns; getTimestamp is the instant either way. Default: the JVM's zone "
      + "when the connection opens (as pgjdbc); UTC shows the API's UTC times."),
  DEMO("demo", bool(), "false", "true starts the bundled emulator in-process on the demo data; no account "
      + "or credentials needed."),
  ARCHIVE("archive", string(), null, "Saved SMS history to query instead of an endpoint: a folder (searched "
      + "recursively for *.json, a file's Region from its nearest folder named like a Region) or one file of "
      + "AWS CLI or SDK output of get-replication-jobs, get-replication-runs, get-servers, get-connectors, "
      + "list-apps. No endpoint, credentials or network; region/regions select among its Regions."),
  // What login dialogs (DBeaver, BI tools) send. As in Amazon's Athena driver, they are the access key
  // pair when nothing else names credentials; otherwise they are ignored.
  USER("user", string(), null, "Access key id, if no other credentials are given (accessKeyId, profile, "
      + "demo); for login dialogs. Ignored otherwise."),
  PASSWORD("password", string(), null, "Secret access key that goes with user. Never logged or shown.",
      Flag.SECRET),
  // The one Calcite property that is let through: the others could read files (model) or load classes
  // (schemaFactory, typeSystem, ...) named by whoever writes the URL.
  CASE_SENSITIVE("caseSensitive", bool(), "false", "true matches identifiers case-sensitively (Calcite's "
      + "setting); by default replication_jobs, REPLICATION_JOBS and \"replication_jobs\" are the same.");

  /** Properties of a key beyond its type. */
  enum Flag {
    /** A credential: never shown by getURL(), toString(), getPropertyInfo, messages or logs. */
    SECRET
  }

  private static final Map<String, ConnectionKey> BY_NAME = new HashMap<>();

  static {
    for (ConnectionKey k : values()) {
      BY_NAME.put(k.key.toLowerCase(Locale.ROOT), k);
    }
  }

  /** The key as written in URLs, e.g. {@code accessKeyId}; matched ignoring case. */
  public final String key;
  private final ValueType type;
  private final @Nullable String defaultText;
  private final String description;
  private final List<Flag> flags;

  ConnectionKey(String key, ValueType type, @Nullable String defaultText, String description, Flag... flags) {
    this.key = key;
    this.type = type;
    this.defaultText = defaultText;
    this.description = description;
    this.flags = List.of(flags);
  }

  /** The key with this name, ignoring case. */
  public static Optional<ConnectionKey> of(String name) {
    return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
  }

  /** Whether the value is a credential that must never be shown. */
  public boolean isSecret() {
    return flags.contains(Flag.SECRET);
  }

  public String description() {
    return description;
  }

  /** The default as it would be written in the URL; null if there is none. */
  public @Nullable String defaultText() {
    return defaultText;
  }

  /** The allowed values of a boolean or choice key, else empty. */
  public List<String> choices() {
    return type.choices();
  }

  /** The type and allowed values, as the README's table shows them. */
  public String typeDescription() {
    return type.describe();
  }

  /** The value of {@code text}, or the default's when {@code text} is null or blank; null if neither. */
  @Nullable Object parse(@Nullable String text) throws SQLException {
    String value = text == null || text.isBlank() ? defaultText : text.trim();
    return value == null ? null : type.parse(this, value);
  }

  // ConnectionProperty, so that Avatica's tools can read these keys like its own.

  @Override public String camelName() {
    return key;
  }

  @Override public @Nullable Object defaultValue() {
    try {
      return type.kind() == ValueType.Kind.BOOLEAN || type.kind() == ValueType.Kind.INTEGER
          ? parse(null) : defaultText;
    } catch (SQLException e) {
      throw new AssertionError("bad default of " + key, e);
    }
  }

  @Override public Type type() {
    return type.avaticaType();
  }

  @Override public ConnectionConfigImpl.PropEnv wrap(Properties properties) {
    Map<String, ConnectionKey> byUpperName = new HashMap<>();
    for (ConnectionKey k : values()) {
      byUpperName.put(k.key.toUpperCase(Locale.ROOT), k);
      byUpperName.put(k.name(), k);
    }
    return new ConnectionConfigImpl.PropEnv(ConnectionConfigImpl.parse(properties, byUpperName), this);
  }

  @Override public boolean required() {
    return false;
  }

  @Override public Class<?> valueClass() {
    return type().deduceValueClass(defaultValue(), type().defaultValueClass());
  }

  /** The keys, comma-separated, for messages. */
  static String names() {
    return String.join(", ", Arrays.stream(values()).map(k -> k.key).toList());
  }
}
