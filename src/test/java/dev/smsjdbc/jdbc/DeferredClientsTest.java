package dev.smsjdbc.jdbc;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A connection's SDK clients (and with {@code demo=true} the emulator) are built on an I/O thread while the
 * first query is planned: the first query still answers as a later one does, and a connection closed before
 * the build is done leaves nothing behind.
 */
class DeferredClientsTest {
  private static final String URL = "jdbc:sms:demo=true";
  private static final String COUNT = "SELECT count(*) FROM replication_jobs";
  /** The demo data's 12 jobs. */
  private static final List<List<Object>> EXPECTED = List.of(List.of(12L));

  @Test void theFirstQueryOfANewConnectionAnswersAsALaterOneDoes() throws SQLException {
    try (Connection c = DriverManager.getConnection(URL)) {
      assertEquals(EXPECTED, SmsTestDatabase.rows(c, COUNT));
      assertEquals(EXPECTED, SmsTestDatabase.rows(c, COUNT));
    }
  }

  @Test void connectionsQueriedAtOnceFromManyThreadsAllAnswer() throws Exception {
    ExecutorService users = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<List<Object>>>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(users.submit(() -> {
          try (Connection c = DriverManager.getConnection(URL)) {
            return SmsTestDatabase.rows(c, COUNT);
          }
        }));
      }
      for (Future<List<List<Object>>> answer : answers) {
        assertEquals(EXPECTED, answer.get());
      }
    } finally {
      users.shutdownNow();
    }
  }

  @Test void connectionsClosedRightAfterConnectLeaveNoThreadOrSocket() throws Exception {
    PoolResources.Baseline baseline = PoolResources.baseline();
    for (int i = 0; i < 20; i++) {
      DriverManager.getConnection(URL).close();
    }
    baseline.assertRestored();
  }
}
