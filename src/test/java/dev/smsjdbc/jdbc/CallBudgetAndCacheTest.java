package dev.smsjdbc.jdbc;

import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a statement costs, and how to spend less: the {@code maxApiCalls} budget, the {@code cacheTtl}
 * response cache shared by connections, and {@code sms_meta.api_calls}. 30 jobs, pages of 10.
 */
class CallBudgetAndCacheTest {
  private static SmsTestDatabase db;

  @BeforeAll static void start() {
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(51).jobs(30).runsPerJob(2)
        .servers(2).connectors(1).apps(1)), 10);
  }

  @AfterAll static void stop() {
    db.close();
  }

  @BeforeEach void reset() {
    db.emulator.resetCounters();
  }

  @Test void aStatementAboutToExceedTheBudgetFailsBeforeTheExcessCalls() throws Exception {
    try (Connection c = db.connect("maxApiCalls=10")) {
      db.emulator.resetCounters();
      // 3 job pages + 30 run calls would be needed.
      SQLException e = assertThrows(SQLException.class,
          () -> SmsTestDatabase.rows(c, "SELECT count(*) FROM replication_runs"));
      assertTrue(e.getMessage().contains("maxApiCalls=10") && e.getMessage().contains("maxApiCalls connection property"),
          e.getMessage());
      assertEquals("54000", e.getSQLState());
      assertTrue(db.emulator.requestCount() <= 10, "calls made: " + db.emulator.requestCount());
    }
  }

  @Test void theBudgetIsPerStatementExecution() throws Exception {
    try (Connection c = db.connect("maxApiCalls=3")) {
      for (int i = 0; i < 3; i++) {
        assertEquals(List.of(List.of(30L)), SmsTestDatabase.rows(c, "SELECT count(*) FROM replication_jobs"));
      }
    }
  }

  @Test void aSecondIdenticalQueryIsAnsweredFromTheCache() throws Exception {
    String url = "cacheTtl=60";
    try (Connection first = db.connect(url); Connection second = db.connect(url)) {
      db.emulator.resetCounters();
      List<List<Object>> rows = SmsTestDatabase.rows(first, "SELECT count(*) FROM replication_runs");
      int calls = db.emulator.requestCount();
      // The cache is shared by the JVM's connections: earlier tests may have filled the job pages already.
      assertTrue(calls >= 30, "calls: " + calls);
      assertEquals(rows, SmsTestDatabase.rows(second, "SELECT count(*) FROM replication_runs"));
      assertEquals(calls, db.emulator.requestCount(), "the second connection made no call");
      assertEquals(List.of(List.of(33L)), SmsTestDatabase.rows(second, "SELECT count(*) FROM sms_meta.api_calls "
          + "WHERE cache_hit AND statement_id = (SELECT max(statement_id) FROM sms_meta.api_calls)"));
    }
  }

  @Test void noCacheHintBypassesTheCache() throws Exception {
    try (Connection c = db.connect("cacheTtl=60")) {
      SmsTestDatabase.rows(c, "SELECT count(*) FROM replication_jobs");
      db.emulator.resetCounters();
      SmsTestDatabase.rows(c, "SELECT /*+ no_cache */ count(*) FROM replication_jobs");
      assertEquals(3, db.emulator.requestCount());
    }
  }

  @Test void withoutCacheTtlEveryQueryCalls() throws Exception {
    try (Connection c = db.connect()) {
      SmsTestDatabase.rows(c, "SELECT count(*) FROM replication_jobs");
      SmsTestDatabase.rows(c, "SELECT count(*) FROM replication_jobs");
    }
    assertEquals(6, db.emulator.requestCount());
  }

  @Test void connectionsWithOtherCredentialsDoNotShareTheCache() throws Exception {
    try (Connection c = db.connect("cacheTtl=60")) {
      SmsTestDatabase.rows(c, "SELECT count(*) FROM replication_jobs");
    }
    db.emulator.resetCounters();
    try (Connection c = db.connect("cacheTtl=60", "maxConcurrency=2")) {
      SmsTestDatabase.rows(c, "SELECT count(*) FROM replication_jobs");
    }
    assertEquals(0, db.emulator.requestCount(), "same credentials and endpoint share");
    try (Connection c = java.sql.DriverManager.getConnection(db.url("cacheTtl=60").replace("us-east-1",
        "eu-west-1"))) {
      SmsTestDatabase.rows(c, "SELECT count(*) FROM replication_jobs");
    }
    assertEquals(3, db.emulator.requestCount(), "another Region does not");
  }

  @Test void apiCallsListWhatEachStatementCost() throws Exception {
    String id = db.emulator.data().replicationJobs().get(4).get("replicationJobId").asText();
    try (Connection c = db.connect()) {
      SmsTestDatabase.rows(c, "SELECT * FROM replication_runs WHERE replication_job_id = ?", id);
      List<List<Object>> calls = SmsTestDatabase.rows(c, "SELECT operation, region, status, cache_hit, "
          + "request_id IS NOT NULL, parameters FROM sms_meta.api_calls");
      assertEquals(1, calls.size());
      assertEquals(List.of("GetReplicationRuns", "us-east-1", "OK", false, true), calls.get(0).subList(0, 5));
      assertTrue(((String) calls.get(0).get(5)).contains(id), calls.toString());
    }
  }

  @Test void apiCallsRecordNotFoundKeys() throws Exception {
    try (Connection c = db.connect()) {
      SmsTestDatabase.rows(c, "SELECT * FROM replication_jobs WHERE replication_job_id = 'sms-job-00000000000000000'");
      assertEquals(List.of(List.of("NOT_FOUND")), SmsTestDatabase.rows(c, "SELECT status FROM sms_meta.api_calls"));
    }
  }
}
