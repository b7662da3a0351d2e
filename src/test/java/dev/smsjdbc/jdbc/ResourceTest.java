package dev.smsjdbc.jdbc;

import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Closing frees threads and sockets; many threads at once get correct answers. */
class ResourceTest {
  private static SmsTestDatabase db;

  @BeforeAll static void start() {
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(17).jobs(40).runsPerJob(6)
        .servers(2).connectors(1).apps(1)), 10);
  }

  @AfterAll static void stop() {
    db.close();
  }

  @Test void twoHundredConnectionsClosedMidQueryLeakNoThreadsOrSockets() throws Exception {
    runAndAbandonQueries(5);
    long socketsBefore = openSockets();
    for (int i = 0; i < 200; i++) {
      Connection c = db.connect();
      Statement s = c.createStatement();
      // Runs of all jobs: job pages and run loads are in flight when the connection closes.
      ResultSet rs = s.executeQuery("SELECT * FROM replication_runs");
      rs.next();
      if (i % 3 == 0) {
        rs.close();
      } else if (i % 3 == 1) {
        s.close();
      }
      c.close();
    }
    assertTrue(waitUntil(() -> driverThreads() == 0), "driver threads left: " + driverThreads());
    long socketsAfter = openSockets();
    // Idle keep-alive connections are pooled by the JDK (a few per host) and closed after 5 s; a leak
    // (e.g. a socket abandoned by an interrupted call, freed only by the garbage collector) would leave
    // sockets behind per connection.
    assertTrue(socketsAfter <= socketsBefore + 20, "sockets before " + socketsBefore + ", after " + socketsAfter);
  }

  @Test void closingAResultSetMidwayStopsItsCalls() throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      db.emulator.resetCounters();
      try (ResultSet rs = s.executeQuery("SELECT * FROM replication_jobs")) {
        rs.next();
      }
      Thread.sleep(300);
      int calls = db.emulator.requestCount();
      Thread.sleep(300);
      assertEquals(calls, db.emulator.requestCount());
      assertTrue(calls <= 2, "the first page and at most one prefetched page: " + calls);
    }
  }

  @Test void sixteenThreadsOnSharedAndSeparateConnectionsGetCorrectAnswers() throws Exception {
    List<String> ids = db.emulator.data().replicationJobs().stream()
        .map(j -> j.get("replicationJobId").asText()).toList();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try (Connection shared = db.connect()) {
      List<Future<?>> results = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          Connection own = thread % 2 == 0 ? shared : db.connect();
          try (PreparedStatement ps = own.prepareStatement(
              "SELECT replication_job_id, count(*) FROM replication_runs WHERE replication_job_id = ? "
                  + "GROUP BY replication_job_id")) {
            for (int i = 0; i < 10; i++) {
              String id = ids.get((thread * 7 + i) % ids.size());
              ps.setString(1, id);
              try (ResultSet rs = ps.executeQuery()) {
                assertEquals(List.of(List.of(id, 6L)), SmsTestDatabase.rows(rs));
              }
            }
            try (Statement s = own.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM replication_jobs")) {
              assertEquals(List.of(List.of(40L)), SmsTestDatabase.rows(rs));
            }
          } finally {
            if (own != shared) {
              own.close();
            }
          }
          return null;
        }));
      }
      for (Future<?> f : results) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void runAndAbandonQueries(int n) throws Exception {
    for (int i = 0; i < n; i++) {
      try (Connection c = db.connect(); Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SELECT * FROM replication_runs")) {
        rs.next();
      }
    }
    waitUntil(() -> driverThreads() == 0);
  }

  private static long driverThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("sms-jdbc-io")).count();
  }

  /** Sockets this process holds open (Linux). */
  private static long openSockets() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.filter(fd -> {
        try {
          return Files.readSymbolicLink(fd).toString().startsWith("socket:");
        } catch (IOException e) {
          return false;
        }
      }).count();
    }
  }

  private static boolean waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
      Thread.sleep(50);
    }
    return condition.getAsBoolean();
  }
}
