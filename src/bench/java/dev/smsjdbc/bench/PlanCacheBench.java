package dev.smsjdbc.bench;

import static dev.smsjdbc.bench.Report.fmt;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.runtime.Hook;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Planned vs cached (issue 16, item 3): the CPU of one {@code Statement.executeQuery} of a point lookup whose
 * text the connection planned before, against the same with the plan cache bypassed (planned every time, as
 * before the cache), beside the SDK's own CPU for the one call; then 16 threads on a HikariCP pool, cache on
 * and off in the same run. The plan cache is bypassed the way the driver itself does when a Calcite
 * {@link Hook#PLANNER} handler changes the planner's rules: the handler here sets an exclusion filter that
 * matches no rule, so the plans are the same. The emulator runs in its own JVM, at 0 ms per call (CPU-bound).
 * {@code java -cp ... PlanCacheBench} prints the section alone.
 */
public final class PlanCacheBench {
  private static final int THREADS = 16;
  private static final int EXECUTIONS = 200;
  private static final long POOL_SECONDS = 15;
  private static final Pattern NO_RULE = Pattern.compile("(?!)");
  private static final Consumer<RelOptPlanner> BYPASS = p -> p.setRuleDescExclusionFilter(NO_RULE);
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  /** CPU and wall time per execution, in ms. */
  private record PerExecution(double cpuMs, double wallMs) {}

  /** Statements per second and the median and 95th percentile of their times, in ms. */
  private record Throughput(double perSecond, double p50, double p95, long statements) {}

  private PlanCacheBench() {}

  public static void main(String[] args) throws Exception {
    Report report = new Report();
    run(report, Path.of("target", "bench"));
    report.targets();
  }

  static void run(Report report, Path work) throws Exception {
    java.nio.file.Files.createDirectories(work);
    report.section("Repeated statements: planned vs cached");
    try (RemoteEmulator e = RemoteEmulator.start("plans", 6, 400, 25, "1g", work);
         Connection c = DriverManager.getConnection(e.url());
         SdkLoops sdk = new SdkLoops(e.endpoint(), Scenario.MAX_CONCURRENCY)) {
      List<String> ids = e.ids(10);
      String sql = "SELECT * FROM replication_jobs WHERE replication_job_id = '" + ids.get(0) + "'";
      PerExecution cached;
      PerExecution planned;
      PerExecution again;
      PerExecution sdkCall;
      Measure.Body statement = () -> {
        try (Statement st = c.createStatement()) {
          return Measure.drain(st.executeQuery(sql));
        }
      };
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT * FROM replication_jobs WHERE replication_job_id = ?")) {
        ps.setString(1, ids.get(0));
        Measure.Body prepared = () -> Measure.drain(ps.executeQuery());
        for (int i = 0; i < 3 * EXECUTIONS; i++) { // untimed, all paths: the JIT
          statement.run();
          prepared.run();
          sdk.jobById(ids.get(0));
          if (i % 8 == 0) {
            planned(statement);
          }
        }
        cached = perExecution(EXECUTIONS, statement);
        planned = perExecution(EXECUTIONS / 4, () -> planned(statement));
        again = perExecution(EXECUTIONS, prepared);
        sdkCall = perExecution(EXECUTIONS, () -> sdk.jobById(ids.get(0)));
      }
      report.text(fmt("A point lookup by job id as `Statement.executeQuery` of the same text, a new `Statement`"
          + " each time, every column read; emulator in its own JVM at 0 ms per call. **CPU** is the calling"
          + " thread's and the driver's I/O threads' (`ThreadMXBean`: no JIT, GC or emulator), per execution"
          + " after warm-up; *above the API call* subtracts the SDK's own CPU for the same call (an SDK client"
          + " making it on the calling thread). Load average now: %s.%n%n", Bench.loadAverage()));
      report.tableHeader("lrrrl", "execution", "CPU ms", "above the API call ms", "wall ms", "target");
      report.row("the SDK's call alone", fmt("%.2f", sdkCall.cpuMs()), "—", fmt("%.2f", sdkCall.wallMs()), "");
      report.row("planned every time (plan cache bypassed, as before it)", fmt("%.2f", planned.cpuMs()),
          fmt("%.2f", planned.cpuMs() - sdkCall.cpuMs()), fmt("%.2f", planned.wallMs()), "");
      report.row("**cached**: the same text again", fmt("%.2f", cached.cpuMs()),
          fmt("%.2f", cached.cpuMs() - sdkCall.cpuMs()), fmt("%.2f", cached.wallMs()),
          report.check(Targets.CACHED_CPU, "0 ms per call", cached.cpuMs() - sdkCall.cpuMs()));
      report.row("a PreparedStatement executed again (reference)", fmt("%.2f", again.cpuMs()),
          fmt("%.2f", again.cpuMs() - sdkCall.cpuMs()), fmt("%.2f", again.wallMs()), "");
      report.text(fmt("%nCached against planned: %.1f × less CPU per statement.%n", planned.cpuMs() / cached.cpuMs()));
      pool(report, e, ids);
    }
  }

  private static void pool(Report report, RemoteEmulator e, List<String> ids) throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(e.url());
    try (HikariDataSource pool = new HikariDataSource(config)) {
      unitsFor(pool, ids, 5); // untimed: connections opened, both paths warm
      try (Hook.Closeable ignored = Hook.PLANNER.add(BYPASS)) {
        unitsFor(pool, ids, 3);
      }
      Throughput on1 = unitsFor(pool, ids, POOL_SECONDS / 3);
      Throughput off;
      try (Hook.Closeable ignored = Hook.PLANNER.add(BYPASS)) {
        off = unitsFor(pool, ids, POOL_SECONDS / 3 * 2);
      }
      Throughput on2 = unitsFor(pool, ids, POOL_SECONDS / 3);
      Throughput on = new Throughput((on1.perSecond() + on2.perSecond()) / 2, (on1.p50() + on2.p50()) / 2,
          (on1.p95() + on2.p95()) / 2, on1.statements() + on2.statements());
      report.text(fmt("%n%d threads on a HikariCP pool (its defaults: 10 connections), each unit of work a"
          + " borrowed connection: three point lookups through one `PreparedStatement` (ids from a set of 10),"
          + " then a `Statement` with `LIMIT 10`; 0 ms per call, so the cores are the limit. Cache on for"
          + " %d s, off for %d s, on again for %d s, one after the other (on: the mean of both). Load"
          + " average now: %s.%n%n", THREADS, POOL_SECONDS / 3, POOL_SECONDS / 3 * 2, POOL_SECONDS / 3,
          Bench.loadAverage()));
      report.tableHeader("lrrrrl", "plan cache", "statements", "statements / s", "p50 ms", "p95 ms", "target");
      report.row("off (planned every time)", off.statements(), fmt("%.0f", off.perSecond()), fmt("%.1f", off.p50()),
          fmt("%.1f", off.p95()), "");
      report.row("**on**", on.statements(), fmt("%.0f", on.perSecond()), fmt("%.1f", on.p50()),
          fmt("%.1f", on.p95()), report.check(Targets.POOLED_SPEEDUP, THREADS + " threads, 0 ms per call",
              on.perSecond() / off.perSecond()));
      report.text(fmt("%nOn against off: %.1f × the statements per second, p50 %.1f × shorter.%n",
          on.perSecond() / off.perSecond(), off.p50() / on.p50()));
    }
  }

  /** One execution with the plan cache bypassed on this thread. */
  private static long planned(Measure.Body statement) throws Exception {
    try (Hook.Closeable ignored = Hook.PLANNER.addThread(BYPASS)) {
      return statement.run();
    }
  }

  private static PerExecution perExecution(int n, Measure.Body body) throws Exception {
    for (int i = 0; i < n; i++) {
      body.run();
    }
    List<Double> cpu = new ArrayList<>();
    List<Double> wall = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      long c0 = OverheadBench.callerAndIoCpu();
      long w0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        body.run();
      }
      cpu.add((OverheadBench.callerAndIoCpu() - c0) / 1e6 / n);
      wall.add((System.nanoTime() - w0) / 1e6 / n);
    }
    return new PerExecution(Measure.median(cpu), Measure.median(wall));
  }

  /** {@value #THREADS} threads doing units of work for {@code seconds}. */
  private static Throughput unitsFor(HikariDataSource pool, List<String> ids, long seconds) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Future<List<Double>>> futures = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int t = 0; t < THREADS; t++) {
      int first = t;
      futures.add(threads.submit(() -> {
        List<Double> times = new ArrayList<>();
        for (int unit = first; System.nanoTime() < end; unit++) {
          try (Connection c = pool.getConnection()) {
            long s = System.nanoTime(); // a prepared statement's first execution includes its preparation
            try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM replication_jobs WHERE replication_job_id = ?")) {
              for (int i = 0; i < 3; i++) {
                ps.setString(1, ids.get((unit + i) % ids.size()));
                Measure.drain(ps.executeQuery());
                long now = System.nanoTime();
                times.add((now - s) / 1e6);
                s = now;
              }
            }
            s = System.nanoTime();
            try (Statement st = c.createStatement()) {
              Measure.drain(st.executeQuery("SELECT replication_job_id, state FROM replication_jobs LIMIT 10"));
            }
            times.add((System.nanoTime() - s) / 1e6);
          }
        }
        return times;
      }));
    }
    List<Double> all = new ArrayList<>();
    for (Future<List<Double>> f : futures) {
      all.addAll(f.get());
    }
    double elapsed = (System.nanoTime() - t0) / 1e9;
    threads.shutdown();
    Collections.sort(all);
    return new Throughput(all.size() / elapsed, all.get(all.size() / 2), all.get((int) (all.size() * 0.95)),
        all.size());
  }
}
