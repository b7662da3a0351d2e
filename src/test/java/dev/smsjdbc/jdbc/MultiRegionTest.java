package dev.smsjdbc.jdbc;

import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code regions=a,b,...}: Regions queried in parallel, every row tagged with its Region, Region filters
 * prune Regions before any call, and a failing Region fails the query or, with {@code partialResults},
 * becomes a warning. One emulator answers for every Region (it serves any credential scope).
 */
class MultiRegionTest {
  private static final String REGIONS = "regions=us-east-1,eu-west-1,ap-northeast-1";
  private static SmsTestDatabase db;

  @BeforeAll static void start() {
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(41).jobs(12).runsPerJob(3)
        .servers(4).connectors(2).apps(1)), 50);
  }

  @AfterAll static void stop() {
    db.close();
  }

  @AfterEach void clear() throws InterruptedException {
    db.emulator.faults().clear();
    db.awaitQuiet();
    db.emulator.resetCounters();
  }

  @Test void everyRegionIsQueriedAndEveryRowCarriesItsRegion() throws Exception {
    try (Connection c = db.connect(REGIONS)) {
      db.emulator.resetCounters();
      assertEquals(List.of(List.of("ap-northeast-1", 12L), List.of("eu-west-1", 12L), List.of("us-east-1", 12L)),
          SmsTestDatabase.rows(c, "SELECT region, count(*) FROM replication_jobs GROUP BY region ORDER BY region"));
      db.assertCalls(3, 0);
    }
  }

  @Test void regionFilterPrunesTheOtherRegionsBeforeAnyCall() throws Exception {
    try (Connection c = db.connect(REGIONS)) {
      db.emulator.resetCounters();
      assertEquals(List.of(List.of(12L)),
          SmsTestDatabase.rows(c, "SELECT count(*) FROM replication_jobs WHERE region = 'eu-west-1'"));
      db.assertCalls(1, 0);
      assertEquals(List.of(List.of("GetReplicationJobs", "eu-west-1")), SmsTestDatabase.rows(c,
          "SELECT operation, region FROM sms_meta.api_calls WHERE statement_id = (SELECT max(statement_id) "
              + "FROM sms_meta.api_calls)"));
    }
  }

  @Test void regionInListAndJobKeyCombine() throws Exception {
    String id = db.emulator.data().replicationJobs().get(2).get("replicationJobId").asText();
    try (Connection c = db.connect(REGIONS)) {
      db.emulator.resetCounters();
      List<List<Object>> rows = SmsTestDatabase.rows(c, "SELECT region FROM replication_runs "
          + "WHERE replication_job_id = ? AND region IN ('us-east-1', 'ap-northeast-1') ORDER BY 1", id);
      assertEquals(6, rows.size());
      db.assertCalls(0, 2);
    }
  }

  @Test void aRegionNotInTheConnectionGivesNoRowsAndNoCall() throws Exception {
    try (Connection c = db.connect(REGIONS)) {
      db.emulator.resetCounters();
      assertEquals(List.of(), SmsTestDatabase.rows(c, "SELECT * FROM replication_jobs WHERE region = 'sa-east-1'"));
      db.assertCalls(0, 0);
    }
  }

  @Test void explainShowsRegionsPageSizeAndEstimatedCalls() throws Exception {
    try (Connection c = db.connect(REGIONS, "pageSize=20"); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR SELECT * FROM replication_jobs "
             + "WHERE replication_job_id IN ('a', 'b')")) {
      assertTrue(rs.next());
      String plan = rs.getString(1);
      assertTrue(plan.contains("regions=[[us-east-1, eu-west-1, ap-northeast-1]]"), plan);
      assertTrue(plan.contains("pageSize=[20]"), plan);
      assertTrue(plan.contains("estimatedCalls=[6]"), plan);
    }
  }

  @Test void explainCountsOnlyTheConnectionsRegionsAmongThoseNamed() throws Exception {
    assertTrue(explain("WHERE region IN ('eu-west-1', 'sa-east-1')").contains("estimatedCalls=[1]"));
    assertTrue(explain("WHERE region = 'sa-east-1'").contains("estimatedCalls=[0]"));
  }

  @Test void explainCountsARegionParameterAsOneRegion() throws Exception {
    assertTrue(explain("WHERE region = ?").contains("estimatedCalls=[1]"));
  }

  private static String explain(String where) throws SQLException {
    try (Connection c = db.connect(REGIONS); PreparedStatement s = c.prepareStatement(
        "EXPLAIN PLAN FOR SELECT * FROM replication_jobs " + where + " LIMIT 10")) {
      if (where.contains("?")) {
        s.setString(1, "eu-west-1");
      }
      try (ResultSet rs = s.executeQuery()) {
        assertTrue(rs.next());
        return rs.getString(1);
      }
    }
  }

  @Test void aFailingRegionFailsTheQueryNamingTheRegion() {
    db.emulator.faults().onlyForRegion("eu-west-1").failAfter(0, 500);
    SQLException e = assertThrows(SQLException.class, () -> {
      try (Connection c = db.connect(REGIONS, "maxAttempts=1")) {
        SmsTestDatabase.rows(c, "SELECT * FROM replication_jobs");
      }
    });
    assertTrue(e.getMessage().contains("eu-west-1"), e.getMessage());
    assertEquals("08S01", e.getSQLState());
  }

  @Test void withPartialResultsAFailingRegionIsAWarning() throws Exception {
    db.emulator.faults().onlyForRegion("eu-west-1").failAfter(0, 500);
    try (Connection c = db.connect(REGIONS, "maxAttempts=1", "partialResults=true");
         Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT region, count(*) FROM replication_jobs GROUP BY region ORDER BY 1")) {
        assertEquals(List.of(List.of("ap-northeast-1", 12L), List.of("us-east-1", 12L)), SmsTestDatabase.rows(rs));
        SQLWarning warning = rs.getWarnings();
        assertTrue(warning != null && warning.getMessage().contains("eu-west-1"), String.valueOf(warning));
      }
      SQLWarning warning = s.getWarnings();
      assertTrue(warning != null && warning.getMessage().contains("Region eu-west-1 failed"), String.valueOf(warning));
      assertNull(warning.getNextWarning());
      db.emulator.faults().clear();
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM replication_jobs")) {
        assertEquals(List.of(List.of(36L)), SmsTestDatabase.rows(rs));
      }
      assertNull(s.getWarnings(), "a new execution starts without warnings");
    }
  }
}
