package dev.smsjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import software.amazon.awssdk.services.sms.model.AppLaunchStatus;
import software.amazon.awssdk.services.sms.model.AppReplicationStatus;
import software.amazon.awssdk.services.sms.model.AppStatus;
import software.amazon.awssdk.services.sms.model.ConnectorCapability;
import software.amazon.awssdk.services.sms.model.ConnectorStatus;
import software.amazon.awssdk.services.sms.model.LicenseType;
import software.amazon.awssdk.services.sms.model.ReplicationJobState;
import software.amazon.awssdk.services.sms.model.ReplicationRunState;
import software.amazon.awssdk.services.sms.model.ReplicationRunType;
import software.amazon.awssdk.services.sms.model.ServerType;
import software.amazon.awssdk.services.sms.model.VmManagerType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generator makes realistic, consistent data, the same for the same seed; files round-trip. */
class EmulatorDataTest {
  private static final EmulatorData DATA = EmulatorData.generate(DataSpec.seed(3).jobs(80).runsPerJob(9)
      .servers(90).connectors(5).apps(8));

  private static final Pattern JOB_ID = Pattern.compile("sms-job-[0-9a-f]{17}");
  private static final Pattern RUN_ID = Pattern.compile("sms-run-[0-9a-f]{17}");
  private static final Pattern SERVER_ID = Pattern.compile("s-[0-9a-f]{17}");
  private static final Pattern CONNECTOR_ID = Pattern.compile("c-[0-9a-f]{17}");
  private static final Pattern APP_ID = Pattern.compile("app-[0-9a-f]{17}");
  private static final Pattern AMI_ID = Pattern.compile("ami-[0-9a-f]{17}");
  private static final Pattern KMS_KEY = Pattern.compile(
      "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"
          + "|arn:aws:kms:us-east-1:\\d{12}:(key/[0-9a-f-]{36}|alias/[\\w-]+)");

  private static String text(JsonNode node, String member) {
    return node.get(member).asText();
  }

  private static BigDecimal time(JsonNode node, String member) {
    return node.get(member).decimalValue();
  }

  @Test
  void sameSeedGivesIdenticalJson() {
    assertEquals(DATA.toJson(), EmulatorData.generate(DataSpec.seed(3).jobs(80).runsPerJob(9)
        .servers(90).connectors(5).apps(8)).toJson());
  }

  @Test
  void differentSeedsGiveDifferentData() {
    assertNotEquals(DATA.toJson(), EmulatorData.generate(DataSpec.seed(4).jobs(80).runsPerJob(9)
        .servers(90).connectors(5).apps(8)).toJson());
  }

  @Test
  void generatesTheRequestedCounts() {
    assertEquals(80, DATA.replicationJobs().size());
    DATA.replicationJobs().forEach(
        j -> assertEquals(9, DATA.replicationRuns(text(j, "replicationJobId")).size()));
    assertEquals(90, DATA.servers().size());
    assertEquals(5, DATA.connectors().size());
    assertEquals(8, DATA.apps().size());
    EmulatorData empty = EmulatorData.generate(DataSpec.seed(1).jobs(0).runsPerJob(0)
        .servers(0).connectors(0).apps(0));
    assertTrue(empty.replicationJobs().isEmpty());
    assertTrue(empty.servers().isEmpty());
  }

  @Test
  void idsHaveTheFormsSmsUses() {
    for (ObjectNode job : DATA.replicationJobs()) {
      assertTrue(JOB_ID.matcher(text(job, "replicationJobId")).matches());
      assertTrue(SERVER_ID.matcher(text(job, "serverId")).matches());
      if (job.has("latestAmiId")) {
        assertTrue(AMI_ID.matcher(text(job, "latestAmiId")).matches());
      }
      if (job.has("kmsKeyId")) {
        assertTrue(KMS_KEY.matcher(text(job, "kmsKeyId")).matches(), text(job, "kmsKeyId"));
      }
      for (ObjectNode run : DATA.replicationRuns(text(job, "replicationJobId"))) {
        assertTrue(RUN_ID.matcher(text(run, "replicationRunId")).matches());
        if (run.has("amiId")) {
          assertTrue(AMI_ID.matcher(text(run, "amiId")).matches());
        }
      }
    }
    DATA.servers().forEach(s -> assertTrue(SERVER_ID.matcher(text(s, "serverId")).matches()));
    DATA.connectors().forEach(
        c -> assertTrue(CONNECTOR_ID.matcher(text(c, "connectorId")).matches()));
    DATA.apps().forEach(a -> assertTrue(APP_ID.matcher(text(a, "appId")).matches()));
  }

