package dev.smsjdbc.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every column of every row, read through JDBC, equals the emulator's data (the API's JSON), with the
 * documented SQL type; timestamps are true instants shown in UTC whatever the JVM's zone.
 */
class ColumnValuesTest {
  /** Column → path of the API member it flattens, and its JDBC type: the contract of the issue. */
  private static final Map<String, Object[]> JOB_COLUMNS = columns(
      "replication_job_id", "replicationJobId", Types.VARCHAR,
      "server_id", "serverId", Types.VARCHAR,
      "server_type", "serverType", Types.VARCHAR,
      "vm_manager_id", "vmServer.vmServerAddress.vmManagerId", Types.VARCHAR,
      "vm_id", "vmServer.vmServerAddress.vmId", Types.VARCHAR,
      "vm_name", "vmServer.vmName", Types.VARCHAR,
      "vm_manager_name", "vmServer.vmManagerName", Types.VARCHAR,
      "vm_manager_type", "vmServer.vmManagerType", Types.VARCHAR,
      "vm_path", "vmServer.vmPath", Types.VARCHAR,
      "seed_replication_time", "seedReplicationTime", Types.TIMESTAMP,
      "frequency", "frequency", Types.INTEGER,
      "run_once", "runOnce", Types.BOOLEAN,
      "next_replication_run_start_time", "nextReplicationRunStartTime", Types.TIMESTAMP,
      "license_type", "licenseType", Types.VARCHAR,
      "role_name", "roleName", Types.VARCHAR,
      "latest_ami_id", "latestAmiId", Types.VARCHAR,
      "state", "state", Types.VARCHAR,
      "status_message", "statusMessage", Types.VARCHAR,
      "description", "description", Types.VARCHAR,
      "number_of_recent_amis_to_keep", "numberOfRecentAmisToKeep", Types.INTEGER,
      "encrypted", "encrypted", Types.BOOLEAN,
      "kms_key_id", "kmsKeyId", Types.VARCHAR,
      "region", null, Types.VARCHAR);

  private static final Map<String, Object[]> RUN_COLUMNS = columns(
      "replication_job_id", null, Types.VARCHAR,
      "replication_run_id", "replicationRunId", Types.VARCHAR,
      "state", "state", Types.VARCHAR,
      "type", "type", Types.VARCHAR,
      "stage", "stageDetails.stage", Types.VARCHAR,
      "stage_progress", "stageDetails.stageProgress", Types.VARCHAR,
      "status_message", "statusMessage", Types.VARCHAR,
      "ami_id", "amiId", Types.VARCHAR,
      "scheduled_start_time", "scheduledStartTime", Types.TIMESTAMP,
      "completed_time", "completedTime", Types.TIMESTAMP,
      "description", "description", Types.VARCHAR,
      "encrypted", "encrypted", Types.BOOLEAN,
      "kms_key_id", "kmsKeyId", Types.VARCHAR,
      "region", null, Types.VARCHAR);

  private static SmsTestDatabase db;

