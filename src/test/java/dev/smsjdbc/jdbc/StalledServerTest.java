package dev.smsjdbc.jdbc;

import dev.smsjdbc.aws.ClientSettings;
import dev.smsjdbc.aws.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server that never answers, drips its answer or asks to come back later holds no query past its bound,
 * and a connection that timed out or was closed gives back its threads, sockets and heap within seconds.
 * Small bounds (apiCallTimeout=2s) where a test is about the mechanism; the default bound is read from the
 * clients' configuration, not waited for.
 */
class StalledServerTest {
  /** Generous bound on things that must finish: far below the 60 s default call bound. */
  private static final Duration BOUND = Duration.ofSeconds(15);
  private static final String QUERY = "SELECT * FROM replication_jobs";

  private StallingServer server;

  @BeforeAll static void warmUp() throws Exception {
    // The first query of the JVM loads Calcite and plans for seconds: not part of any bound here.
    try (StallingServer quick = new StallingServer().page(0); Connection c = DriverManager.getConnection(quick.url());
         Statement s = c.createStatement()) {
      s.executeQuery(QUERY).next();
    }
  }

  @BeforeEach void start() throws Exception {
    server = new StallingServer();
  }

  @AfterEach void stop() throws Exception {
    server.close();
  }

  @Test void aRetryAfterOfADayIsNotWaitedForEvenWithTheDefaultBound() {
    server.retryAfter(100_000, Integer.MAX_VALUE);
    SQLException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(SQLException.class, this::query));
    assertInstanceOf(SQLTransientConnectionException.class, e, e::toString);
    assertEquals("08S01", e.getSQLState());
    assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
    assertEquals(1, server.requests(), "asked again after Retry-After: 100000");
  }

  @Test void aShortRetryAfterIsWaitedForAndTheCallSucceeds() throws Exception {
    server.retryAfter(1, 1);
    assertEquals(1, assertTimeoutPreemptively(BOUND, () -> rows()));
    assertEquals(2, server.requests());
  }

  @Test void aRetryWhoseWaitWouldEndPastApiCallTimeoutIsNotMade() {
    server.retryAfter(5, Integer.MAX_VALUE);
    SQLException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(SQLException.class,
        () -> query("apiCallTimeout=3s")));
    assertEquals("08S01", e.getSQLState(), e::toString); // the server's answer, not a timeout
    assertEquals(1, server.requests());
  }

  @Test void aSilentServerIsCutAtApiCallTimeoutAndItsSocketClosed() throws Exception {
    server.behave(StallingServer.Behaviour.SILENT);
    SQLException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(SQLException.class,
        () -> query("apiCallTimeout=2s")));
    assertInstanceOf(SQLTimeoutException.class, e, e::toString);
    assertEquals("HYT00", e.getSQLState());
    assertEquals(1, server.requests(), "no attempt after the call's time ran out");
    assertReleased();
  }

  @Test void aDrippingServerIsCutAtApiCallTimeout() throws Exception {
    server.behave(StallingServer.Behaviour.DRIPPING);
    SQLException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(SQLException.class,
        () -> query("apiCallTimeout=2s")));
    assertEquals("HYT00", e.getSQLState(), e::toString);
    assertEquals(1, server.requests());
    assertThreadsReleased();
  }

  @Test void twentyTimedOutStatementsThenCloseLeaveNoThreadSocketOrHeap() throws Exception {
    server.behave(StallingServer.Behaviour.SILENT);
    long heapBefore = DriverResources.usedHeapAfterGc();
    ExecutorService clients = Executors.newFixedThreadPool(20);
    try {
      List<Future<SQLException>> results = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        results.add(clients.submit(() -> {
          try (Connection c = DriverManager.getConnection(server.url()); Statement s = c.createStatement()) {
            s.setQueryTimeout(1); // the default apiCallTimeout (60 s) would end the call much later
            return assertThrows(SQLException.class, () -> s.executeQuery(QUERY).next());
          }
        }));
      }
      for (Future<SQLException> result : results) {
        assertEquals("HYT00", result.get(BOUND.toSeconds(), TimeUnit.SECONDS).getSQLState());
      }
    } finally {
      clients.shutdownNow();
    }
    assertReleased();
    long heapAfter = DriverResources.usedHeapAfterGc();
    assertTrue(heapAfter <= heapBefore + (16 << 20), "heap before " + heapBefore + ", after " + heapAfter);
  }

  @Test void closingAConnectionWhileItsQueryWaitsForAnAnswerFailsTheQueryWith08003() throws Exception {
    server.behave(StallingServer.Behaviour.SILENT);
    assertClosingMidQueryFailsIt();
    assertReleased();
  }

  @Test void closingAConnectionWhileItsAnswerDripsFailsTheQueryWith08003() throws Exception {
    server.behave(StallingServer.Behaviour.DRIPPING);
    assertClosingMidQueryFailsIt();
    assertThreadsReleased();
  }

  @Test void theDefaultCallBoundIsSixtySecondsAndAReadWaitsAtMostThirty() throws Exception {
    Properties keys = new Properties();
    keys.setProperty("region", "us-east-1");
    ClientSettings clients = SessionWiring.clients(SmsConnectionConfig.from(keys));
    assertEquals(Optional.of(Duration.ofSeconds(60)), SessionFactory.overrides(clients).apiCallTimeout());
    assertEquals(Duration.ofSeconds(30), SessionFactory.socketTimeout(clients.apiCallTimeout()));
    assertEquals(Duration.ofSeconds(2), SessionFactory.socketTimeout(Duration.ofSeconds(2)));
  }

  private void assertClosingMidQueryFailsIt() throws Exception {
    Connection c = DriverManager.getConnection(server.url());
    Statement s = c.createStatement();
    CompletableFuture<SQLException> result = CompletableFuture.supplyAsync(() -> {
      try (ResultSet rs = s.executeQuery(QUERY)) {
        rs.next();
        return null;
      } catch (SQLException e) {
        return e;
      }
    });
    assertTrue(DriverResources.within(BOUND.toMillis(), () -> server.requests() > 0), "no request came");
    Thread.sleep(200); // the answer's headers have come, for the dripping server
    c.close();
    SQLException e = result.get(BOUND.toSeconds(), TimeUnit.SECONDS);
    assertInstanceOf(SQLNonTransientConnectionException.class, e, String.valueOf(e));
    assertEquals("08003", e.getSQLState(), e::toString);
  }

  /** The driver's threads end within seconds, and the server sees every connection closed. */
  private void assertReleased() throws InterruptedException {
    assertThreadsReleased();
    assertTrue(DriverResources.within(5_000, () -> server.openConnections() == 0),
        "connections the driver left open: " + server.openConnections());
  }

  /**
   * The driver's threads end within seconds. Only the threads: the socket under a dripped body of less than
   * 512 KB is drained by the JDK's keep-alive cleaner thread for as long as the server drips (InFlightCalls).
   */
  private static void assertThreadsReleased() throws InterruptedException {
    assertTrue(DriverResources.within(5_000, () -> DriverResources.ioThreads().isEmpty()),
        "driver threads left: " + DriverResources.ioThreads());
  }

  private int rows(String... keys) throws SQLException {
    try (Connection c = DriverManager.getConnection(server.url(keys)); Statement s = c.createStatement()) {
      return SmsTestDatabase.count(s.executeQuery(QUERY));
    }
  }

  private void query(String... keys) throws SQLException {
    rows(keys);
  }
}
