package dev.smsjdbc.jdbc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Takes Calcite's cold start off the user's first query: when the first connection of a JVM opens, a daemon
 * thread plans and runs queries of the real shape (class loading, metadata handlers generated and compiled
 * by Janino, code generation), about 1.5 s of work on 2 cores that the user's first query would otherwise
 * pay. Later first queries of a new shape then cost tens of milliseconds.
 *
 * <p>It makes no API call and touches no user connection: it opens its own connection (dummy static
 * credentials, an endpoint on loopback that nothing ever calls) and its queries name an empty job id,
 * which the tables answer with zero rows without calling the API ({@code SmsTable}). The thread ends when
 * the queries are done. {@code -Dsmsjdbc.warmup=false} turns it off, for measurements.
 */
final class PlannerWarmup {
  private static final Logger LOG = LoggerFactory.getLogger(PlannerWarmup.class);

  /** The shapes users start with: a count, a join of runs and jobs with an aggregate and a sort. */
  static final List<String> QUERIES = List.of(
      "SELECT count(*) FROM replication_jobs WHERE replication_job_id = ''",
      "SELECT j.state, r.state, count(*), max(r.completed_time) FROM replication_runs r"
          + " JOIN replication_jobs j ON r.replication_job_id = j.replication_job_id"
          + " WHERE j.replication_job_id = '' GROUP BY j.state, r.state ORDER BY 3 DESC");

  private static final String URL = SmsDriver.PREFIX + "region=us-east-1;endpoint=http://127.0.0.1:9"
      + ";accessKeyId=AKIASMSJDBCWARMUP000;secretAccessKey=warm-up/never/sent";

  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private PlannerWarmup() {}

  /** Starts the warm-up, once per JVM; returns at once. */
  static void start() {
    if ("false".equals(System.getProperty("smsjdbc.warmup")) || !STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread thread = new Thread(PlannerWarmup::run, "sms-jdbc-warmup");
    thread.setDaemon(true);
    thread.start();
  }

  private static void run() {
    long start = System.nanoTime();
    try (Connection connection = new SmsDriver().connect(URL, new Properties());
         Statement statement = connection.createStatement()) {
      for (String sql : QUERIES) {
        try (ResultSet rs = statement.executeQuery(sql)) {
          while (rs.next()) {
            // zero rows
          }
        }
      }
      LOG.debug("Planner warm-up done in {} ms", (System.nanoTime() - start) / 1_000_000);
    } catch (SQLException | RuntimeException e) {
      LOG.debug("Planner warm-up failed; the first query will be slower", e);
    }
  }
}
