package dev.smsjdbc.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.smsjdbc.jdbc.JoinTestData.JOB_PAGES;
import static dev.smsjdbc.jdbc.JoinTestData.PAGE_SIZE;
import static dev.smsjdbc.jdbc.JoinTestData.allJobs;
import static dev.smsjdbc.jdbc.JoinTestData.jobsIn;
import static dev.smsjdbc.jdbc.JoinTestData.runPages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How a key-binding join runs: one plan for every execution of a prepared statement, its batches' calls in
 * parallel up to {@code maxConcurrency}, within {@code maxApiCalls}, stopped by {@code Statement.cancel()}, and
 * how EXPLAIN shows it.
 */
class KeyBindingExecutionTest {
  private static final String RUNS_OF_JOBS_IN_STATE = "SELECT j.vm_name, r.replication_run_id FROM "
      + "replication_jobs j JOIN replication_runs r ON r.replication_job_id = j.replication_job_id WHERE j.state = ?";
  private static final String ALL_RUNS_OF_ALL_JOBS = "SELECT j.vm_name, r.replication_run_id FROM "
      + "replication_jobs j JOIN replication_runs r ON r.replication_job_id = j.replication_job_id";

  private static SmsTestDatabase db;

  @BeforeAll static void start() {
    db = JoinTestData.start();
  }

  @AfterAll static void stop() {
    db.close();
  }

  /** No faults, and no call of a stopped statement still on its way into the next test's counts. */
  @AfterEach void quiet() throws InterruptedException {
    db.emulator.faults().clear();
    for (int before = -1; before != db.emulator.requestCount(); Thread.sleep(200)) {
      before = db.emulator.requestCount();
    }
  }

  @Test void preparedStatementReExecutedWithOtherValuesReadsTheirJobsRuns() throws Exception {
    try (Connection c = db.connect(PAGE_SIZE); PreparedStatement ps = c.prepareStatement(RUNS_OF_JOBS_IN_STATE)) {
      for (String state : List.of("FAILED", "PAUSED_ON_FAILURE", "FAILED")) {
        assertFalse(jobsIn(db, state).isEmpty(), state);
        db.emulator.resetCounters();
        ps.setString(1, state);
        List<List<Object>> rows;
        try (ResultSet rs = ps.executeQuery()) {
          rows = JoinTestData.sorted(SmsTestDatabase.rows(rs));
        }
        db.assertCalls(JOB_PAGES, runPages(db, jobsIn(db, state)));
        assertEquals(JoinTestData.withoutKeyBinding(c, RUNS_OF_JOBS_IN_STATE, state), rows);
      }
    }
  }

  @Test void batchCallsRunUpToMaxConcurrencyAtATime() throws Exception {
    db.emulator.faults().onlyFor("GetReplicationRuns").latency(Duration.ofMillis(80));
    try (Connection c = db.connect(PAGE_SIZE, "maxConcurrency=3")) {
      SmsTestDatabase.rows(c, ALL_RUNS_OF_ALL_JOBS);
      List<long[]> calls = new ArrayList<>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT started_at, duration_ms "
          + "FROM sms_meta.api_calls WHERE operation = 'GetReplicationRuns' "
          + "AND statement_id = (SELECT max(statement_id) FROM sms_meta.api_calls)")) {
        while (rs.next()) {
          Timestamp started = rs.getTimestamp(1);
          calls.add(new long[] {started.getTime(), started.getTime() + rs.getLong(2)});
        }
      }
      assertEquals(runPages(db, allJobs(db)), calls.size());
      int most = 0;
      for (long[] call : calls) {
        long at = call[0];
        most = Math.max(most, (int) calls.stream().filter(o -> o[0] <= at && at < o[1]).count());
      }
      assertTrue(most >= 2 && most <= 3, "calls in flight at once: " + most);
    }
  }

  @Test void theCallBudgetStopsAKeyBatchBeforeItsCalls() throws Exception {
    try (Connection c = db.connect(PAGE_SIZE, "maxApiCalls=20")) {
      db.emulator.resetCounters();
      SQLException e = assertThrows(SQLException.class, () -> SmsTestDatabase.rows(c, ALL_RUNS_OF_ALL_JOBS));
      assertEquals("54000", e.getSQLState());
      assertTrue(db.emulator.requestCount() <= 20, "calls made: " + db.emulator.requestCount());
    }
  }

  @Test void cancelDuringAKeyBatchStopsItsCalls() throws Exception {
    db.emulator.faults().onlyFor("GetReplicationRuns").latency(Duration.ofMillis(100));
    try (Connection c = db.connect(PAGE_SIZE); Statement s = c.createStatement()) {
      db.emulator.resetCounters();
      CompletableFuture<SQLException> result = CompletableFuture.supplyAsync(() -> {
        try (ResultSet rs = s.executeQuery(ALL_RUNS_OF_ALL_JOBS)) {
          while (rs.next()) {
            // read until cancelled
          }
          return null;
        } catch (SQLException e) {
          return e;
        }
      });
      while (db.emulator.requestCount("GetReplicationRuns") < 4) {
        Thread.sleep(10);
      }
      s.cancel();
      SQLException e = result.get(5, TimeUnit.SECONDS);
      assertNotEquals(null, e, "the query ran to its end");
      assertEquals("57014", e.getSQLState());
    }
    // Calls in flight at the cancel still arrive; after them, nothing more.
    Thread.sleep(400);
    int calls = db.emulator.requestCount("GetReplicationRuns");
    Thread.sleep(400);
    assertEquals(calls, db.emulator.requestCount("GetReplicationRuns"), "no call after the cancel");
    assertTrue(calls < runPages(db, allJobs(db)) / 2, "calls: " + calls);
  }

  @Test void explainShowsTheKeyBindingJoinAndWhereTheScanKeysComeFrom() throws Exception {
    try (Connection c = db.connect(PAGE_SIZE)) {
      db.emulator.resetCounters();
      String plan = JoinTestData.explain(c, RUNS_OF_JOBS_IN_STATE.replace("?", "'FAILED'"));
      assertTrue(plan.contains("KeyBindingJoin(condition=[=($3, $0)], joinType=[inner], variables=[$cor"), plan);
      assertTrue(plan.contains("batchSize=[32], boundKey=[replication_job_id], estimatedCalls=[15])"), plan);
      assertTrue(plan.contains("SmsTableScan(table=[[sms, replication_runs]], operation=[[GetReplicationRuns]], "
          + "keys=[[$cor"), plan);
      assertTrue(plan.contains(".replication_job_id]], keysFrom=[KeyBindingJoin, up to 32 per batch], "
          + "regions=[[us-east-1]], pageSize=[10], estimatedCalls=[1 per key, up to 32 per batch])"),
          plan);
      assertEquals(0, db.emulator.requestCount(), () -> "EXPLAIN makes no call: " + db.emulator.requestLog());
    }
  }
}
