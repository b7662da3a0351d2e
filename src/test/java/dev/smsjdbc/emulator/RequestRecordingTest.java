package dev.smsjdbc.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import software.amazon.awssdk.services.sms.SmsClient;
import software.amazon.awssdk.services.sms.model.InvalidParameterException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-operation counters and the request log. */
class RequestRecordingTest {
  private static SmsEmulator emulator;
  private static SmsClient client;

  @BeforeAll
  static void start() {
    emulator = SmsEmulator.startDemo();
    client = TestClients.client(emulator);
  }

  @AfterAll
  static void stop() {
    client.close();
    emulator.close();
  }

  @BeforeEach
  void reset() {
    emulator.resetCounters();
  }

  @Test
  void countsRequestsPerOperationAndInTotal() {
    client.getReplicationJobs(r -> { });
    client.getReplicationJobs(r -> r.maxResults(5));
    client.getServers(r -> { });
    assertThrows(InvalidParameterException.class,
        () -> client.getReplicationRuns(r -> r.replicationJobId("sms-job-fffffffffffffffff")));
    assertEquals(2, emulator.requestCount("GetReplicationJobs"));
    assertEquals(1, emulator.requestCount("GetServers"));
    assertEquals(1, emulator.requestCount("GetReplicationRuns"));
    assertEquals(0, emulator.requestCount("ListApps"));
    assertEquals(4, emulator.requestCount());
  }

  @Test
  void logRecordsOperationParametersAndStatusInOrder() {
    client.getReplicationJobs(r -> { });
    client.getReplicationJobs(r -> r.maxResults(5));
    assertThrows(InvalidParameterException.class,
        () -> client.getReplicationRuns(r -> r.replicationJobId("sms-job-fffffffffffffffff")));
    List<RecordedRequest> log = emulator.requestLog();
    assertEquals(3, log.size());
    // An absent maxResults is not sent at all: the SDK sends {}.
    assertEquals(new RecordedRequest("GetReplicationJobs", WireJson.object(), 200,
        SmsEmulator.DEMO_ACCESS_KEY_ID), log.get(0));
    assertEquals("{\"maxResults\":5}", log.get(1).parameters().toString());
    assertEquals("GetReplicationRuns", log.get(2).operation());
    assertEquals("sms-job-fffffffffffffffff",
        log.get(2).parameters().get("replicationJobId").asText());
    assertEquals(400, log.get(2).status());
  }

  @Test
  void resetCountersClearsCountsAndLog() {
    client.getConnectors(r -> { });
    emulator.resetCounters();
    assertEquals(0, emulator.requestCount());
    assertEquals(0, emulator.requestCount("GetConnectors"));
    assertTrue(emulator.requestLog().isEmpty());
  }

  @Test
  void unparseableBodiesAreLoggedAsMissing() {
    TestClients.post(emulator, "GetConnectors", "{oops");
    RecordedRequest logged = emulator.requestLog().get(0);
    assertTrue(logged.parameters().isMissingNode());
    assertEquals(400, logged.status());
  }

  @Test
  void requestLogIsASnapshot() {
    client.getConnectors(r -> { });
    List<RecordedRequest> log = emulator.requestLog();
    client.getConnectors(r -> { });
    assertEquals(1, log.size());
    assertThrows(UnsupportedOperationException.class, () -> log.add(log.get(0)));
  }
}
