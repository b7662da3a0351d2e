package dev.smsjdbc.jdbc;

import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import dev.smsjdbc.emulator.Faults;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answers no real endpoint sends: the driver stops at its bounds with a clear SQLException, and does not
 * ask again for an answer that would come back the same.
 */
class HostileAnswersTest {
  private static final Duration BOUND = Duration.ofSeconds(30);
  private static HostileServer hostile;
  private static SmsTestDatabase db;

  @BeforeAll static void start() throws Exception {
    hostile = new HostileServer();
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(19).jobs(4).runsPerJob(1).servers(1)
        .connectors(1).apps(1)));
  }

  @AfterAll static void stop() {
    hostile.close();
    db.close();
  }

  private static SQLException failure(String url) {
    return assertTimeoutPreemptively(BOUND, () -> assertThrows(SQLException.class, () -> {
      try (Connection c = DriverManager.getConnection(url)) {
        SmsTestDatabase.rows(c, "SELECT * FROM replication_jobs");
      }
    }));
  }

  @Test void anEndlessAnswerStopsAtMaxResponseSize() {
    hostile.answer(HostileServer.Answer.ENDLESS);
    SQLException e = failure(hostile.url("maxResponseSize=1MB"));
    assertEquals("HY000", e.getSQLState());
    assertTrue(e.getMessage().contains("maxResponseSize"), e.getMessage());
    assertEquals(1, hostile.requests(), "not retried");
  }

  @Test void anOversizedAnswerIsRefusedOnce() {
    hostile.answer(HostileServer.Answer.OVERSIZED);
    SQLException e = failure(hostile.url("maxResponseSize=1MB"));
    assertTrue(e.getMessage().contains("larger than maxResponseSize"), e.getMessage());
    assertEquals(1, hostile.requests(), "not retried");
  }

  @Test void anAnswerWithinMaxResponseSizeIsRead() throws SQLException {
    hostile.answer(HostileServer.Answer.OVERSIZED);
    try (Connection c = DriverManager.getConnection(hostile.url("maxResponseSize=8MB"))) {
      assertTrue(SmsTestDatabase.rows(c, "SELECT replication_job_id FROM replication_jobs").size() > 1000);
    }
  }

  @Test void aCompressedAnswerThatWasNotAskedForIsRefused() {
    hostile.answer(HostileServer.Answer.GZIP);
    SQLException e = failure(hostile.url());
    assertEquals("HY000", e.getSQLState());
    assertTrue(e.getMessage().contains("Content-Encoding gzip"), e.getMessage());
    assertEquals(1, hostile.requests(), "not retried");
  }

  @Test void aRepeatedNextTokenStopsTheListingAtTheFirstRepeat() {
    hostile.answer(HostileServer.Answer.LOOPING_TOKEN);
    SQLException e = failure(hostile.url());
    assertEquals("HY000", e.getSQLState());
    assertTrue(e.getMessage().contains("nextToken it had returned before"), e.getMessage());
    assertEquals(2, hostile.requests(), "the first page, and the one whose token repeats");
  }

  @ParameterizedTest @EnumSource(Faults.Corruption.class)
  void aBrokenAnswerIsDownloadedOnce(Faults.Corruption corruption) {
    db.emulator.faults().corruptResponses(corruption);
    try {
      db.emulator.resetCounters();
      SQLException e = failure(db.url("maxAttempts=5"));
      // JSON whose lists are strings is JSON the model does not allow (22000); the rest is no JSON at all
      assertEquals(corruption == Faults.Corruption.WRONG_TYPES ? "22000" : "HY000", e.getSQLState());
      assertEquals(1, db.emulator.requestCount("GetReplicationJobs"), "not retried");
    } finally {
      db.emulator.faults().clear();
    }
  }
}
