package dev.smsjdbc.jdbc;

import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Preparing a statement is bounded: the query timeout and {@code cancel()} stop it, many-table joins get a
 * heuristic join order, IN lists of any length are one call per id, and statements too large or too deep fail
 * with a short 54001, the connection usable afterwards. 12 jobs.
 */
class PlanningBoundsTest {
  private static final int JOBS = 12;

  private static SmsTestDatabase db;
  private static List<String> jobIds;

  @BeforeAll static void start() throws SQLException {
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(41).jobs(JOBS).runsPerJob(1)
        .servers(1).connectors(1).apps(1)));
    jobIds = db.query("SELECT replication_job_id FROM replication_jobs").stream()
        .map(row -> (String) row.get(0)).toList();
  }

  @AfterAll static void stop() {
    db.close();
  }

  @BeforeEach void resetCounters() {
    db.emulator.resetCounters();
  }

  @Test void aQueryTimeoutStopsThePlanningOfAFiftyTableJoin() throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.setQueryTimeout(5);
      SQLException e = assertTimeout(Duration.ofSeconds(10),
          () -> assertThrows(SQLException.class, () -> s.executeQuery(slowToPlan(50))));
      assertInstanceOf(SQLTimeoutException.class, e);
      assertEquals("HYT00", e.getSQLState());
      assertEquals("Query timed out after 5000 ms (query timeout)", e.getMessage());
      assertEquals(0, db.emulator.requestCount(), "stopped before any call");
      assertAnswersSelectOne(c);
    }
  }

  @Test void cancelFromAnotherThreadStopsPlanning() throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      CompletableFuture<SQLException> planning = CompletableFuture.supplyAsync(() -> {
        try (ResultSet rs = s.executeQuery(slowToPlan(50))) {
          return null;
        } catch (SQLException e) {
          return e;
        }
      });
      Thread.sleep(1000); // planning
      s.cancel(); // returns once the planning thread has let go of the statement
      SQLException e = planning.get(5, TimeUnit.SECONDS);
      assertNotNull(e, "cancelled");
      assertEquals("57014", e.getSQLState());
      assertEquals(0, db.emulator.requestCount(), "stopped before any call");
      assertAnswersSelectOne(c);
    }
  }

  @Test void manyTableJoinsAnswerAsTheirSingleTableEquivalent() throws Exception {
    try (Connection c = db.connect()) {
      String state = (String) SmsTestDatabase.rows(c, "SELECT state FROM replication_jobs").get(0).get(0);
      long inState = (Long) SmsTestDatabase.rows(c,
          "SELECT count(*) FROM replication_jobs WHERE state = '" + state + "'").get(0).get(0);
      assertTrue(inState > 0 && inState < JOBS, "a filter that keeps some jobs");
      for (int tables : new int[] {10, 50}) {
        String sql = chain(tables) + " WHERE t" + tables / 2 + ".state = '" + state + "'";
        Object count = assertTimeout(Duration.ofSeconds(30), () -> SmsTestDatabase.rows(c, sql).get(0).get(0));
        assertEquals(inState, count, tables + " tables");
      }
    }
  }

  @Test void anInListOfMoreIdsThanTheTableHasRowsMakesOneCallPerId() throws Exception {
    List<String> ids = Stream.concat(jobIds.stream(), IntStream.range(0, 288).mapToObj(i -> "sms-job-none" + i))
        .toList();
    assertEquals(List.of(List.of((long) JOBS)), db.query(
        "SELECT count(*) FROM replication_jobs WHERE replication_job_id IN (" + quoted(ids) + ")"));
    assertEquals(300, db.emulator.requestCount("GetReplicationJobs"), "one call per id, no listing");
  }

  @Test void inListsOf2000And10000IdsAreOneCallPerIdUpToMaxApiCalls() throws Exception {
    for (int n : new int[] {2_000, 10_000}) {
      String sql = "SELECT count(*) FROM replication_jobs WHERE replication_job_id IN ("
          + quoted(IntStream.range(0, n).mapToObj(i -> "sms-job-" + i).toList()) + ")";
      try (Connection c = db.connect("maxApiCalls=100"); Statement s = c.createStatement()) {
        db.emulator.resetCounters();
        SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(sql).next());
        assertEquals("54000", e.getSQLState(), n + " ids: " + e.getMessage());
        assertTrue(e.getMessage().contains("maxApiCalls=100"), e.getMessage());
        assertEquals(100, db.emulator.requestCount("GetReplicationJobs"), n + " ids: calls by id, not a listing");
        assertAnswersSelectOne(c);
      }
    }
  }

  @Test void anInListOf2000ValuesOnAColumnThatIsNotAKeyAnswersOrIsTooComplex() throws Exception {
    assertAnswerOrTooComplex("SELECT count(*) FROM replication_jobs WHERE vm_name IN ("
        + quoted(IntStream.range(0, 2_000).mapToObj(i -> "vm-" + i).toList()) + ")", 0L);
  }

  @Test void twoThousandUnionAllBranchesAnswerOrAreTooComplex() throws Exception {
    assertAnswerOrTooComplex("SELECT count(*) FROM ("
        + IntStream.range(0, 2_000).mapToObj(i -> "SELECT " + i + " AS x").collect(Collectors.joining(" UNION ALL "))
        + ")", 2_000L);
  }

  @Test void threeHundredNestedInSubqueriesAnswerOrAreTooComplex() throws Exception {
    String sql = "SELECT replication_job_id FROM replication_jobs";
    for (int i = 0; i < 300; i++) {
      sql = "SELECT replication_job_id FROM replication_jobs WHERE replication_job_id IN (" + sql + ")";
    }
    assertAnswerOrTooComplex("SELECT count(*) FROM (" + sql + ")", (long) JOBS);
  }

  @Test void aThousandNestedSubqueriesAnswerOrAreTooComplex() throws Exception {
    String sql = "SELECT 1 AS x";
    for (int i = 0; i < 1_000; i++) {
      sql = "SELECT x FROM (" + sql + ") t" + i;
    }
    assertAnswerOrTooComplex("SELECT count(*) FROM (" + sql + ")", 1L);
  }

  @Test void tenThousandOrsAnswerOrAreTooComplex() throws Exception {
    assertAnswerOrTooComplex("SELECT count(*) FROM replication_jobs WHERE "
        + IntStream.range(0, 10_000).mapToObj(i -> "frequency = " + (i + 1_000)).collect(Collectors.joining(" OR ")),
        0L);
  }

  @Test void aStatementLongerThanTheLimitIsRefusedBeforeItIsParsed() throws Exception {
    String sql = "SELECT 1 /*" + "x".repeat(PlanningLimits.MAX_STATEMENT_LENGTH) + "*/";
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(sql));
      assertEquals("54001", e.getSQLState());
      assertEquals("Statement too complex: its text has " + sql.length() + " characters, more than the "
          + PlanningLimits.MAX_STATEMENT_LENGTH + " the driver prepares", e.getMessage());
      assertAnswersSelectOne(c);
    }
  }

  /**
   * The answer, or a short "statement too complex": which one depends on the Java stack of the calling thread.
   * Either way the connection answers afterwards.
   */
  private static void assertAnswerOrTooComplex(String sql, long expectedCount) throws Exception {
    try (Connection c = db.connect()) {
      Object outcome = assertTimeout(Duration.ofSeconds(30), () -> {
        try {
          return SmsTestDatabase.rows(c, sql).get(0).get(0);
        } catch (SQLException e) {
          return e;
        }
      });
      if (outcome instanceof SQLException e) {
        assertEquals("54001", e.getSQLState(), e.getClass() + ": " + e.getMessage());
        assertNotNull(e.getMessage());
        assertTrue(e.getMessage().startsWith("Statement too complex: ") && e.getMessage().length() < 300,
            e.getMessage());
      } else {
        assertEquals(expectedCount, outcome);
      }
      assertAnswersSelectOne(c);
    }
  }

  private static void assertAnswersSelectOne(Connection c) throws SQLException {
    assertEquals(List.of(List.of(1)), SmsTestDatabase.rows(c, "SELECT 1"));
  }

  /** {@code tables} jobs joined on the job id, each to the one before. */
  private static String chain(int tables) {
    StringBuilder sql = new StringBuilder("SELECT count(*) FROM replication_jobs t0");
    for (int i = 1; i < tables; i++) {
      sql.append(" JOIN replication_jobs t").append(i).append(" ON t").append(i).append(".replication_job_id = t")
          .append(i - 1).append(".replication_job_id");
    }
    return sql.toString();
  }

  /**
   * A join of {@code tables} jobs on the job id, each also on the server id of every table before it: its
   * n² predicates keep the planner busy for minutes at 50 tables, join order heuristic or not.
   */
  private static String slowToPlan(int tables) {
    StringBuilder sql = new StringBuilder("SELECT count(*) FROM replication_jobs t0");
    for (int i = 1; i < tables; i++) {
      sql.append(" JOIN replication_jobs t").append(i).append(" ON t").append(i).append(".replication_job_id = t")
          .append(i - 1).append(".replication_job_id");
      for (int j = 0; j < i - 1; j++) {
        sql.append(" AND t").append(i).append(".server_id = t").append(j).append(".server_id");
      }
    }
    return sql.toString();
  }

  private static String quoted(List<String> values) {
    return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
  }
}