  @BeforeAll static void start() {
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(11).jobs(60).runsPerJob(12)
        .servers(5).connectors(2).apps(1)));
  }

  @AfterAll static void stop() {
    db.close();
  }

  @Test void jvmZoneIsNotUtcSoTheTimestampTestsMeanSomething() {
    assertNotEquals(0, TimeZone.getDefault().getRawOffset(), "surefire runs the suite in Europe/Berlin");
  }

  @Test void replicationJobsHaveTheDocumentedColumnsInOrder() throws Exception {
    assertColumns("replication_jobs", JOB_COLUMNS);
  }

  @Test void replicationRunsHaveTheDocumentedColumnsInOrder() throws Exception {
    assertColumns("replication_runs", RUN_COLUMNS);
  }

  @Test void everyJobColumnEqualsTheApiData() throws Exception {
    List<ObjectNode> jobs = db.emulator.data().replicationJobs();
    try (Connection c = db.connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT * FROM replication_jobs")) {
      int n = 0;
      while (rs.next()) {
        ObjectNode job = jobs.get(n++);
        for (Map.Entry<String, Object[]> column : JOB_COLUMNS.entrySet()) {
          String path = (String) column.getValue()[0];
          JsonNode expected = path == null ? null : at(job, path);
          assertValue(rs, column.getKey(), path == null ? "us-east-1" : expected);
        }
      }
      assertEquals(jobs.size(), n);
    }
  }

  @Test void everyRunColumnEqualsTheApiData() throws Exception {
    List<Object[]> expected = new ArrayList<>();
    for (ObjectNode job : db.emulator.data().replicationJobs()) {
      String jobId = job.get("replicationJobId").asText();
      db.emulator.data().replicationRuns(jobId).forEach(run -> expected.add(new Object[] {jobId, run}));
    }
    try (Connection c = db.connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT * FROM replication_runs")) {
      int n = 0;
      while (rs.next()) {
        Object[] pair = expected.get(n++);
        for (Map.Entry<String, Object[]> column : RUN_COLUMNS.entrySet()) {
          String path = (String) column.getValue()[0];
          Object value = path != null ? at((JsonNode) pair[1], path)
              : column.getKey().equals("region") ? "us-east-1" : pair[0];
          assertValue(rs, column.getKey(), value);
        }
      }
      assertEquals(expected.size(), n);
    }
  }

  @Test void timestampsAreUtcInstantsWhateverTheJvmZone() throws Exception {
    ObjectNode job = db.emulator.data().replicationJobs().get(0);
    Instant seed = instant(job.get("seedReplicationTime"));
    try (Connection c = db.connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT seed_replication_time, CAST(seed_replication_time AS VARCHAR) "
             + "FROM replication_jobs WHERE replication_job_id = '" + job.get("replicationJobId").asText() + "'")) {
      assertTrue(rs.next());
      assertEquals(seed, rs.getTimestamp(1).toInstant());
      String utcWallClock = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC).format(seed);
      assertTrue(rs.getString(1).startsWith(utcWallClock), rs.getString(1) + " vs " + utcWallClock);
      assertTrue(rs.getString(2).startsWith(utcWallClock), rs.getString(2) + " vs " + utcWallClock);
    }
  }

  @Test void timestampLiteralsCompareInUtc() throws Exception {
    ObjectNode job = db.emulator.data().replicationJobs().get(0);
    Instant seed = instant(job.get("seedReplicationTime"));
    String literal = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC).format(seed);
    List<List<Object>> rows = db.query("SELECT replication_job_id FROM replication_jobs "
        + "WHERE seed_replication_time = TIMESTAMP '" + literal + "'");
    assertTrue(rows.contains(List.of(job.get("replicationJobId").asText())), rows.toString());
  }

  @Test void unicodeLiteralsMatchUnicodeData() throws Exception {
    long expected = db.emulator.data().replicationJobs().stream()
        .filter(j -> j.has("description") && j.get("description").asText().contains("東京")).count();
    assertTrue(expected > 0, "the generator writes some Japanese descriptions");
    List<List<Object>> rows = db.query("SELECT count(*) FROM replication_jobs WHERE description LIKE '%東京%'");
    assertEquals(expected, ((Number) rows.get(0).get(0)).longValue());
  }

  private static void assertColumns(String table, Map<String, Object[]> expected) throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT * FROM " + table + " LIMIT 1")) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        names.add(md.getColumnLabel(i));
        assertEquals(expected.get(md.getColumnLabel(i))[1], md.getColumnType(i), md.getColumnLabel(i));
      }
      assertEquals(new ArrayList<>(expected.keySet()), names);
    }
  }

  private static void assertValue(ResultSet rs, String column, Object expected) throws Exception {
    Object actual = rs.getObject(column);
    JsonNode node = expected instanceof JsonNode j ? j : null;
    if (expected == null || node != null && node.isMissingNode()) {
      assertEquals(null, actual, column);
      assertTrue(rs.wasNull(), column);
    } else if (node == null) {
      assertEquals(expected, actual, column);
    } else if (node.isTextual()) {
      assertEquals(node.asText(), actual, column);
    } else if (node.isBoolean()) {
      assertEquals(node.asBoolean(), actual, column);
    } else if (actual instanceof Timestamp ts) {
      assertEquals(instant(node), ts.toInstant(), column);
    } else {
      assertEquals(node.asInt(), actual, column);
    }
  }

  private static Instant instant(JsonNode epochSeconds) {
    BigDecimal seconds = epochSeconds.decimalValue();
    return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
  }

  private static JsonNode at(JsonNode node, String path) {
    return node.at("/" + path.replace('.', '/'));
  }

  private static Map<String, Object[]> columns(Object... triples) {
    Map<String, Object[]> map = new LinkedHashMap<>();
    for (int i = 0; i < triples.length; i += 3) {
      map.put((String) triples[i], new Object[] {triples[i + 1], triples[i + 2]});
    }
    assertFalse(map.isEmpty());
    return map;
  }
}
