package dev.smsjdbc.jdbc;

import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.runtime.Hook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A connection plans a query text once; executions of it after that only bind and run. */
class PlanCacheTest {
  private static final String BY_ID = "SELECT replication_job_id, state FROM replication_jobs WHERE replication_job_id = ?";
  private static SmsTestDatabase db;
  private static List<String> ids;
  private final AtomicInteger parsed = new AtomicInteger();

  @BeforeAll static void start() throws SQLException {
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(43).jobs(6).runsPerJob(2).servers(2)
        .connectors(1).apps(1)));
    ids = db.query("SELECT replication_job_id FROM replication_jobs ORDER BY 1").stream()
        .map(r -> (String) r.get(0)).toList();
  }

  @AfterAll static void stop() {
    db.close();
  }

  @BeforeEach void reset() {
    parsed.set(0);
  }

  /** Runs {@code action} counting how often this thread's statements are parsed (once per planning). */
  private void counting(SqlAction action) throws Exception {
    try (Hook.Closeable ignored = Hook.PARSE_TREE.addThread((Consumer<Object>) o -> parsed.incrementAndGet())) {
      action.run();
    }
  }

  @FunctionalInterface
  interface SqlAction {
    void run() throws Exception;
  }

  @Test void theSameTextIsPlannedOnceAndAnswersEachTime() throws Exception {
    String sql = "SELECT * FROM replication_jobs WHERE replication_job_id = '" + ids.get(0) + "'";
    try (Connection c = db.connect()) {
      counting(() -> {
        for (int i = 0; i < 3; i++) {
          assertEquals(1, SmsTestDatabase.rows(c, sql).size());
        }
      });
    }
    assertEquals(1, parsed.get());
  }

  @Test void aListingThatShowsATablesSizeMakesThePlannerLookAgainOnce() throws Exception {
    try (Connection c = db.connect()) {
      counting(() -> {
        for (int i = 0; i < 4; i++) {
          assertEquals(6, SmsTestDatabase.rows(c, "SELECT * FROM replication_jobs").size());
        }
      });
    }
    assertEquals(2, parsed.get(), "planned with the assumed size, then once more with the size the listing showed");
  }

  @Test void preparedStatementsOfOneTextShareThePlanAndBindTheirOwnValues() throws Exception {
    try (Connection c = db.connect()) {
      counting(() -> {
        for (String id : ids) { // each round prepares the text anew, as a pool's borrower does
          db.emulator.resetCounters();
          assertEquals(List.of(id), SmsTestDatabase.rows(c, BY_ID, id).stream().map(r -> r.get(0)).toList());
          assertEquals(1, db.emulator.requestCount("GetReplicationJobs"), "still one call per id");
        }
      });
    }
    assertEquals(1, parsed.get());
  }

  @Test void maxRowsArePlannedApart() throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      counting(() -> {
        s.setMaxRows(2);
        assertEquals(2, SmsTestDatabase.rows(s.executeQuery("SELECT * FROM replication_jobs")).size());
        s.setMaxRows(0);
        assertEquals(6, SmsTestDatabase.rows(s.executeQuery("SELECT * FROM replication_jobs")).size());
      });
    }
    assertEquals(2, parsed.get());
  }

  @Test void explainIsPlannedEachTime() throws Exception {
    try (Connection c = db.connect()) {
      counting(() -> {
        SmsTestDatabase.rows(c, "EXPLAIN PLAN FOR SELECT * FROM replication_jobs");
        SmsTestDatabase.rows(c, "EXPLAIN PLAN FOR SELECT * FROM replication_jobs");
      });
    }
    assertEquals(2, parsed.get());
  }

  @Test void eachConnectionPlansForItself() throws Exception {
    counting(() -> {
      for (int i = 0; i < 2; i++) {
        try (Connection c = db.connect()) {
          SmsTestDatabase.rows(c, "SELECT * FROM replication_jobs");
        }
      }
    });
    assertEquals(2, parsed.get());
  }

  @Test void aPlannerHookGetsAFreshPlan() throws Exception {
    String sql = "SELECT state FROM replication_jobs WHERE replication_job_id = '" + ids.get(0) + "'";
    try (Connection c = db.connect()) {
      SmsTestDatabase.rows(c, sql); // planned and kept with pushdown: a call by id
      assertTrue(lastCallParameters(c).contains("replicationJobId="), lastCallParameters(c));
      try (Hook.Closeable ignored = Hook.PLANNER.addThread((RelOptPlanner p) ->
          p.setRuleDescExclusionFilter(Pattern.compile("Sms.*Rule|JoinPushTransitivePredicatesRule")))) {
        SmsTestDatabase.rows(c, sql);
      }
      assertTrue(!lastCallParameters(c).contains("replicationJobId="), "planned anew, without pushdown: a listing");
      SmsTestDatabase.rows(c, sql);
      assertTrue(lastCallParameters(c).contains("replicationJobId="), "the kept plan again");
    }
  }

  private static String lastCallParameters(Connection c) throws SQLException {
    return (String) SmsTestDatabase.rows(c, "SELECT parameters FROM sms_meta.api_calls WHERE statement_id ="
        + " (SELECT max(statement_id) FROM sms_meta.api_calls)").get(0).get(0);
  }
}
