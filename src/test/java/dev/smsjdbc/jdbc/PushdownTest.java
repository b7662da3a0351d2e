package dev.smsjdbc.jdbc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import dev.smsjdbc.emulator.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Filters on {@code replication_job_id} and LIMIT become API parameters: each shape costs exactly the calls
 * it needs, counted by the emulator. 120 jobs with 7 runs each; the server returns at most 50 per page.
 */
class PushdownTest {
  private static SmsTestDatabase db;
  private static List<String> ids;

  @BeforeAll static void start() {
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(3).jobs(120).runsPerJob(7)
        .servers(5).connectors(2).apps(1)));
    ids = db.emulator.data().replicationJobs().stream().map(j -> j.get("replicationJobId").asText()).toList();
  }

  @AfterAll static void stop() {
    db.close();
  }

  @BeforeEach void reset() {
    db.emulator.resetCounters();
  }

  @Test void equalityOnJobIdIsOneCall() throws Exception {
    List<List<Object>> rows = db.query("SELECT replication_job_id FROM replication_jobs WHERE replication_job_id = '"
        + ids.get(7) + "'");
    assertEquals(List.of(List.of(ids.get(7))), rows);
    db.assertCalls(1, 0);
    assertEquals(ids.get(7), lastRequest().parameters().get("replicationJobId").asText());
  }

  @Test void equalityWithParameterIsOneCall() throws Exception {
    List<List<Object>> rows = db.query("SELECT replication_job_id FROM replication_jobs WHERE replication_job_id = ?",
        ids.get(9));
    assertEquals(List.of(List.of(ids.get(9))), rows);
    db.assertCalls(1, 0);
  }

  @Test void reversedEqualityIsPushedToo() throws Exception {
    db.query("SELECT * FROM replication_jobs WHERE '" + ids.get(1) + "' = replication_job_id");
    db.assertCalls(1, 0);
  }

  @Test void inListIsOneCallPerDistinctKey() throws Exception {
    List<List<Object>> rows = db.query("SELECT replication_job_id FROM replication_jobs WHERE replication_job_id IN ('"
        + ids.get(1) + "', '" + ids.get(2) + "', '" + ids.get(1) + "')");
    assertEquals(Set.of(ids.get(1), ids.get(2)), rows.stream().map(r -> r.get(0)).collect(Collectors.toSet()));
    db.assertCalls(2, 0);
  }

  @Test void longInListIsStillOneCallPerKey() throws Exception {
    List<String> keys = ids.subList(0, 25);
    String in = keys.stream().map(k -> "'" + k + "'").collect(Collectors.joining(", "));
    List<List<Object>> rows = db.query("SELECT replication_job_id FROM replication_jobs WHERE replication_job_id IN ("
        + in + ")");
    assertEquals(25, rows.size());
    db.assertCalls(25, 0);
  }

  @Test void inListOfParametersIsOneCallPerKey() throws Exception {
    List<List<Object>> rows = db.query("SELECT replication_job_id FROM replication_jobs "
        + "WHERE replication_job_id IN (?, ?)", ids.get(3), ids.get(4));
    assertEquals(2, rows.size());
    db.assertCalls(2, 0);
  }

  @Test void orOfEqualitiesIsOneCallPerKey() throws Exception {
    List<List<Object>> rows = db.query("SELECT replication_job_id FROM replication_jobs WHERE replication_job_id = '"
        + ids.get(5) + "' OR replication_job_id = '" + ids.get(6) + "'");
    assertEquals(2, rows.size());
    db.assertCalls(2, 0);
  }

  @Test void keyAndOtherFilterCallsForTheKeyAndFiltersInCalcite() throws Exception {
    ObjectNode job = db.emulator.data().replicationJobs().get(8);
    String state = job.get("state").asText();
    assertEquals(1, db.query("SELECT * FROM replication_jobs WHERE replication_job_id = ? AND state = ?",
        ids.get(8), state).size());
    db.assertCalls(1, 0);
    db.emulator.resetCounters();
    assertEquals(0, db.query("SELECT * FROM replication_jobs WHERE replication_job_id = ? AND state = ?",
        ids.get(8), state + "-not").size());
    db.assertCalls(1, 0);
  }

  @Test void unknownKeyGivesZeroRows() throws Exception {
    assertEquals(List.of(), db.query("SELECT * FROM replication_jobs WHERE replication_job_id = 'sms-job-00000000000000000'"));
    db.assertCalls(1, 0);
    db.emulator.resetCounters();
    assertEquals(List.of(), db.query("SELECT * FROM replication_runs WHERE replication_job_id = 'sms-job-00000000000000000'"));
    db.assertCalls(0, 1);
  }

  @Test void fullScanWalksEveryPage() throws Exception {
    assertEquals(List.of(List.of(120L)), db.query("SELECT count(*) FROM replication_jobs"));
    db.assertCalls(3, 0);
  }

  @Test void limitAsksForOnlyTheRowsWanted() throws Exception {
    assertEquals(3, db.query("SELECT * FROM replication_jobs LIMIT 3").size());
    db.assertCalls(1, 0);
    assertEquals(3, lastRequest().parameters().get("maxResults").asInt());
  }

  @Test void limitWithParameterAsksForOnlyTheRowsWanted() throws Exception {
    assertEquals(4, db.query("SELECT * FROM replication_jobs LIMIT ?", 4).size());
    db.assertCalls(1, 0);
    assertEquals(4, lastRequest().parameters().get("maxResults").asInt());
  }

  @Test void limitAboveThePageSizeStopsAfterEnoughPages() throws Exception {
    assertEquals(70, db.query("SELECT * FROM replication_jobs LIMIT 70").size());
    db.assertCalls(2, 0);
    assertEquals(20, lastRequest().parameters().get("maxResults").asInt());
  }

  @Test void maxRowsAsksForOnlyTheRowsWanted() throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      db.emulator.resetCounters();
      s.setMaxRows(5);
      try (ResultSet rs = s.executeQuery("SELECT * FROM replication_jobs")) {
        assertEquals(5, SmsTestDatabase.rows(rs).size());
      }
    }
    db.assertCalls(1, 0);
    assertEquals(5, lastRequest().parameters().get("maxResults").asInt());
  }

  @Test void maxRowsOnAPreparedStatementStopsPaging() throws Exception {
    try (Connection c = db.connect();
         PreparedStatement ps = c.prepareStatement("SELECT * FROM replication_jobs")) {
      db.emulator.resetCounters();
      ps.setMaxRows(7);
      try (ResultSet rs = ps.executeQuery()) {
        assertEquals(7, SmsTestDatabase.rows(rs).size());
      }
    }
    // Calcite plans a prepared statement before its max rows are known: one full page, no second one.
    db.assertCalls(1, 0);
  }

  @Test void maxRowsKeepsTheOrderAndFiltersOfTheQuery() throws Exception {
    List<String> expected = db.emulator.data().replicationJobs().stream()
        .filter(j -> !j.get("state").asText().equals("ACTIVE"))
        .map(j -> j.get("replicationJobId").asText()).sorted().limit(3).toList();
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.setMaxRows(3);
      try (ResultSet rs = s.executeQuery("SELECT replication_job_id FROM replication_jobs "
          + "WHERE state <> 'ACTIVE' ORDER BY replication_job_id")) {
        assertEquals(expected, SmsTestDatabase.rows(rs).stream().map(r -> r.get(0)).toList());
      }
    }
  }

  @Test void runsOfOneJobCallOnlyGetReplicationRuns() throws Exception {
    List<List<Object>> rows = db.query("SELECT replication_run_id FROM replication_runs WHERE replication_job_id = ?",
        ids.get(10));
    assertEquals(db.emulator.data().replicationRuns(ids.get(10)).size(), rows.size());
    db.assertCalls(0, 1);
  }

  @Test void runsOfAllJobsListJobsThenRunsPerJob() throws Exception {
    assertEquals(List.of(List.of(840L)), db.query("SELECT count(*) FROM replication_runs"));
    db.assertCalls(3, 120);
  }

  @Test void runsWithLimitStopOnceEnoughRowsAreOut() throws Exception {
    assertEquals(10, db.query("SELECT * FROM replication_runs LIMIT 10").size());
    // 7 runs per job: two jobs' runs are enough.
    db.assertCalls(1, 2);
  }

  @Test void joinFilteredOnTheJobIdReachesBothScans() throws Exception {
    List<List<Object>> rows = db.query("SELECT r.replication_run_id, j.state FROM replication_runs r "
        + "JOIN replication_jobs j ON r.replication_job_id = j.replication_job_id WHERE j.replication_job_id = ?",
        ids.get(11));
    assertEquals(7, rows.size());
    db.assertCalls(1, 1);
  }

  @Test void preparedStatementReusedWithNewParametersCallsForEachKey() throws Exception {
    try (Connection c = db.connect();
         PreparedStatement ps = c.prepareStatement(
             "SELECT replication_job_id FROM replication_jobs WHERE replication_job_id = ?")) {
      db.emulator.resetCounters();
      for (int i = 20; i < 25; i++) {
        ps.setString(1, ids.get(i));
        try (ResultSet rs = ps.executeQuery()) {
          assertEquals(List.of(List.of(ids.get(i))), SmsTestDatabase.rows(rs));
        }
      }
    }
    db.assertCalls(5, 0);
  }

  @Test void filterOnOtherColumnsStaysCorrect() throws Exception {
    long active = db.emulator.data().replicationJobs().stream()
        .filter(j -> j.get("state").asText().equals("ACTIVE")).count();
    assertEquals(List.of(List.of(active)), db.query("SELECT count(*) FROM replication_jobs WHERE state = 'ACTIVE'"));
    db.assertCalls(3, 0);
  }

  @Test void explainShowsOperationKeysAndFetch() throws Exception {
    String keyed = explain("SELECT * FROM replication_jobs WHERE replication_job_id IN ('a', 'b')");
    assertTrue(keyed.contains("SmsTableScan(table=[[sms, replication_jobs]], operation=[[GetReplicationJobs]], "
        + "keys=[['a', 'b']], regions=[[us-east-1]], pageSize=[50], estimatedCalls=[2])"), keyed);
    String limited = explain("SELECT * FROM replication_jobs LIMIT 5");
    assertTrue(limited.contains("SmsTableScan(table=[[sms, replication_jobs]], operation=[[GetReplicationJobs]], "
        + "regions=[[us-east-1]], pageSize=[50], fetch=[5], estimatedCalls=[1])"), limited);
    String runs = explain("SELECT * FROM replication_runs");
    assertTrue(runs.contains("operation=[[GetReplicationJobs, GetReplicationRuns]]"), runs);
    String param = explain("SELECT * FROM replication_runs WHERE replication_job_id = ?");
    assertTrue(param.contains("operation=[[GetReplicationRuns]], keys=[[?0]]"), param);
  }

  @Test void explainMakesNoApiCall() throws Exception {
    explain("SELECT * FROM replication_runs");
    db.assertCalls(0, 0);
  }

  @Test void pushdownNeverChangesTheAnswer() throws Exception {
    List<String> keys = IntStream.range(30, 60).mapToObj(ids::get).toList();
    String in = keys.stream().map(k -> "'" + k + "'").collect(Collectors.joining(","));
    List<List<Object>> pushed = db.query("SELECT replication_job_id, state FROM replication_jobs "
        + "WHERE replication_job_id IN (" + in + ") ORDER BY 1");
    // The same predicate hidden from the pushdown (a function of the key) gives the same rows.
    List<List<Object>> computed = db.query("SELECT replication_job_id, state FROM replication_jobs "
        + "WHERE TRIM(replication_job_id) IN (" + in + ") ORDER BY 1");
    assertEquals(computed, pushed);
  }

  private static String explain(String sql) throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + sql)) {
      db.emulator.resetCounters();
      assertTrue(rs.next());
      return rs.getString(1);
    }
  }

  private static RecordedRequest lastRequest() {
    List<RecordedRequest> log = db.emulator.requestLog();
    return log.get(log.size() - 1);
  }
}
