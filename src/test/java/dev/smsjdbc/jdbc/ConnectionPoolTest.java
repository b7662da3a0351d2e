package dev.smsjdbc.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import org.apache.commons.dbcp2.BasicDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HikariCP and Commons DBCP2, configured as applications configure them, in front of the driver: 16 threads
 * borrow a connection per unit of work, a mix of point lookups, scans and a join; every answer equals the
 * single-threaded one, and closing the pool gives back its threads, sockets and heap.
 */
class ConnectionPoolTest {
  static final int THREADS = 16;
  static final int STATEMENTS_PER_THREAD = 200;
  static final String LOOKUP = "SELECT replication_run_id, state, completed_time FROM replication_runs "
      + "WHERE replication_job_id = ? ORDER BY replication_run_id";
  static final String SCAN = "SELECT replication_job_id, vm_name, state, seed_replication_time "
      + "FROM replication_jobs ORDER BY replication_job_id";
  /** One job's runs beside its job: the join pushes the key to both sides (two calls). */
  static final String JOIN = "SELECT j.vm_name, r.state, COUNT(*) FROM replication_runs r "
      + "JOIN replication_jobs j ON j.replication_job_id = r.replication_job_id "
      + "WHERE j.replication_job_id = '%s' GROUP BY j.vm_name, r.state ORDER BY 2";

  private static SmsTestDatabase db;
  private static List<String> jobIds;
  /** The single-threaded answers, by statement text; for the lookup by job id. */
  private static final Map<String, List<List<Object>>> expected = new HashMap<>();
  private static PoolResources.Baseline baseline;

  @BeforeAll static void start() throws Exception {
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(23).jobs(12).runsPerJob(4)
        .servers(2).connectors(1).apps(1)), 50);
    jobIds = db.emulator.data().replicationJobs().stream().map(j -> j.get("replicationJobId").asText()).toList();
    try (Connection c = db.connect()) {
      expected.put(SCAN, SmsTestDatabase.rows(c, SCAN));
      for (String id : jobIds) {
        expected.put(id, SmsTestDatabase.rows(c, LOOKUP, id));
        expected.put(JOIN.formatted(id), SmsTestDatabase.rows(c, JOIN.formatted(id)));
      }
    }
    baseline = PoolResources.baseline();
  }

  @AfterAll static void stop() {
    db.close();
  }

  @Test void hikariWithDefaultsAnswersSixteenThreadsAndClosesClean() throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.url());
    config.setPoolName("sms-hikari");
    try (HikariDataSource pool = new HikariDataSource(config)) {
      runWorkload(pool, "HikariCP defaults");
      assertEquals(0, pool.getHikariPoolMXBean().getActiveConnections());
      assertTrue(pool.getHikariPoolMXBean().getTotalConnections() <= config.getMaximumPoolSize());
    }
    baseline.assertRestored();
  }

  /** Spring's setting: the pool rolls back every connection it takes back that is not in auto-commit. */
  @Test void hikariWithoutAutoCommitAnswersSixteenThreadsAndClosesClean() throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.url());
    config.setPoolName("sms-hikari-tx");
    config.setAutoCommit(false);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      runWorkload(pool, "HikariCP autoCommit=false");
      assertEquals(0, pool.getHikariPoolMXBean().getActiveConnections());
    }
    baseline.assertRestored();
  }

  @Test void dbcp2WithDefaultsAnswersSixteenThreadsAndClosesClean() throws Exception {
    BasicDataSource pool = new BasicDataSource();
    pool.setUrl(db.url());
    try {
      runWorkload(pool, "DBCP2 defaults");
      assertEquals(0, pool.getNumActive());
      assertTrue(pool.getNumIdle() <= pool.getMaxIdle());
    } finally {
      pool.close();
    }
    assertEquals(0, pool.getNumIdle());
    baseline.assertRestored();
  }

  /** Runs the statements on {@link #THREADS} threads; each checks its answers against the reference. */
  private static void runWorkload(DataSource pool, String name) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    DriverThreadPeak peak = new DriverThreadPeak();
    long start = System.nanoTime();
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(threads.submit(() -> {
          int statements = 0;
          for (int unit = thread * STATEMENTS_PER_THREAD; statements < STATEMENTS_PER_THREAD; unit++) {
            statements += runUnit(pool, unit);
          }
          return statements;
        }));
      }
      int statements = 0;
      for (Future<Integer> f : done) {
        statements += f.get();
      }
      assertEquals(THREADS * STATEMENTS_PER_THREAD, statements);
    } finally {
      threads.shutdownNow();
      peak.close();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%s: %d threads x %d statements in %.1f s: %.0f statements/s; at most %d driver threads%n",
        name, THREADS, STATEMENTS_PER_THREAD, seconds, THREADS * STATEMENTS_PER_THREAD / seconds, peak.max());
  }

  /**
   * Unit of work n, as an application's request does it on a borrowed connection: three point lookups through
   * one PreparedStatement, then a scan (even n) or a join (odd n); returns the statements run.
   */
  private static int runUnit(DataSource pool, int n) throws SQLException {
    try (Connection c = pool.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement(LOOKUP)) {
        for (int i = 0; i < 3; i++) {
          String id = jobIds.get((3 * n + i) % jobIds.size());
          ps.setString(1, id);
          try (ResultSet rs = ps.executeQuery()) {
            assertEquals(expected.get(id), SmsTestDatabase.rows(rs), id);
          }
        }
      }
      String other = n % 2 == 0 ? SCAN : JOIN.formatted(jobIds.get(n % jobIds.size()));
      assertEquals(expected.get(other), SmsTestDatabase.rows(c, other), other);
    }
    return 4;
  }

  /** Samples how many driver threads ({@code sms-jdbc-*}) are alive while the workload runs. */
  private static final class DriverThreadPeak implements AutoCloseable {
    private final java.util.concurrent.ScheduledExecutorService sampler =
        Executors.newSingleThreadScheduledExecutor();
    private final java.util.concurrent.atomic.AtomicLong max = new java.util.concurrent.atomic.AtomicLong();

    DriverThreadPeak() {
      sampler.scheduleAtFixedRate(() -> max.accumulateAndGet(Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().startsWith("sms-jdbc")).count(), Math::max), 0, 20,
          java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    long max() {
      return max.get();
    }

    @Override public void close() {
      sampler.shutdownNow();
    }
  }
}
