package dev.smsjdbc.jdbc;

import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The keys of a {@code jdbc:sms:} URL (or connection {@code Properties}), with their defaults and docs. */
public enum ConnectionKey {
  REGION("region", null, "AWS Region to query, e.g. us-east-1. Default: the SDK's region chain "
      + "(AWS_REGION, profile, ...); us-east-1 with demo=true."),
  REGIONS("regions", null, "Comma-separated Regions to query in parallel, e.g. us-east-1,eu-west-1; every row "
      + "carries its region. Overrides region."),
  PARTIAL_RESULTS("partialResults", "false", "With several regions: true returns the other regions' rows when a "
      + "region fails, and reports the failure as an SQLWarning; false fails the query."),
  PROFILE("profile", null, "Named profile from ~/.aws/config and ~/.aws/credentials to take credentials "
      + "(and region) from."),
  ACCESS_KEY_ID("accessKeyId", null, "Static access key id; needs secretAccessKey."),
  SECRET_ACCESS_KEY("secretAccessKey", null, "Static secret access key. Never logged or shown."),
  SESSION_TOKEN("sessionToken", null, "Session token for temporary static credentials. Never logged or "
      + "shown."),
  ROLE_ARN("roleArn", null, "IAM role to assume through STS (refreshed automatically), on top of the other "
      + "credentials."),
  EXTERNAL_ID("externalId", null, "External id for roleArn, if the role's trust policy requires one."),
  ROLE_SESSION_NAME("roleSessionName", "sms-jdbc", "Session name for roleArn, shown in CloudTrail."),
  STS_ENDPOINT("stsEndpoint", null, "Endpoint override for STS (roleArn), e.g. the emulator's."),
  ENDPOINT("endpoint", null, "Endpoint override, e.g. http://127.0.0.1:8443 for the emulator."),
  PAGE_SIZE("pageSize", "50", "maxResults of each list call (1-1000)."),
  MAX_CONCURRENCY("maxConcurrency", "8", "How many API calls one query may have in flight (1-64)."),
  API_CALL_TIMEOUT("apiCallTimeout", null, "Time limit of one API call, retries included: 500ms, 30s, 2m "
      + "or a number of seconds. Default: none."),
  RETRY_MODE("retryMode", "standard", "How throttled and failed calls are retried: standard, adaptive or legacy "
      + "(the AWS SDK's retry modes, with exponential backoff and jitter)."),
  MAX_ATTEMPTS("maxAttempts", "5", "Attempts per API call, the first included (1-20); 1 turns retries off."),
  CACHE_TTL("cacheTtl", "0", "Seconds for which identical API calls are answered from a cache shared by the "
      + "connections with the same credentials and region; 0 turns it off."),
  MAX_API_CALLS("maxApiCalls", "10000", "Most API calls one statement may make; a statement about to exceed it "
      + "fails before making them."),
  DEMO("demo", "false", "true starts the bundled SMS emulator in-process on the demo data; needs no AWS "
      + "account or credentials.");

  public final String key;
  public final @Nullable String defaultValue;
  public final String description;

  ConnectionKey(String key, @Nullable String defaultValue, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  /** Whether the value is a credential that must never be shown. */
  public boolean isSecret() {
    return this == SECRET_ACCESS_KEY || this == SESSION_TOKEN;
  }

  /** The key with this name, ignoring case. */
  public static Optional<ConnectionKey> of(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(k -> k.key.toLowerCase(Locale.ROOT).equals(lower)).findFirst();
  }
}
