package dev.smsjdbc.jdbc;

import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A statement stays usable after cancel() and after a timeout, as JDBC says; an idle cancel is ignored. */
class StatementReuseTest {
  private static final int JOBS = 12;
  private static SmsTestDatabase db;

  @BeforeAll static void start() {
    // 2 jobs per page: reading every job takes 6 calls, so a cancel or a timeout can land between them.
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(5).jobs(JOBS).runsPerJob(1)), 2);
  }

  @AfterAll static void stop() {
    db.close();
  }

  @BeforeEach @AfterEach void clearFaults() {
    db.emulator.faults().clear();
  }

  @Test void anIdleCancelIsIgnoredByTheNextExecute() throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.cancel();
      assertEquals(JOBS, SmsTestDatabase.count(s.executeQuery("SELECT * FROM replication_jobs")));
    }
  }

  @Test void anIdleCancelIsIgnoredByAPreparedStatement() throws SQLException {
    try (Connection c = db.connect();
         PreparedStatement ps = c.prepareStatement("SELECT * FROM replication_jobs WHERE vm_name <> ?")) {
      ps.setString(1, "none");
      ps.cancel();
      assertEquals(JOBS, SmsTestDatabase.count(ps.executeQuery()));
      ps.cancel();
      assertEquals(JOBS, SmsTestDatabase.count(ps.executeQuery()));
    }
  }

  @Test void aStatementCancelledWhileReadingRunsAgain() throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      ResultSet rs = s.executeQuery("SELECT * FROM replication_jobs");
      rs.next();
      s.cancel();
      SQLException e = assertThrows(SQLException.class, () -> SmsTestDatabase.count(rs));
      assertEquals("57014", e.getSQLState());
      assertEquals(JOBS, SmsTestDatabase.count(s.executeQuery("SELECT * FROM replication_jobs")));
    }
  }

  @Test void aCancelFromAnotherThreadStillStopsTheRunningExecution() throws Exception {
    db.emulator.faults().latency(Duration.ofSeconds(5));
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      CountDownLatch started = new CountDownLatch(1);
      CompletableFuture<SQLException> running = CompletableFuture.supplyAsync(() -> {
        started.countDown();
        try {
          SmsTestDatabase.count(s.executeQuery("SELECT * FROM replication_jobs"));
          return null;
        } catch (SQLException e) {
          return e;
        }
      });
      started.await();
      Thread.sleep(300);
      s.cancel();
      assertEquals("57014", running.get(3, TimeUnit.SECONDS).getSQLState());
      db.emulator.faults().clear();
      assertEquals(JOBS, SmsTestDatabase.count(s.executeQuery("SELECT * FROM replication_jobs")));
    }
  }

  @Test void aStatementThatTimedOutRunsAgain() throws SQLException {
    db.emulator.faults().latency(Duration.ofMillis(400));
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.setQueryTimeout(1);
      SQLException e = assertThrows(SQLException.class, () -> SmsTestDatabase.count(s.executeQuery("SELECT * FROM replication_jobs")));
      assertInstanceOf(SQLTimeoutException.class, e);
      db.emulator.faults().clear();
      assertEquals(JOBS, SmsTestDatabase.count(s.executeQuery("SELECT * FROM replication_jobs")));
    }
  }
}
