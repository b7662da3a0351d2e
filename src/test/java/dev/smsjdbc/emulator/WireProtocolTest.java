package dev.smsjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.regex.Pattern;

import software.amazon.awssdk.services.sms.SmsClient;
import software.amazon.awssdk.services.sms.model.GetConnectorsResponse;
import software.amazon.awssdk.services.sms.model.InvalidParameterException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bytes on the wire follow AWS JSON 1.1. */
class WireProtocolTest {
  private static SmsEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = SmsEmulator.startDemo();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void endpointIsLoopbackOnAnEphemeralPort() {
    assertEquals("http", emulator.endpoint().getScheme());
    assertEquals("127.0.0.1", emulator.endpoint().getHost());
    assertTrue(emulator.endpoint().getPort() > 0);
  }

  @Test
  void answersAreAwsJson11WithARequestIdUuid() {
    TestClients.Response response = TestClients.post(emulator, "GetConnectors", "{}");
    assertEquals(200, response.status());
    assertEquals("application/x-amz-json-1.1", response.header("Content-Type"));
    String requestId = response.header("x-amzn-RequestId");
    assertEquals(requestId, UUID.fromString(requestId).toString());
    assertNotNull(response.header("Date")); // the SDK estimates clock skew from it
  }

  @Test
  void sdkSurfacesTheRequestId() {
    try (SmsClient client = TestClients.client(emulator)) {
      GetConnectorsResponse response = client.getConnectors(r -> { });
      UUID.fromString(response.responseMetadata().requestId());
      InvalidParameterException e = assertThrows(InvalidParameterException.class,
          () -> client.getReplicationRuns(r -> r.replicationJobId("sms-job-00000000000000000")));
      UUID.fromString(e.requestId());
    }
  }

  @Test
  void absentMembersAreOmittedNeverNull() {
    TestClients.Response response = TestClients.post(emulator, "GetReplicationJobs", "{}");
    assertFalse(response.body().contains("null"), "no null anywhere");
    JsonNode pending = null;
    for (JsonNode job : response.json().get("replicationJobList")) {
      if (job.get("state").asText().equals("PENDING")) {
        pending = job;
      }
    }
    assertNotNull(pending);
    assertFalse(pending.has("latestAmiId"));
    assertFalse(pending.has("statusMessage"));
    assertFalse(response.json().has("nextToken"), "no nextToken on the last page");
  }

  @Test
  void timestampsAreEpochSecondNumbersWithOptionalFractions() {
    TestClients.Response response = TestClients.post(emulator, "GetReplicationJobs", "{}");
    JsonNode job = response.json().get("replicationJobList").get(0);
    assertTrue(job.get("seedReplicationTime").isIntegralNumber());
    JsonNode run = job.get("replicationRunList").get(0);
    assertTrue(run.get("scheduledStartTime").isNumber());
    // A fractional timestamp is written plainly, never in exponent notation.
    assertTrue(Pattern.compile("\"scheduledStartTime\":1\\d{9}\\.\\d{1,3}[,}]")
        .matcher(response.body()).find(), response.body());
    assertFalse(Pattern.compile(":-?\\d+(\\.\\d+)?[eE]").matcher(response.body()).find());
  }

  @Test
  void errorsCarryTypeMessageAndErrorTypeHeader() {
    TestClients.Response response = TestClients.post(emulator, "GetReplicationRuns",
        "{\"replicationJobId\":\"sms-job-00000000000000000\"}");
    assertEquals(400, response.status());
    assertEquals("InvalidParameterException", response.header("x-amzn-ErrorType"));
    assertEquals("InvalidParameterException", response.json().get("__type").asText());
    assertTrue(response.json().get("message").asText().contains("sms-job-00000000000000000"));
    UUID.fromString(response.header("x-amzn-RequestId"));
  }

  @Test
  void responseMembersFollowTheModelNames() {
    JsonNode servers = TestClients.post(emulator, "GetServers", "{}").json();
    assertEquals("AVAILABLE", servers.get("serverCatalogStatus").asText());
    assertTrue(servers.get("lastModifiedOn").isNumber());
    assertTrue(servers.get("serverList").isArray());
    assertTrue(TestClients.post(emulator, "GetConnectors", "{}").json()
        .get("connectorList").isArray());
    assertTrue(TestClients.post(emulator, "ListApps", "{}").json().get("apps").isArray());
    String jobId = emulator.data().replicationJobs().get(0).get("replicationJobId").asText();
    JsonNode runs = TestClients.post(emulator, "GetReplicationRuns",
        "{\"replicationJobId\":\"" + jobId + "\",\"maxResults\":10}").json();
    assertEquals(jobId, runs.get("replicationJob").get("replicationJobId").asText());
    assertEquals(10, runs.get("replicationRunList").size());
    assertTrue(runs.get("nextToken").isTextual());
  }

  @Test
  void unicodeIsSentAsUtf8() {
    TestClients.Response response = TestClients.post(emulator, "GetReplicationJobs", "{}");
    assertTrue(response.body().contains("東京データセンターのファイルサーバー"));
    assertTrue(response.body().contains("📧"));
    assertTrue(response.body().contains("Legacy \\\"golden\\\" ERP image"));
  }
}
