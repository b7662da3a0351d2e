package dev.smsjdbc.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import static dev.smsjdbc.jdbc.SmsTestDatabase.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The other saved forms: single SDK response pages (the wire JSON), boto3 responses dumped with
 * {@code json.dump(..., default=str)}, AWS CLI v1 output; and the merging rules with their warnings.
 */
class ArchiveFormatsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The SMS model's timestamp members of the resources read here. */
  private static final Set<String> TIMESTAMPS = Set.of("seedReplicationTime", "nextReplicationRunStartTime",
      "scheduledStartTime", "completedTime", "associatedOn", "creationTime", "lastModified",
      "latestReplicationTime", "latestLaunchTime", "lastModifiedOn");
  private static final DateTimeFormatter PYTHON_STR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx");

  private static EmulatorData data;
  private static SmsTestDatabase db;
  @TempDir Path dir;

  @BeforeAll static void start() {
    data = EmulatorData.generate(DataSpec.seed(15).jobs(6).runsPerJob(5).servers(8).connectors(2).apps(3));
    db = new SmsTestDatabase(data);
  }

  @AfterAll static void stop() {
    db.close();
  }

  /** The responses as single pages: the jobs with their latest three runs embedded, as SMS sends them. */
  private static Map<String, ObjectNode> pages(UnaryOperator<JsonNode> timestamps) {
    ObjectNode jobs = JSON.createObjectNode();
    ArrayNode jobList = jobs.putArray("replicationJobList");
    Map<String, ObjectNode> files = new java.util.LinkedHashMap<>();
    for (ObjectNode job : data.replicationJobs()) {
      String id = job.get("replicationJobId").asText();
      List<ObjectNode> runs = data.replicationRuns(id);
      ObjectNode embedded = job.deepCopy();
      embedded.putArray("replicationRunList").addAll(runs.subList(0, Math.min(3, runs.size())));
      jobList.add(embedded);
      ObjectNode page = JSON.createObjectNode();
      page.set("replicationJob", embedded.deepCopy());
      page.putArray("replicationRunList").addAll(runs);
      files.put("runs-" + id + ".json", page);
    }
    files.put("jobs.json", jobs);
    files.put("servers.json", list("serverList", data.servers()));
    files.put("connectors.json", list("connectorList", data.connectors()));
    files.put("apps.json", list("apps", data.apps()));
    files.replaceAll((name, page) -> (ObjectNode) convert(page, null, timestamps));
    return files;
  }

  private static ObjectNode list(String member, List<ObjectNode> items) {
    ObjectNode page = JSON.createObjectNode();
    page.putArray(member).addAll(items);
    return page;
  }

  private static JsonNode convert(JsonNode node, String name, UnaryOperator<JsonNode> timestamps) {
    if (node.isObject()) {
      ObjectNode out = JSON.createObjectNode();
      node.properties().forEach(e -> out.set(e.getKey(), convert(e.getValue(), e.getKey(), timestamps)));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JSON.createArrayNode();
      node.forEach(e -> out.add(convert(e, null, timestamps)));
      return out;
    }
    return name != null && TIMESTAMPS.contains(name) ? timestamps.apply(node) : node;
  }

  /** Python's str() of the UTC datetime botocore parses. */
  private static JsonNode pythonStr(JsonNode epochSeconds) {
    Instant t = Instant.ofEpochMilli(epochSeconds.decimalValue().movePointRight(3).longValue());
    String text = PYTHON_STR.format(t.atOffset(ZoneOffset.UTC));
    return TextNode.valueOf(t.getNano() == 0 ? text.replace(".000000", "") : text);
  }

  private void write(Path folder, Map<String, ObjectNode> files) throws IOException {
    Files.createDirectories(folder);
    for (Map.Entry<String, ObjectNode> f : files.entrySet()) {
      Files.writeString(folder.resolve(f.getKey()), JSON.writeValueAsString(f.getValue()));
    }
  }

  private void assertAnswersAsTheEmulator(String archiveUrl) throws SQLException {
    ArchiveCliTest.assertSameTables(db.url(), archiveUrl);
  }

  @Test void singleSdkPagesAnswerAsTheEmulator() throws Exception {
    Map<String, ObjectNode> pages = pages(t -> t);
    pages.get("jobs.json").put("nextToken", "a-page-token-of-more-pages");
    write(dir.resolve("us-east-1"), pages);
    assertAnswersAsTheEmulator("jdbc:sms:archive=" + dir);
  }

  @Test void boto3ResponsesDumpedWithDefaultStrAnswerAsTheEmulator() throws Exception {
    Map<String, ObjectNode> pages = pages(ArchiveFormatsTest::pythonStr);
    pages.values().forEach(p -> p.set("ResponseMetadata", JSON.valueToTree(Map.of("RequestId", "r-1",
        "HTTPStatusCode", 200, "HTTPHeaders", Map.of("date", "Wed, 26 May 2021 03:55:24 GMT"),
        "RetryAttempts", 0))));
    write(dir.resolve("backup").resolve("us-east-1").resolve("boto3"), pages);
    assertAnswersAsTheEmulator("jdbc:sms:archive=" + dir);
  }

  @Test void cliV1OutputWithEpochSecondsAndNextTokenAnswersAsTheEmulator() throws Exception {
    Map<String, ObjectNode> pages = pages(t -> t);
    pages.values().forEach(p -> p.put("NextToken", "eyJuZXh0VG9rZW4iOiBudWxsfQ=="));
    write(dir.resolve("us-east-1"), pages);
    assertAnswersAsTheEmulator("jdbc:sms:archive=" + dir);
  }

  @Test void filesOutsideRegionFoldersBelongToTheRegionKey() throws Exception {
    write(dir, pages(t -> t));
    assertAnswersAsTheEmulator("jdbc:sms:archive=" + dir + ";region=us-east-1");
  }

  @Test void oneFileIsAnArchiveToo() throws Exception {
    write(dir.resolve("us-east-1"), pages(t -> t));
    try (Connection c = DriverManager.getConnection("jdbc:sms:archive=" + dir.resolve("us-east-1/jobs.json"))) {
      assertEquals(rows(db.connect(), "SELECT * FROM replication_jobs"), rows(c, "SELECT * FROM replication_jobs"));
    }
  }

  @Test void jobsWithoutRunsOutputFallBackToTheirEmbeddedRunsWithAWarning() throws Exception {
    Map<String, ObjectNode> pages = pages(t -> t);
    pages.keySet().removeIf(name -> name.startsWith("runs-"));
    write(dir.resolve("us-east-1"), pages);
    try (Connection c = DriverManager.getConnection("jdbc:sms:archive=" + dir)) {
      SQLWarning warning = c.getWarnings();
      assertNotNull(warning);
      assertEquals("01000", warning.getSQLState());
      assertTrue(warning.getMessage().contains("6 of 6 replication jobs have no get-replication-runs output"),
          warning.getMessage());
      assertEquals(List.of(List.of(18L)), rows(c, "SELECT COUNT(*) FROM replication_runs"));
      c.clearWarnings();
      assertNull(c.getWarnings());
    }
  }

  @Test void whenFilesDisagreeTheOneThatSortsLastWinsWithAWarning() throws Exception {
    write(dir.resolve("2021-05-01").resolve("us-east-1"), pages(t -> t));
    Map<String, ObjectNode> later = pages(t -> t);
    ((ObjectNode) later.get("jobs.json").get("replicationJobList").get(0)).put("state", "DELETED");
    write(dir.resolve("2021-06-01").resolve("us-east-1"), Map.of("jobs.json", later.get("jobs.json")));
    try (Connection c = DriverManager.getConnection("jdbc:sms:archive=" + dir)) {
      String id = data.replicationJobs().get(0).get("replicationJobId").asText();
      assertEquals(List.of(List.of("DELETED")),
          rows(c, "SELECT state FROM replication_jobs WHERE replication_job_id = ?", id));
      assertEquals(6, rows(c, "SELECT * FROM replication_jobs").size());
      List<String> warnings = new ArrayList<>();
      for (SQLWarning w = c.getWarnings(); w != null; w = w.getNextWarning()) {
        warnings.add(w.getMessage());
      }
      assertEquals(1, warnings.size(), warnings.toString());
      assertTrue(warnings.get(0).contains("1 replication jobs differ between the files") && warnings.get(0)
          .contains(id + " in " + dir.resolve("2021-05-01/us-east-1")) && warnings.get(0)
          .contains(" and " + dir.resolve("2021-06-01/us-east-1/jobs.json")), warnings.get(0));
    }
  }

  @Test void aRegionAskedForThatTheArchiveLacksIsEmptyWithAWarning() throws Exception {
    write(dir.resolve("us-east-1"), pages(t -> t));
    try (Connection c = DriverManager.getConnection("jdbc:sms:archive=" + dir + ";regions=us-east-1,eu-west-1")) {
      assertTrue(c.getWarnings().getMessage().contains("Region eu-west-1 has no files in the archive"));
      assertEquals(List.of(List.of("us-east-1")), rows(c, "SELECT DISTINCT region FROM replication_runs"));
    }
  }

  @Test void theNextConnectionReadsAFileThatChanged() throws Exception {
    Map<String, ObjectNode> pages = pages(t -> t);
    write(dir.resolve("us-east-1"), pages);
    String id = data.replicationJobs().get(0).get("replicationJobId").asText();
    String sql = "SELECT state FROM replication_jobs WHERE replication_job_id = ?";
    try (Connection c = DriverManager.getConnection("jdbc:sms:archive=" + dir)) {
      assertEquals(List.of(List.of(data.replicationJobs().get(0).get("state").asText())), rows(c, sql, id));
    }
    ((ObjectNode) pages.get("jobs.json").get("replicationJobList").get(0)).put("state", "DELETED");
    ((ObjectNode) pages.get("runs-" + id + ".json").get("replicationJob")).put("state", "DELETED");
    write(dir.resolve("us-east-1"), pages);
    try (Connection c = DriverManager.getConnection("jdbc:sms:archive=" + dir)) {
      assertEquals(List.of(List.of("DELETED")), rows(c, sql, id));
    }
  }

  @Test void filesThatAreNotJsonAreIgnored() throws Exception {
    write(dir.resolve("us-east-1"), pages(t -> t));
    Files.writeString(dir.resolve("us-east-1/README.txt"), "saved on 2021-05-26 with aws sms ...");
    Files.writeString(dir.resolve("us-east-1/jobs.json.bak"), "{ not json");
    assertAnswersAsTheEmulator("jdbc:sms:archive=" + dir);
  }
}
