package dev.smsjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The AWS CLI, an independent client (Python, botocore, its own SigV4 and JSON parsing), works
 * against the emulator. It must be Debian's {@code awscli} 2.x at {@code /usr/bin/aws}: botocore
 * releases after September 2025 no longer know SMS.
 */
class AwsCliCompatibilityTest {
  private static final Path AWS = Path.of("/usr/bin/aws");
  private static final long TIMEOUT_SECONDS = 60;

  @TempDir
  static Path home;
  private static SmsEmulator emulator;
  private static EmulatorData data;

  @BeforeAll
  static void start() {
    if (!Files.isExecutable(AWS)) {
      if (System.getenv("CI") != null) {
        fail(AWS + " is missing: CI must install Debian's awscli package");
      }
      assumeTrue(false, AWS + " (Debian's awscli 2.x) is not installed: skipping AWS CLI tests");
    }
    emulator = SmsEmulator.startDemo();
    data = emulator.data();
  }

  @AfterAll
  static void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  @BeforeEach
  void reset() {
    emulator.resetCounters();
  }

  /** What one CLI call printed. */
  record CliResult(int exitCode, String stdout, String stderr) {
    JsonNode json() throws IOException {
      assertEquals(0, exitCode, stderr);
      return WireJson.MAPPER.readTree(stdout);
    }
  }

  private static CliResult awsWithSecret(String secret, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(AWS.toString(), "sms"));
    command.addAll(List.of(args));
    command.addAll(List.of("--endpoint-url", emulator.endpoint().toString(),
        "--region", "us-east-1", "--output", "json"));
    Path empty = Files.createTempFile(home, "aws-config", "");
    Path out = Files.createTempFile(home, "stdout", ".json");
    Path err = Files.createTempFile(home, "stderr", ".txt");
    ProcessBuilder pb = new ProcessBuilder(command)
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(empty.toFile()));
    // Nothing from this machine's AWS setup may leak in: a clean environment, empty config files.
    Map<String, String> env = pb.environment();
    env.clear();
    env.put("PATH", "/usr/bin:/bin");
    env.put("HOME", home.toString());
    env.put("LC_ALL", "C.UTF-8");
    env.put("PYTHONIOENCODING", "utf-8");
    env.put("AWS_ACCESS_KEY_ID", SmsEmulator.DEMO_ACCESS_KEY_ID);
    env.put("AWS_SECRET_ACCESS_KEY", secret);
    env.put("AWS_CONFIG_FILE", empty.toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", empty.toString());
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    env.put("AWS_PAGER", "");
    env.put("AWS_MAX_ATTEMPTS", "1");
    Process process = pb.start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("aws " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
    }
    return new CliResult(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static CliResult aws(String... args) throws Exception {
    return awsWithSecret(SmsEmulator.DEMO_SECRET_ACCESS_KEY, args);
  }

  private static List<String> ids(JsonNode array, String member) {
    List<String> ids = new ArrayList<>();
    array.forEach(n -> ids.add(n.get(member).asText()));
    return ids;
  }

  private static List<String> ids(List<ObjectNode> nodes, String member) {
    return nodes.stream().map(n -> n.get(member).asText()).collect(Collectors.toList());
  }

  /** The CLI prints timestamps in ISO 8601, e.g. 2025-06-30T02:47:19.477000+00:00. */
  private static Instant cliTime(JsonNode node) {
    return OffsetDateTime.parse(node.asText()).toInstant();
  }

  @Test
  void getReplicationJobsListsEveryJobWithNestedFieldsAndTimestamps() throws Exception {
    JsonNode jobs = aws("get-replication-jobs").json().get("replicationJobList");
    List<ObjectNode> expected = data.replicationJobs();
    assertEquals(ids(expected, "replicationJobId"), ids(jobs, "replicationJobId"));
    for (int i = 0; i < expected.size(); i++) {
      ObjectNode want = expected.get(i);
      JsonNode got = jobs.get(i);
      assertEquals(want.get("vmServer").get("vmServerAddress").get("vmId").asText(),
          got.get("vmServer").get("vmServerAddress").get("vmId").asText());
      assertEquals(WireJson.instant(want.get("seedReplicationTime")),
          cliTime(got.get("seedReplicationTime")));
      assertEquals(want.path("description").asText(null), got.path("description").asText(null));
      assertEquals(Math.min(3, data.replicationRuns(want.get("replicationJobId").asText()).size()),
          got.get("replicationRunList").size());
    }
  }

  @Test
  void getReplicationRunsFollowsNextTokenToEveryRun() throws Exception {
    ObjectNode job = data.replicationJobs().get(0);
    String jobId = job.get("replicationJobId").asText();
    List<ObjectNode> runs = data.replicationRuns(jobId);
    JsonNode result = aws("get-replication-runs", "--replication-job-id", jobId,
        "--page-size", "10").json();
    // The CLI merges pages into the result key only; replicationJob is in single pages.
    JsonNode got = result.get("replicationRunList");
    assertEquals(ids(runs, "replicationRunId"), ids(got, "replicationRunId"));
    assertEquals((runs.size() + 9) / 10, emulator.requestCount("GetReplicationRuns"));
    for (int i = 0; i < runs.size(); i++) {
      if (runs.get(i).has("completedTime")) {
        assertEquals(WireJson.instant(runs.get(i).get("completedTime")),
            cliTime(got.get(i).get("completedTime")));
      }
      assertEquals(runs.get(i).path("stageDetails").path("stage").asText(null),
          got.get(i).path("stageDetails").path("stage").asText(null));
    }
  }

  @Test
  void getServersListsTheCatalog() throws Exception {
    // --no-paginate: merged pages would keep only serverList (the paginator's result key).
    JsonNode result = aws("get-servers", "--no-paginate").json();
    assertEquals(data.serverCatalogStatus(), result.get("serverCatalogStatus").asText());
    assertEquals(data.serverCatalogLastModifiedOn(), cliTime(result.get("lastModifiedOn")));
    assertEquals(ids(data.servers(), "serverId"), ids(result.get("serverList"), "serverId"));
  }

  @Test
  void getConnectorsListsEveryConnector() throws Exception {
    JsonNode connectors = aws("get-connectors").json().get("connectorList");
    assertEquals(ids(data.connectors(), "connectorId"), ids(connectors, "connectorId"));
    assertEquals(data.connectors().get(0).get("capabilityList"),
        connectors.get(0).get("capabilityList"));
  }

  @Test
  void listAppsKeepsUnicodeNames() throws Exception {
    JsonNode apps = aws("list-apps").json().get("apps");
    assertEquals(ids(data.apps(), "name"), ids(apps, "name"));
    assertTrue(ids(apps, "name").contains("ERP 基幹システム"));
  }

  @Test
  void wrongSecretIsRefusedWithInvalidSignatureException() throws Exception {
    CliResult result = awsWithSecret("wrong-secret", "get-connectors");
    assertNotEquals(0, result.exitCode());
    assertTrue(result.stderr().contains("InvalidSignatureException"), result.stderr());
    assertEquals(403, emulator.requestLog().get(0).status());
  }
}
