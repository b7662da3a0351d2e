package dev.smsjdbc.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import software.amazon.awssdk.services.sms.SmsClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checked-in demo data is reproducible and has the variety the driver's demos rely on. */
class DemoDataTest {
  private static final EmulatorData DEMO = EmulatorData.demo();
  private static final BigDecimal AS_OF = BigDecimal.valueOf(DataGenerator.AS_OF.getEpochSecond());

  private static List<ObjectNode> jobs(String state) {
    return DEMO.replicationJobs().stream().filter(j -> j.get("state").asText().equals(state))
        .collect(Collectors.toList());
  }

  private static String id(ObjectNode job) {
    return job.get("replicationJobId").asText();
  }

  @Test
  void checkedInResourceIsWhatDemoDataBuilds() throws IOException {
    String resource;
    try (InputStream in = EmulatorData.class.getResourceAsStream("demo-data.json")) {
      resource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // If this fails after a change to DemoData or DataGenerator, run DemoData.main to regenerate.
    assertEquals(DemoData.build().toJson(), resource);
  }

  @Test
  void hasAboutADozenJobsAndAFewHundredRuns() {
    assertEquals(12, DEMO.replicationJobs().size());
    int runs = DEMO.replicationJobs().stream()
        .mapToInt(j -> DEMO.replicationRuns(id(j)).size()).sum();
    assertEquals(298, runs);
  }

  @Test
  void hasFailedAndPausedOnFailureJobsWithStatusMessages() {
    assertFalse(jobs("FAILED").isEmpty());
    assertFalse(jobs("PAUSED_ON_FAILURE").isEmpty());
    jobs("FAILED").forEach(j -> assertTrue(j.has("statusMessage")));
    jobs("PAUSED_ON_FAILURE").forEach(j -> assertTrue(j.has("statusMessage")));
  }

  @Test
  void hasAJobWhoseLastRunFailedThatStillRuns() {
    ObjectNode failing = jobs("FAILING").get(0);
    assertEquals("FAILED", DEMO.replicationRuns(id(failing)).get(0).get("state").asText());
    assertTrue(failing.has("nextReplicationRunStartTime"));
  }

  @Test
  void hasEncryptedJobsWithAndWithoutKmsKey() {
    List<ObjectNode> encrypted = DEMO.replicationJobs().stream()
        .filter(j -> j.get("encrypted").booleanValue()).collect(Collectors.toList());
    assertTrue(encrypted.stream().filter(j -> j.has("kmsKeyId")).count() >= 3);
    assertEquals(1, encrypted.stream().filter(j -> !j.has("kmsKeyId")).count());
  }

  @Test
  void hasEveryVmManagerType() {
    Set<String> types = DEMO.replicationJobs().stream()
        .map(j -> j.get("vmServer").get("vmManagerType").asText()).collect(Collectors.toSet());
    assertEquals(Set.of("VSPHERE", "SCVMM", "HYPERV-MANAGER"), types);
  }

  @Test
  void hasAnActiveJobOverdueForItsNextRun() {
    List<ObjectNode> overdue = jobs("ACTIVE").stream()
        .filter(j -> j.get("nextReplicationRunStartTime").decimalValue().compareTo(AS_OF) < 0)
        .collect(Collectors.toList());
    assertEquals(1, overdue.size());
    assertEquals("report-prod-01", overdue.get(0).get("vmServer").get("vmName").asText());
  }

  @Test
  void hasARunInProgressAndAPendingJob() {
    assertTrue(DEMO.replicationJobs().stream().anyMatch(
        j -> DEMO.replicationRuns(id(j)).get(0).get("state").asText().equals("ACTIVE")));
    assertEquals(1, jobs("PENDING").size());
  }

  @Test
  void hasServersConnectorsAndApps() {
    assertEquals(16, DEMO.servers().size());
    assertEquals(12, DEMO.servers().stream().filter(s -> s.has("replicationJobId")).count());
    assertEquals(4, DEMO.connectors().size());
    assertTrue(DEMO.connectors().stream()
        .anyMatch(c -> c.get("status").asText().equals("UNHEALTHY")));
    assertEquals(3, DEMO.apps().size());
    assertTrue(DEMO.apps().stream().anyMatch(a -> a.has("launchDetails")));
  }

  @Test
  void timestampsLieIn2024And2025() {
    BigDecimal from = BigDecimal.valueOf(1_704_067_200L); // 2024-01-01
    BigDecimal to = BigDecimal.valueOf(1_767_225_600L); // 2026-01-01
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "\"(\\w*(Time|On|Modified))\" : (\\d+(\\.\\d+)?)").matcher(DEMO.toJson());
    int count = 0;
    while (m.find()) {
      BigDecimal t = new BigDecimal(m.group(3));
      assertTrue(t.compareTo(from) >= 0 && t.compareTo(to) < 0, m.group());
      count++;
    }
    assertTrue(count > 500, "timestamps: " + count);
  }

  @Test
  void startDemoServesTheDemoWithTheDemoCredentials() {
    try (SmsEmulator emulator = SmsEmulator.startDemo();
         SmsClient client = TestClients.client(emulator)) {
      assertEquals(DEMO, emulator.data());
      assertEquals(12, client.getReplicationJobs(r -> { }).replicationJobList().size());
    }
  }
}
