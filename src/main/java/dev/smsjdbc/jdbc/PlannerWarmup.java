package dev.smsjdbc.jdbc;

import dev.smsjdbc.aws.ApiSession;
import org.apache.calcite.avatica.Handler;
import org.apache.calcite.jdbc.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sms.SmsClient;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Takes Calcite's cold start off the user's first query: when the first connection of a JVM opens, a daemon
 * thread plans and runs queries of the real shape (class loading, metadata handlers generated and compiled
 * by Janino, code generation), about a second of CPU that the user's first query would otherwise pay. It
 * runs on the second core while the connection is being set up and during the user's think time (the SDK
 * clients, and with {@code demo=true} the emulator, are built on an I/O thread then too); later first queries of a new shape cost tens of
 * milliseconds.
 *
 * <p>It makes no API call and touches no user connection: its connection is its own, with the driver's
 * planner and tables over an SDK client that cannot call anything (nothing to build, nothing to reach), and
 * its queries name an empty job id, which the tables answer with zero rows without a call
 * ({@code SmsTable}). The thread ends when the queries are done.
 *
 * <p>On by default with 3 or more cores. On 2 it competes with the connect and with a query sent at once
 * (as a program sends it): measured on 2 cores with the JVM's default flags, the first row came 0.44 s later
 * with it, for 1.1 s more CPU; it pays only when a person thinks before the first query, so
 * {@code bin/sms-sql} turns it on at its prompt. {@code -Dsmsjdbc.warmup=true|false} decides either way.
 */
final class PlannerWarmup {
  private static final Logger LOG = LoggerFactory.getLogger(PlannerWarmup.class);

  /** The shapes users start with: a count, a join of runs and jobs with an aggregate and a sort. */
  static final List<String> QUERIES = List.of(
      "SELECT count(*) FROM replication_jobs WHERE replication_job_id = ''",
      "SELECT j.state, r.state, count(*), max(r.completed_time) FROM replication_runs r"
          + " JOIN replication_jobs j ON r.replication_job_id = j.replication_job_id"
          + " WHERE j.replication_job_id = '' GROUP BY j.state, r.state ORDER BY 3 DESC");

  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private PlannerWarmup() {}

  /** Starts the warm-up, once per JVM; returns at once. */
  static void start() {
    if (!enabled(System.getProperty("smsjdbc.warmup"), Runtime.getRuntime().availableProcessors())
        || !STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread thread = new Thread(PlannerWarmup::run, "sms-jdbc-warmup");
    thread.setDaemon(true);
    thread.start();
  }

  /** Whether to warm up: as {@code smsjdbc.warmup} says, else with 3 or more cores. */
  static boolean enabled(String setting, int cores) {
    return setting == null || setting.isBlank() ? cores >= 3 : Boolean.parseBoolean(setting.trim());
  }

  private static void run() {
    long start = System.nanoTime();
    Properties info = new Properties();
    // As SmsDriver.connect sets them, so that the plans have the shapes of real ones.
    SmsConnectionConfig.CALCITE_SETTINGS.forEach(info::setProperty);
    info.setProperty("timeZone", "UTC");
    // A budget of 0 API calls, too: a call would fail before it is made.
    try (ApiSession session = new ApiSession(new ApiSession.Settings(50, 1, false, 0, Duration.ZERO),
             "planner-warm-up", Map.of("us-east-1", offlineClient()));
         Connection connection = new OfflineDriver(session).connect(OfflineDriver.PREFIX, info);
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

  /** An SMS client that fails every call: the warm-up never calls, and building a real one costs time. */
  private static SmsClient offlineClient() {
    return (SmsClient) Proxy.newProxyInstance(SmsClient.class.getClassLoader(), new Class<?>[] {SmsClient.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "close" -> null;
          case "serviceName" -> SmsClient.SERVICE_NAME;
          case "toString" -> "SmsClient (planner warm-up, makes no call)";
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> throw new UnsupportedOperationException("the planner warm-up makes no API call");
        });
  }

  /** Calcite with the driver's planner ({@link SmsPrepare}) and the {@code sms} tables over one session. */
  private static final class OfflineDriver extends Driver {
    static final String PREFIX = "jdbc:sms-warmup:";
    private final ApiSession session;

    OfflineDriver(ApiSession session) {
      super(SmsPrepare::new);
      this.session = session;
    }

    @Override protected String getConnectStringPrefix() {
      return PREFIX;
    }

    @Override protected Handler createHandler() {
      return new SmsHandler(super.createHandler(), connection -> session);
    }
  }
}