  private static <E> void assertEnum(Function<String, E> fromValue, E unknown, JsonNode value) {
    assertNotEquals(unknown, fromValue.apply(value.asText()), value.asText());
  }

  @Test
  void enumValuesComeFromTheModel() {
    for (ObjectNode job : DATA.replicationJobs()) {
      assertEnum(ReplicationJobState::fromValue, ReplicationJobState.UNKNOWN_TO_SDK_VERSION,
          job.get("state"));
      assertEnum(ServerType::fromValue, ServerType.UNKNOWN_TO_SDK_VERSION, job.get("serverType"));
      assertEnum(VmManagerType::fromValue, VmManagerType.UNKNOWN_TO_SDK_VERSION,
          job.get("vmServer").get("vmManagerType"));
      if (job.has("licenseType")) {
        assertEnum(LicenseType::fromValue, LicenseType.UNKNOWN_TO_SDK_VERSION,
            job.get("licenseType"));
      }
      for (ObjectNode run : DATA.replicationRuns(text(job, "replicationJobId"))) {
        assertEnum(ReplicationRunState::fromValue, ReplicationRunState.UNKNOWN_TO_SDK_VERSION,
            run.get("state"));
        assertEnum(ReplicationRunType::fromValue, ReplicationRunType.UNKNOWN_TO_SDK_VERSION,
            run.get("type"));
      }
    }
    for (ObjectNode c : DATA.connectors()) {
      assertEnum(ConnectorStatus::fromValue, ConnectorStatus.UNKNOWN_TO_SDK_VERSION,
          c.get("status"));
      c.get("capabilityList").forEach(cap -> assertEnum(
          ConnectorCapability::fromValue, ConnectorCapability.UNKNOWN_TO_SDK_VERSION, cap));
    }
    for (ObjectNode a : DATA.apps()) {
      assertEnum(AppStatus::fromValue, AppStatus.UNKNOWN_TO_SDK_VERSION, a.get("status"));
      assertEnum(AppReplicationStatus::fromValue, AppReplicationStatus.UNKNOWN_TO_SDK_VERSION,
          a.get("replicationStatus"));
      assertEnum(AppLaunchStatus::fromValue, AppLaunchStatus.UNKNOWN_TO_SDK_VERSION,
          a.get("launchStatus"));
    }
  }

  @Test
  void runsAreNewestFirstAndCompleteAfterTheyStart() {
    for (ObjectNode job : DATA.replicationJobs()) {
      List<ObjectNode> runs = DATA.replicationRuns(text(job, "replicationJobId"));
      for (int i = 0; i < runs.size(); i++) {
        ObjectNode run = runs.get(i);
        String state = text(run, "state");
        boolean finished = state.equals("COMPLETED") || state.equals("FAILED");
        assertEquals(finished, run.has("completedTime"), run.toString());
        if (finished) {
          assertTrue(time(run, "completedTime").compareTo(time(run, "scheduledStartTime")) > 0);
        }
        assertEquals(state.equals("COMPLETED"), run.has("amiId"), run.toString());
        if (i > 0) {
          assertTrue(time(runs.get(i - 1), "scheduledStartTime")
              .compareTo(time(run, "scheduledStartTime")) > 0, "newest first");
        }
        assertEquals(job.get("encrypted"), run.get("encrypted"));
        assertEquals(job.get("kmsKeyId"), run.get("kmsKeyId"));
      }
    }
  }

