package dev.smsjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sms.SmsClient;
import software.amazon.awssdk.services.sms.model.SmsException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SigV4: the emulator recomputes each signature with the configured secret, as AWS does. */
class AuthenticationTest {
  private static SmsEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = SmsEmulator.startDemo();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static SmsException refusal(SmsEmulator emu, AwsBasicCredentials credentials) {
    try (SmsClient client = TestClients.client(emu, credentials, false)) {
      return assertThrows(SmsException.class, () -> client.getReplicationJobs(r -> { }));
    }
  }

  private static void assertError(TestClients.Response response, int status, String type) {
    assertEquals(status, response.status(), response.body());
    assertEquals(type, response.header("x-amzn-ErrorType"));
    assertEquals(type, response.json().get("__type").asText());
  }

  @Test
  void correctlySignedRequestsAreServed() {
    try (SmsClient client = TestClients.client(emulator)) {
      assertEquals(12, client.getReplicationJobs(r -> { }).replicationJobList().size());
    }
  }

  @Test
  void unknownAccessKeyIsUnrecognizedClientException() {
    SmsException e = refusal(emulator,
        AwsBasicCredentials.create("AKIAUNKNOWNKEY000000", SmsEmulator.DEMO_SECRET_ACCESS_KEY));
    assertEquals("UnrecognizedClientException", e.awsErrorDetails().errorCode());
    assertEquals(400, e.statusCode());
  }

  @Test
  void wrongSecretIsInvalidSignatureException() {
    SmsException e = refusal(emulator,
        AwsBasicCredentials.create(SmsEmulator.DEMO_ACCESS_KEY_ID, "wrong-secret"));
    assertEquals("InvalidSignatureException", e.awsErrorDetails().errorCode());
    assertEquals(403, e.statusCode());
    assertTrue(e.awsErrorDetails().errorMessage().contains("signature we calculated"),
        e.getMessage());
  }

  @Test
  void missingAuthorizationIsMissingAuthenticationTokenException() {
    TestClients.Response response = TestClients.send(emulator.endpoint(), "POST",
        Map.of("Content-Type", ExchangeHandler.CONTENT_TYPE,
            "X-Amz-Target", TestClients.TARGET_PREFIX + "GetReplicationJobs"),
        "{}".getBytes(StandardCharsets.UTF_8));
    assertError(response, 403, "MissingAuthenticationTokenException");
  }

  @Test
  void malformedAuthorizationIsIncompleteSignatureException() {
    TestClients.Response response = TestClients.send(emulator.endpoint(), "POST",
        Map.of("Authorization", "Basic dXNlcjpwYXNz",
            "X-Amz-Target", TestClients.TARGET_PREFIX + "GetReplicationJobs"),
        "{}".getBytes(StandardCharsets.UTF_8));
    assertError(response, 400, "IncompleteSignatureException");
  }

  @Test
  void alteredBodyIsInvalidSignatureException() {
    byte[] signedBody = "{\"maxResults\":5}".getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = TestClients.signedHeaders(emulator, "sms", "us-east-1",
        Map.of("X-Amz-Target", TestClients.TARGET_PREFIX + "GetReplicationJobs"), signedBody);
    assertError(TestClients.send(emulator.endpoint(), "POST", headers,
        "{\"maxResults\":6}".getBytes(StandardCharsets.UTF_8)), 403, "InvalidSignatureException");
  }

  @Test
  void alteredSignedHeaderIsInvalidSignatureException() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new HashMap<>(TestClients.signedHeaders(emulator, "sms",
        "us-east-1", Map.of("X-Amz-Target", TestClients.TARGET_PREFIX + "GetReplicationJobs"),
        body));
    headers.put("X-Amz-Target", TestClients.TARGET_PREFIX + "GetServers");
    assertError(TestClients.send(emulator.endpoint(), "POST", headers, body),
        403, "InvalidSignatureException");
  }

  @Test
  void anyRegionInTheCredentialScopeIsAccepted() {
    for (String region : new String[] {"us-east-1", "eu-central-1", "ap-northeast-1"}) {
      TestClients.Response response = TestClients.signedPost(emulator, region,
          Map.of("X-Amz-Target", TestClients.TARGET_PREFIX + "GetConnectors"), "{}");
      assertEquals(200, response.status(), region + ": " + response.body());
    }
  }

  @Test
  void signatureForAnotherServiceIsInvalidSignatureException() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = TestClients.signedHeaders(emulator, "ec2", "us-east-1",
        Map.of("X-Amz-Target", TestClients.TARGET_PREFIX + "GetConnectors"), body);
    TestClients.Response response = TestClients.send(emulator.endpoint(), "POST", headers, body);
    assertError(response, 403, "InvalidSignatureException");
    assertTrue(response.body().contains("'sms'"), response.body());
  }

  @Test
  void requestSignedMoreThanFifteenMinutesAgoIsInvalidSignatureException() {
    Clock future = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20));
    try (SmsEmulator skewed = SmsEmulator.builder().clock(future).start()) {
      TestClients.Response response = TestClients.post(skewed, "GetConnectors", "{}");
      assertError(response, 403, "InvalidSignatureException");
      assertTrue(response.body().contains("Signature expired"), response.body());
    }
  }

  @Test
  void sessionCredentialsAreAcceptedWhateverTheToken() {
    try (SmsClient client = SmsClient.builder()
        .endpointOverride(emulator.endpoint())
        .region(Region.EU_WEST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
            SmsEmulator.DEMO_ACCESS_KEY_ID, SmsEmulator.DEMO_SECRET_ACCESS_KEY,
            "FwoGZXIvYXdzEXAMPLE")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build()) {
      assertEquals(4, client.getConnectors(r -> { }).connectorList().size());
    }
  }

  @Test
  void severalConfiguredKeyPairsAreEachAcceptedAndTheDemoPairNoLonger() {
    try (SmsEmulator emu = SmsEmulator.builder()
        .credentials("AKIAFIRST00000000000", "first-secret")
        .credentials("AKIASECOND0000000000", "second-secret")
        .start()) {
      for (String[] pair : new String[][] {
          {"AKIAFIRST00000000000", "first-secret"}, {"AKIASECOND0000000000", "second-secret"}}) {
        try (SmsClient client =
            TestClients.client(emu, AwsBasicCredentials.create(pair[0], pair[1]), false)) {
          assertEquals(4, client.getConnectors(r -> { }).connectorList().size());
        }
      }
      assertEquals("UnrecognizedClientException", refusal(emu, AwsBasicCredentials.create(
          SmsEmulator.DEMO_ACCESS_KEY_ID, SmsEmulator.DEMO_SECRET_ACCESS_KEY))
          .awsErrorDetails().errorCode());
      assertEquals("InvalidSignatureException", refusal(emu,
          AwsBasicCredentials.create("AKIAFIRST00000000000", "second-secret"))
          .awsErrorDetails().errorCode());
    }
  }

  @Test
  void refusedRequestsAreLoggedWithTheirStatus() {
    emulator.resetCounters();
    refusal(emulator, AwsBasicCredentials.create(SmsEmulator.DEMO_ACCESS_KEY_ID, "wrong"));
    RecordedRequest logged = emulator.requestLog().get(0);
    assertEquals("GetReplicationJobs", logged.operation());
    assertEquals(403, logged.status());
    JsonNode parameters = logged.parameters();
    assertTrue(parameters.isObject(), parameters.toString());
  }
}
