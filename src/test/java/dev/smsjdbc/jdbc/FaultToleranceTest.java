package dev.smsjdbc.jdbc;

import com.sun.net.httpserver.HttpServer;
import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import dev.smsjdbc.emulator.Faults;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults are survived (retried) or reported, and nothing hangs: throttling, server faults, broken answers,
 * endpoints that are not SMS, cancellation and timeouts. 60 jobs, pages of 10.
 */
class FaultToleranceTest {
  /** Generous bound for tests that prove something does not hang. */
  private static final Duration NO_HANG = Duration.ofSeconds(20);

  private static SmsTestDatabase db;

  @BeforeAll static void start() {
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(13).jobs(60).runsPerJob(4)
        .servers(2).connectors(1).apps(1)), 10);
  }

  @AfterAll static void stop() {
    db.close();
  }

  @BeforeEach @AfterEach void clearFaults() {
    db.emulator.faults().clear();
    db.emulator.resetCounters();
  }

  @Test void throttledCallsAreRetriedAndTheAnswerIsComplete() throws Exception {
    db.emulator.faults().throttleFirst(3);
    assertEquals(List.of(List.of(60L)), db.query("SELECT count(*) FROM replication_jobs"));
    // 6 pages plus the 3 throttled attempts of the first.
    assertEquals(9, db.emulator.requestCount("GetReplicationJobs"));
  }

  @Test void transientServerFaultsAreRetried() throws Exception {
    db.emulator.faults().failAfter(2, 500);
    CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS).execute(() -> db.emulator.faults().clear());
    assertEquals(List.of(List.of(60L)), db.query("SELECT count(*) FROM replication_jobs"));
  }

  @Test void persistentFaultMidPaginationFailsTheQueryFromNext() throws Exception {
    try (Connection c = db.connect("maxAttempts=2"); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT * FROM replication_jobs")) {
      db.emulator.faults().failAfter(0, 500);
      int read = 0;
      SQLException e = null;
      try {
        while (rs.next()) {
          read++;
        }
      } catch (SQLException thrown) {
        e = thrown;
      }
      assertTrue(e != null, "the query ended quietly after " + read + " of 60 rows");
      assertTrue(read < 60, "rows read: " + read);
      assertEquals("08S01", e.getSQLState());
    }
  }

  @ParameterizedTest @EnumSource(Faults.Corruption.class)
  void brokenAnswersAreClearErrors(Faults.Corruption corruption) {
    db.emulator.faults().corruptResponses(corruption);
    SQLException e = assertTimeoutPreemptively(NO_HANG, () -> assertThrows(SQLException.class,
        () -> db.query("SELECT * FROM replication_jobs")));
    // JSON whose lists are strings is JSON the model does not allow (22000); the rest is no JSON at all
    boolean modelViolation = corruption == Faults.Corruption.WRONG_TYPES;
    assertEquals(modelViolation ? "22000" : "HY000", e.getSQLState());
    assertTrue(e.getMessage().contains(modelViolation ? "GetReplicationJobs answered a value the API model does not"
        + " allow: replicationJobList" : "GetReplicationJobs failed"), e.getMessage());
  }

  @Test void endpointThatIsNotSmsIsAClearError() throws Exception {
    HttpServer notSms = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    notSms.createContext("/", exchange -> {
      byte[] body = "<html><body>Not Found</body></html>".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html");
      exchange.sendResponseHeaders(404, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    notSms.start();
    try {
      String url = db.url().replace(db.emulator.endpoint().toString(),
          "http://127.0.0.1:" + notSms.getAddress().getPort());
      SQLException e = assertTimeoutPreemptively(NO_HANG, () -> assertThrows(SQLException.class, () -> {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
          s.executeQuery("SELECT * FROM replication_jobs").next();
        }
      }));
      assertTrue(e.getMessage().contains("HTTP 404") && e.getMessage().contains("not an SMS endpoint"),
          e.getMessage());
    } finally {
      notSms.stop(0);
    }
  }

  @Test void queryTimeoutIsEnforced() throws Exception {
    db.emulator.faults().latency(Duration.ofMillis(400));
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.setQueryTimeout(1);
      SQLException e = assertTimeoutPreemptively(NO_HANG, () -> assertThrows(SQLException.class, () -> {
        try (ResultSet rs = s.executeQuery("SELECT * FROM replication_jobs")) {
          while (rs.next()) {
            // 6 pages × 400 ms would take 2.4 s
          }
        }
      }));
      assertInstanceOf(SQLTimeoutException.class, e);
      assertEquals("HYT00", e.getSQLState());
    }
    assertTrue(db.emulator.requestCount("GetReplicationJobs") < 6, "paging stopped at the timeout");
  }

  @Test void cancelFromAnotherThreadStopsPagingWithinAPage() throws Exception {
    db.emulator.faults().latency(Duration.ofMillis(150));
    try (Connection c = db.connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT * FROM replication_jobs")) {
      for (int i = 0; i < 10; i++) {
        assertTrue(rs.next());
      }
      s.cancel();
      SQLException e = assertThrows(SQLException.class, () -> {
        while (rs.next()) {
          // cancelled: must stop
        }
      });
      assertEquals("57014", e.getSQLState());
    }
    // A call in flight at the cancel still reaches the server (the cursor reads a row ahead, so the page
    // after the current one may be on its way); after that, nothing more.
    Thread.sleep(400);
    int calls = db.emulator.requestCount("GetReplicationJobs");
    Thread.sleep(400);
    assertEquals(calls, db.emulator.requestCount("GetReplicationJobs"), "no call after the cancel");
    assertTrue(calls <= 3, "calls: " + calls);
  }

  @Test void cancelInterruptsAWaitForASlowPage() throws Exception {
    db.emulator.faults().latency(Duration.ofSeconds(5));
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      CountDownLatch started = new CountDownLatch(1);
      CompletableFuture<SQLException> result = CompletableFuture.supplyAsync(() -> {
        started.countDown();
        try (ResultSet rs = s.executeQuery("SELECT * FROM replication_jobs")) {
          rs.next();
          return null;
        } catch (SQLException e) {
          return e;
        }
      });
      started.await();
      Thread.sleep(300);
      s.cancel();
      // The page would take 5 s; the cancel must end the wait long before.
      SQLException e = result.get(3, TimeUnit.SECONDS);
      assertEquals("57014", e.getSQLState());
    }
  }

  @Test void slowEndpointCannotHangACallerWithApiCallTimeout() {
    db.emulator.faults().latency(Duration.ofSeconds(30));
    SQLException e = assertTimeoutPreemptively(NO_HANG, () -> assertThrows(SQLException.class,
        () -> {
          try (Connection c = db.connect("apiCallTimeout=1s"); Statement s = c.createStatement()) {
            s.executeQuery("SELECT count(*) FROM replication_runs").next();
          }
        }));
    assertEquals("HYT00", e.getSQLState(), e::toString);
  }
}