  @Test
  void jobStateAgreesWithItsRuns() {
    Set<String> states = new HashSet<>();
    for (ObjectNode job : DATA.replicationJobs()) {
      String state = text(job, "state");
      states.add(state);
      List<ObjectNode> runs = DATA.replicationRuns(text(job, "replicationJobId"));
      String lastRun = text(runs.get(0), "state");
      switch (state) {
        case "FAILED", "FAILING", "PAUSED_ON_FAILURE" -> {
          assertEquals("FAILED", lastRun);
          assertTrue(job.has("statusMessage"), job.toString());
        }
        case "ACTIVE" -> assertTrue(lastRun.equals("COMPLETED") || lastRun.equals("ACTIVE"));
        case "COMPLETED" -> {
          assertEquals(true, job.get("runOnce").booleanValue());
          assertFalse(job.has("nextReplicationRunStartTime"));
        }
        default -> {
        }
      }
      String latestAmi = runs.stream().filter(r -> r.has("amiId")).findFirst()
          .map(r -> text(r, "amiId")).orElse(null);
      assertEquals(latestAmi, job.has("latestAmiId") ? text(job, "latestAmiId") : null);
      assertTrue(time(job, "seedReplicationTime")
          .compareTo(time(runs.get(runs.size() - 1), "scheduledStartTime")) <= 0);
    }
    assertTrue(states.containsAll(Set.of("ACTIVE", "FAILED", "PAUSED_ON_FAILURE")),
        states.toString());
  }

  @Test
  void optionalMembersAreAbsentInSomeRowsAndPresentInOthers() {
    for (String member : List.of("description", "kmsKeyId", "licenseType",
        "numberOfRecentAmisToKeep", "nextReplicationRunStartTime", "statusMessage", "runOnce")) {
      long present = DATA.replicationJobs().stream().filter(j -> j.has(member)).count();
      assertTrue(present > 0 && present < DATA.replicationJobs().size(), member + ": " + present);
    }
    long withPath = DATA.servers().stream().filter(s -> s.get("vmServer").has("vmPath")).count();
    assertTrue(withPath > 0 && withPath < DATA.servers().size());
  }

  @Test
  void someDescriptionsHoldUnicodeAndQuotes() {
    String all = DATA.toJson();
    for (String s : List.of("東京", "é", "🚀", "\\\"golden\\\"", "O'Reilly")) {
      assertTrue(all.contains(s), s);
    }
  }

  @Test
  void timestampsHaveMillisecondFractionsOrNone() {
    Pattern timestamp =
        Pattern.compile("\"(scheduledStartTime|completedTime)\" : (\\d+(\\.\\d+)?)");
    var m = timestamp.matcher(DATA.toJson());
    int fractional = 0;
    while (m.find()) {
      BigDecimal value = new BigDecimal(m.group(2));
      assertTrue(value.scale() <= 3, m.group());
      fractional += value.scale() > 0 ? 1 : 0;
    }
    assertTrue(fractional > 100, "fractional timestamps: " + fractional);
  }

  @Test
  void saveAndLoadRoundTrip(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("data.json");
    DATA.save(file);
    EmulatorData loaded = EmulatorData.load(file);
    assertEquals(DATA, loaded);
    assertEquals(DATA.toJson(), Files.readString(file, StandardCharsets.UTF_8));
    assertEquals(DATA.replicationRuns(text(DATA.replicationJobs().get(5), "replicationJobId")),
        loaded.replicationRuns(text(DATA.replicationJobs().get(5), "replicationJobId")));
  }

  @Test
  void fromJsonOfToJsonIsTheSameData() {
    assertEquals(DATA.toJson(), EmulatorData.fromJson(DATA.toJson()).toJson());
  }

  @Test
  void invalidDataIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> EmulatorData.fromJson("[]"));
    assertThrows(IllegalArgumentException.class, () -> EmulatorData.fromJson("{"));
    assertThrows(IllegalArgumentException.class,
        () -> EmulatorData.fromJson("{\"replicationJobs\":[{\"state\":\"ACTIVE\"}]}"));
    assertThrows(IllegalArgumentException.class, () -> EmulatorData.fromJson(
        "{\"servers\":[{\"serverId\":\"s-1\"},{\"serverId\":\"s-1\"}]}"));
  }

  @Test
  void accessorsReturnCopies() {
    ObjectNode job = DATA.replicationJobs().get(0);
    job.put("description", "changed by a caller");
    assertNotEquals("changed by a caller",
        DATA.replicationJobs().get(0).path("description").asText());
    assertThrows(UnsupportedOperationException.class, () -> DATA.servers().clear());
  }

  @Test
  void replicationJobsCarryNoRunList() {
    DATA.replicationJobs().forEach(j -> assertFalse(j.has("replicationRunList")));
    assertTrue(DATA.replicationRuns("sms-job-00000000000000000").isEmpty());
  }
}
