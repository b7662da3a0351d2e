package dev.smsjdbc.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sms.SmsClient;
import software.amazon.awssdk.services.sms.model.SmsException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The emulator's STS AssumeRole, driven by the SDK's real StsClient over HTTP. */
class StsTest {
  private static final String BASE_KEY = "AKIASTSTESTBASE00001";
  private static final String BASE_SECRET = "sts/test/base/Secret-0123456789abcdef";
  private static final String ROLE = "arn:aws:iam::123456789012:role/migration/SmsReader";
  private static final String EXTERNAL_ID = "org-7f3a-ext";
  private static final String OPEN_ROLE = "arn:aws:iam::210987654321:role/SmsAuditor";

  /** The emulator's clock: the real time, plus what a test adds. */
  private static final AtomicReference<Duration> SHIFT = new AtomicReference<>(Duration.ZERO);
  private static SmsEmulator emulator;
  private static StsClient sts;

  @BeforeAll
  static void start() {
    Clock shifted = new Clock() {
      @Override public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
      }

      @Override public Instant instant() {
        return Instant.now().plus(SHIFT.get());
      }
    };
    emulator = SmsEmulator.builder().credentials(BASE_KEY, BASE_SECRET)
        .assumableRole(ROLE, EXTERNAL_ID).assumableRole(OPEN_ROLE, null).clock(shifted).start();
    sts = sts(AwsBasicCredentials.create(BASE_KEY, BASE_SECRET));
  }

  @AfterAll
  static void stop() {
    sts.close();
    emulator.close();
  }

  @BeforeEach
  void reset() {
    SHIFT.set(Duration.ZERO);
    emulator.resetCounters();
  }

  private static StsClient sts(AwsCredentials credentials) {
    return StsClient.builder()
        .endpointOverride(emulator.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  private static Credentials assume(Consumer<AssumeRoleRequest.Builder> request) {
    return sts.assumeRole(request).credentials();
  }

  @Test
  void assumeRoleReturnsTemporaryCredentials() {
    Instant before = Instant.now();
    AssumeRoleResponse response = sts.assumeRole(r -> r.roleArn(ROLE).roleSessionName("nightly-report")
        .externalId(EXTERNAL_ID));
    Credentials credentials = response.credentials();
    assertTrue(credentials.accessKeyId().matches("ASIA[A-Z2-7]{16}"), credentials.accessKeyId());
    assertEquals(40, credentials.secretAccessKey().length());
    assertTrue(credentials.sessionToken().length() > 100);
    Duration lifetime = Duration.between(before, credentials.expiration());
    assertTrue(lifetime.compareTo(Duration.ofMinutes(59)) > 0 && lifetime.compareTo(Duration.ofMinutes(61)) < 0,
        lifetime::toString);
    assertEquals("arn:aws:sts::123456789012:assumed-role/SmsReader/nightly-report",
        response.assumedRoleUser().arn());
    assertTrue(response.assumedRoleUser().assumedRoleId().matches("AROA[0-9A-F]{17}:nightly-report"),
        response.assumedRoleUser().assumedRoleId());
    assertTrue(response.responseMetadata().requestId().matches("[0-9a-f-]{36}"));

    assertEquals(1, emulator.requestCount("AssumeRole"));
    RecordedRequest logged = emulator.requestLog().get(0);
    assertEquals(new RecordedRequest("AssumeRole", WireJson.MAPPER.createObjectNode()
        .put("RoleArn", ROLE).put("RoleSessionName", "nightly-report").put("ExternalId", EXTERNAL_ID),
        200, BASE_KEY), logged);
    String log = emulator.requestLog().toString();
    assertFalse(log.contains(credentials.secretAccessKey()) || log.contains(credentials.sessionToken())
        || log.contains(BASE_SECRET), log);
  }

  @Test
  void durationSecondsSetsTheExpiration() {
    Instant before = Instant.now();
    Credentials credentials = assume(r -> r.roleArn(OPEN_ROLE).roleSessionName("s1").durationSeconds(900));
    Duration lifetime = Duration.between(before, credentials.expiration());
    assertTrue(lifetime.compareTo(Duration.ofMinutes(14)) > 0 && lifetime.compareTo(Duration.ofMinutes(16)) < 0,
        lifetime::toString);
    assertEquals("900", emulator.requestLog().get(0).parameters().get("DurationSeconds").asText());
    StsException tooShort = assertThrows(StsException.class,
        () -> assume(r -> r.roleArn(OPEN_ROLE).roleSessionName("s1").durationSeconds(899)));
    assertEquals("ValidationError", tooShort.awsErrorDetails().errorCode());
    assertEquals(400, tooShort.statusCode());
  }

  @Test
  void temporaryCredentialsWorkForSmsWithTheirToken() {
    Credentials c = assume(r -> r.roleArn(ROLE).roleSessionName("sms-jdbc").externalId(EXTERNAL_ID));
    emulator.resetCounters();
    try (SmsClient sms = TestClients.client(emulator,
        AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()), false)) {
      assertFalse(sms.getReplicationJobs(r -> { }).replicationJobList().isEmpty());
      assertFalse(sms.getConnectors(r -> { }).connectorList().isEmpty());
    }
    List<RecordedRequest> log = emulator.requestLog();
    assertEquals(2, log.size());
    for (RecordedRequest request : log) {
      assertEquals(200, request.status());
      assertEquals(c.accessKeyId(), request.accessKeyId());
    }
  }

  @Test
  void roleNotRegisteredIsAccessDenied() {
    String unknown = "arn:aws:iam::123456789012:role/Administrator";
    StsException e = assertThrows(StsException.class, () -> assume(r -> r.roleArn(unknown).roleSessionName("x1")));
    assertEquals("AccessDenied", e.awsErrorDetails().errorCode());
    assertEquals(403, e.statusCode());
    assertTrue(e.awsErrorDetails().errorMessage().contains("sts:AssumeRole on resource: " + unknown),
        e.awsErrorDetails().errorMessage());
    assertEquals(403, emulator.requestLog().get(0).status());
  }

  @Test
  void missingOrWrongExternalIdIsAccessDenied() {
    for (String externalId : new String[] {null, "someone-elses-id"}) {
      StsException e = assertThrows(StsException.class,
          () -> assume(r -> r.roleArn(ROLE).roleSessionName("x1").externalId(externalId)));
      assertEquals("AccessDenied", e.awsErrorDetails().errorCode(), String.valueOf(externalId));
    }
    // A role registered without an ExternalId ignores one, as a trust policy without the condition does.
    assume(r -> r.roleArn(OPEN_ROLE).roleSessionName("x1").externalId("anything-goes"));
  }

  @Test
  void temporaryKeyWithoutItsTokenIsRefused() {
    Credentials c = assume(r -> r.roleArn(OPEN_ROLE).roleSessionName("first"));
    Credentials other = assume(r -> r.roleArn(OPEN_ROLE).roleSessionName("second"));
    assertNotEquals(c.accessKeyId(), other.accessKeyId());
    for (AwsCredentials wrong : List.of(
        AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey()),
        AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), other.sessionToken()),
        AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken() + "x"))) {
      try (SmsClient sms = TestClients.client(emulator, wrong, false)) {
        SmsException e = assertThrows(SmsException.class, () -> sms.getReplicationJobs(r -> { }));
        assertEquals("UnrecognizedClientException", e.awsErrorDetails().errorCode());
      }
    }
    // ... and a right token with a wrong secret is still a wrong signature.
    try (SmsClient sms = TestClients.client(emulator,
        AwsSessionCredentials.create(c.accessKeyId(), "not-the-secret", c.sessionToken()), false)) {
      SmsException e = assertThrows(SmsException.class, () -> sms.getReplicationJobs(r -> { }));
      assertEquals("InvalidSignatureException", e.awsErrorDetails().errorCode());
    }
  }

  @Test
  void expiredTemporaryCredentialsAreRefused() {
    Credentials c = assume(r -> r.roleArn(OPEN_ROLE).roleSessionName("short").durationSeconds(900));
    SHIFT.set(Duration.ofMinutes(16));
    try (SmsClient sms = TestClients.client(emulator,
        AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()), false)) {
      SmsException e = assertThrows(SmsException.class, () -> sms.getReplicationJobs(r -> { }));
      assertEquals("ExpiredTokenException", e.awsErrorDetails().errorCode());
    }
    try (StsClient chained = sts(AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(),
        c.sessionToken()))) {
      // The caller's own token expired: STS's ExpiredToken (not the modeled ExpiredTokenException, which is
      // about a token passed in the request).
      StsException e = assertThrows(StsException.class,
          () -> chained.assumeRole(r -> r.roleArn(ROLE).roleSessionName("x1").externalId(EXTERNAL_ID)));
      assertEquals("ExpiredToken", e.awsErrorDetails().errorCode());
    }
  }

  @Test
  void assumedRoleMayAssumeAnotherRole() {
    Credentials c = assume(r -> r.roleArn(OPEN_ROLE).roleSessionName("hop1"));
    try (StsClient chained = sts(AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(),
        c.sessionToken()))) {
      AssumeRoleResponse second = chained.assumeRole(r -> r.roleArn(ROLE).roleSessionName("hop2")
          .externalId(EXTERNAL_ID));
      assertEquals("arn:aws:sts::123456789012:assumed-role/SmsReader/hop2", second.assumedRoleUser().arn());
      assertEquals(c.accessKeyId(), emulator.requestLog().get(1).accessKeyId());
    }
  }

  @Test
  void stsChecksTheCallersSignature() {
    try (StsClient stranger = sts(AwsBasicCredentials.create("AKIAUNKNOWN000000000", "whatever"))) {
      StsException e = assertThrows(StsException.class,
          () -> stranger.assumeRole(r -> r.roleArn(OPEN_ROLE).roleSessionName("x1")));
      assertEquals("InvalidClientTokenId", e.awsErrorDetails().errorCode());
      assertEquals(403, e.statusCode());
    }
    try (StsClient wrongSecret = sts(AwsBasicCredentials.create(BASE_KEY, "not-the-secret"))) {
      StsException e = assertThrows(StsException.class,
          () -> wrongSecret.assumeRole(r -> r.roleArn(OPEN_ROLE).roleSessionName("x1")));
      assertEquals("SignatureDoesNotMatch", e.awsErrorDetails().errorCode());
    }
    assertEquals(2, emulator.requestCount("AssumeRole"));
  }

  @Test
  void otherStsActionsAreUnknown() {
    StsException e = assertThrows(StsException.class, () -> sts.getCallerIdentity());
    assertEquals("InvalidAction", e.awsErrorDetails().errorCode());
    assertEquals(1, emulator.requestCount("GetCallerIdentity"));
  }

  @Test
  void stsRequestsMustBeScopedToSts() {
    try (SmsEmulator demo = SmsEmulator.startDemo()) {
      byte[] body = ("Action=AssumeRole&Version=2011-06-15&RoleArn=" + OPEN_ROLE.replace(":", "%3A")
          .replace("/", "%2F") + "&RoleSessionName=x1").getBytes(java.nio.charset.StandardCharsets.UTF_8);
      TestClients.Response response = TestClients.send(demo.endpoint(), "POST", TestClients.signedHeaders(demo,
          "sms", "us-east-1", java.util.Map.of("Content-Type", "application/x-www-form-urlencoded"), body), body);
      assertEquals(403, response.status());
      assertEquals("text/xml", response.header("Content-Type"));
      assertTrue(response.body().contains("<Code>SignatureDoesNotMatch</Code>"), response.body());
      assertTrue(response.body().contains("'sts'"), response.body());
      assertEquals(1, demo.requestCount("AssumeRole"));
    }
  }
}
