package dev.smsjdbc.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.sms.SmsClient;
import software.amazon.awssdk.services.sms.model.InternalErrorException;
import software.amazon.awssdk.services.sms.model.SmsException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fault injection, changed while the emulator runs. */
class FaultsTest {
  private static SmsEmulator emulator;
  private static SmsClient client;

  @BeforeAll
  static void start() {
    emulator = SmsEmulator.startDemo();
    client = TestClients.client(emulator); // SDK retries disabled
  }

  @AfterAll
  static void stop() {
    client.close();
    emulator.close();
  }

  @BeforeEach
  void reset() {
    emulator.faults().clear();
    emulator.resetCounters();
  }

  @Test
  void latencyDelaysEveryRequest() {
    client.getConnectors(r -> { }); // warm up the connection
    emulator.faults().latency(Duration.ofMillis(300));
    for (int i = 0; i < 2; i++) {
      long start = System.nanoTime();
      client.getConnectors(r -> { });
      assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos());
    }
    emulator.faults().latency(Duration.ZERO);
    long start = System.nanoTime();
    client.getConnectors(r -> { });
    assertTrue(System.nanoTime() - start < Duration.ofMillis(300).toNanos());
  }

  @Test
  void throttleFirstThreeThrowsThrottlingExceptionThreeTimes() {
    emulator.faults().throttleFirst(3);
    for (int i = 0; i < 3; i++) {
      SmsException e = assertThrows(SmsException.class, () -> client.getReplicationJobs(r -> { }));
      assertEquals("ThrottlingException", e.awsErrorDetails().errorCode());
      assertEquals("Rate exceeded", e.awsErrorDetails().errorMessage());
      assertEquals(400, e.statusCode());
      assertTrue(e.isThrottlingException());
    }
    assertEquals(12, client.getReplicationJobs(r -> { }).replicationJobList().size());
  }

  @Test
  void sdkWithDefaultRetriesRidesOutThrottling() {
    emulator.faults().throttleFirst(1);
    try (SmsClient retrying = TestClients.client(emulator, AwsBasicCredentials.create(
        SmsEmulator.DEMO_ACCESS_KEY_ID, SmsEmulator.DEMO_SECRET_ACCESS_KEY), true)) {
      assertEquals(4, retrying.getConnectors(r -> { }).connectorList().size());
    }
    assertEquals(2, emulator.requestCount("GetConnectors"));
  }

  @Test
  void failAfterTwoSuccessesFailsTheThirdCallWith503() {
    emulator.faults().failAfter(2, 503);
    client.getServers(r -> { });
    client.getServers(r -> { });
    for (int i = 0; i < 2; i++) { // and every call after it
      SmsException e = assertThrows(SmsException.class, () -> client.getServers(r -> { }));
      assertEquals(503, e.statusCode());
      assertEquals("ServiceUnavailable", e.awsErrorDetails().errorCode());
    }
  }

  @Test
  void failAfterWith500IsInternalError() {
    emulator.faults().failAfter(0, 500);
    InternalErrorException e =
        assertThrows(InternalErrorException.class, () -> client.getServers(r -> { }));
    assertEquals(500, e.statusCode());
    assertEquals("InternalError", e.awsErrorDetails().errorCode());
  }

  @Test
  void onlyForRestrictsFaultsToOneOperation() {
    emulator.faults().onlyFor("GetReplicationRuns").throttleFirst(1).failAfter(1, 503);
    String jobId = emulator.data().replicationJobs().get(0).get("replicationJobId").asText();
    client.getReplicationJobs(r -> { });
    client.getServers(r -> { });
    assertEquals("ThrottlingException", assertThrows(SmsException.class,
        () -> client.getReplicationRuns(r -> r.replicationJobId(jobId)))
        .awsErrorDetails().errorCode());
    client.getReplicationRuns(r -> r.replicationJobId(jobId));
    client.getConnectors(r -> { });
    assertEquals(503, assertThrows(SmsException.class,
        () -> client.getReplicationRuns(r -> r.replicationJobId(jobId))).statusCode());
    client.getReplicationJobs(r -> { });
  }

  @Test
  void clearRemovesAllFaults() {
    emulator.faults().throttleFirst(5).failAfter(0, 500).latency(Duration.ofSeconds(5));
    emulator.faults().clear();
    assertEquals(4, client.getConnectors(r -> { }).connectorList().size());
  }

  @Test
  void faultsAreCountedAndLoggedLikeOtherRequests() {
    emulator.faults().throttleFirst(1);
    assertThrows(SmsException.class, () -> client.getConnectors(r -> { }));
    client.getConnectors(r -> { });
    assertEquals(2, emulator.requestCount("GetConnectors"));
    assertEquals(400, emulator.requestLog().get(0).status());
    assertEquals(200, emulator.requestLog().get(1).status());
  }

  @Test
  void invalidFaultSettingsAreRefused() {
    Faults faults = emulator.faults();
    assertThrows(IllegalArgumentException.class, () -> faults.failAfter(1, 404));
    assertThrows(IllegalArgumentException.class, () -> faults.throttleFirst(-1));
    assertThrows(IllegalArgumentException.class, () -> faults.latency(Duration.ofMillis(-1)));
  }
}
