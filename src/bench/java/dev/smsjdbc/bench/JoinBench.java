package dev.smsjdbc.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import dev.smsjdbc.emulator.SmsEmulator;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.runtime.Hook;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The joins whose keys the driver binds at run time ({@code KeyBindingJoin}): API calls against the fewest the
 * query needs, and wall time against the theoretical minimum (dependent calls in sequence, independent ones
 * {@code maxConcurrency} at a time, each call {@code latency} ms), beside the same statement without key
 * binding. {@link Bench} adds its table at 40 ms per call; {@code java -cp ... JoinBench [latencyMs]} prints it
 * alone. The emulator runs in this JVM (no heap figures here).
 */
public final class JoinBench {
  private static final int JOBS = 400;
  private static final int PAGE = 50;
  private static final int CONCURRENCY = 8;
  private static final Pattern NO_BINDING = Pattern.compile("SmsKeyBindingJoinRule");

  /** A query, the calls it needs at least, and the calls each step of the fastest schedule can start. */
  private record Shape(String name, String sql, int minCalls, int minSteps) {}

  private JoinBench() {}

  public static void main(String[] args) throws Exception {
    System.out.print(table(args.length > 0 ? Long.parseLong(args[0]) : 40));
  }

  /** The Markdown table of every shape at {@code latency} ms per call, for the report or standard output. */
  static String table(long latency) throws Exception {
    StringBuilder out = new StringBuilder();
    EmulatorData data = EmulatorData.generate(DataSpec.seed(7).jobs(JOBS).runsPerJob(25).servers(150)
        .connectors(3).apps(1));
    try (SmsEmulator emulator = SmsEmulator.builder().data(data).start();
         Connection c = DriverManager.getConnection("jdbc:sms:region=us-east-1;endpoint=" + emulator.endpoint()
             + ";accessKeyId=" + SmsEmulator.DEMO_ACCESS_KEY_ID + ";secretAccessKey="
             + SmsEmulator.DEMO_SECRET_ACCESS_KEY)) {
      List<Shape> shapes = shapes(data);
      for (Shape s : shapes) { // untimed: plans, JIT, first calls
        run(c, s.sql(), false);
        run(c, s.sql(), true);
      }
      emulator.faults().latency(Duration.ofMillis(latency));
      out.append(String.format(Locale.ROOT, "Joins at %d ms per call, %d jobs x 25 runs, 150 servers, pageSize %d,"
          + " maxConcurrency %d; medians of 3%n%n", latency, JOBS, PAGE, CONCURRENCY));
      out.append("| query | rows | calls / min | wall ms | min ms | wall / min"
          + " | without key binding: calls | wall ms |\n");
      out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
      for (Shape s : shapes) {
        long[] on = measure(emulator, c, s.sql(), false);
        long[] off = measure(emulator, c, s.sql(), true);
        double min = s.minSteps() * (double) latency;
        out.append(String.format(Locale.ROOT, "| %s | %d | %d / %d | %d | %.0f | %.2f | %d | %d |%n", s.name(),
            on[0], on[1], s.minCalls(), on[2], min, on[2] / min, off[1], off[2]));
      }
    }
    return out.toString();
  }

  private static List<Shape> shapes(EmulatorData data) {
    List<ObjectNode> jobs = data.replicationJobs();
    Predicate<ObjectNode> failed = j -> j.get("state").asText().equals("FAILED");
    List<Integer> failedPerPage = perPage(jobs, failed);
    int failedJobs = (int) jobs.stream().filter(failed).count();
    int jobPages = pages(jobs.size());
    int serverPages = pages(data.servers().size());
    List<ObjectNode> servers = data.servers().stream().filter(s -> s.hasNonNull("replicationJobId")).limit(3)
        .toList();
    String serverIds = quoted(servers.stream().map(s -> s.get("serverId").asText()).toList());
    List<String> five = jobs.stream().limit(5).map(j -> j.get("replicationJobId").asText()).toList();
    String join = " FROM replication_jobs j JOIN replication_runs r ON r.replication_job_id = j.replication_job_id";
    List<Shape> shapes = new ArrayList<>();
    shapes.add(new Shape("jobs JOIN runs WHERE j.state = 'FAILED'", "SELECT j.vm_name, r.*" + join
        + " WHERE j.state = 'FAILED'", jobPages + failedJobs, minSteps(jobPages, failedPerPage)));
    shapes.add(new Shape("runs WHERE job IN (SELECT ... FAILED)", "SELECT * FROM replication_runs WHERE"
        + " replication_job_id IN (SELECT replication_job_id FROM replication_jobs WHERE state = 'FAILED')",
        jobPages + failedJobs, minSteps(jobPages, failedPerPage)));
    shapes.add(new Shape("FAILED jobs with NOT EXISTS (a MISSED run)", "SELECT j.* FROM replication_jobs j"
        + " WHERE j.state = 'FAILED' AND NOT EXISTS (SELECT 1 FROM replication_runs r WHERE"
        + " r.replication_job_id = j.replication_job_id AND r.state = 'MISSED')", jobPages + failedJobs,
        minSteps(jobPages, failedPerPage)));
    shapes.add(new Shape("jobs LEFT JOIN runs WHERE j.state = 'FAILED'", "SELECT j.vm_name, r.*"
        + join.replace(" JOIN ", " LEFT JOIN ") + " WHERE j.state = 'FAILED'", jobPages + failedJobs,
        minSteps(jobPages, failedPerPage)));
    shapes.add(new Shape("servers JOIN jobs, 3 servers", "SELECT s.vm_name, j.* FROM servers s JOIN"
        + " replication_jobs j ON j.replication_job_id = s.replication_job_id WHERE s.server_id IN ("
        + serverIds + ")", serverPages + 3, minSteps(serverPages, pad(serverPages, 3))));
    shapes.add(new Shape("servers JOIN jobs JOIN runs, 3 servers", "SELECT s.vm_name, r.* FROM servers s JOIN"
        + " replication_jobs j ON j.replication_job_id = s.replication_job_id JOIN replication_runs r"
        + " ON r.replication_job_id = j.replication_job_id WHERE s.server_id IN (" + serverIds + ")",
        serverPages + 6, minSteps(serverPages, pad(serverPages, 3)) + 1));
    shapes.add(new Shape("VALUES (5 job ids) JOIN runs", "SELECT v.id, r.* FROM (VALUES " + five.stream()
        .map(id -> "('" + id + "')").collect(Collectors.joining(", ")) + ") AS v(id) JOIN replication_runs r"
        + " ON r.replication_job_id = v.id", 5, minSteps(0, List.of(5))));
    shapes.add(new Shape("jobs JOIN runs, no filter", "SELECT j.vm_name, r.*" + join, jobPages + jobs.size(),
        minSteps(jobPages, perPage(jobs, j -> true))));
    return shapes;
  }

  /** {@code calls} that can start once {@code pages} dependent pages have arrived. */
  private static List<Integer> pad(int pages, int calls) {
    List<Integer> ready = new ArrayList<>(Collections.nCopies(pages, 0));
    ready.add(calls);
    return ready;
  }

  /** The calls needed per page of jobs, each possible from the step after its page. */
  private static List<Integer> perPage(List<ObjectNode> jobs, Predicate<ObjectNode> wanted) {
    List<Integer> ready = new ArrayList<>(List.of(0));
    for (int p = 0; p < pages(jobs.size()); p++) {
      ready.add((int) jobs.subList(p * PAGE, Math.min(jobs.size(), (p + 1) * PAGE)).stream().filter(wanted).count());
    }
    return ready;
  }

  /**
   * Steps of the fastest schedule: {@code pages} dependent pages, one a step; {@code ready.get(s - 1)} calls
   * become possible at step s, and each step runs up to {@code maxConcurrency} of those waiting.
   */
  static int minSteps(int pages, List<Integer> ready) {
    int waiting = 0;
    int last = pages;
    for (int s = 1; s <= ready.size() || waiting > 0; s++) {
      if (s <= ready.size()) {
        waiting += ready.get(s - 1);
      }
      if (waiting > 0) {
        waiting -= Math.min(CONCURRENCY, waiting);
        last = Math.max(last, s);
      }
    }
    return Math.max(1, last);
  }

  private static long[] measure(SmsEmulator emulator, Connection c, String sql, boolean off) throws Exception {
    List<long[]> runs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      emulator.resetCounters();
      long t0 = System.nanoTime();
      long rows = run(c, sql, off);
      runs.add(new long[] {rows, emulator.requestCount(), (System.nanoTime() - t0) / 1_000_000});
    }
    runs.sort((a, b) -> Long.compare(a[2], b[2]));
    return runs.get(1);
  }

  private static long run(Connection c, String sql, boolean off) throws SQLException {
    try (Hook.Closeable ignored = off ? Hook.PLANNER.addThread((RelOptPlanner p) -> p.setRuleDescExclusionFilter(
        NO_BINDING)) : Hook.Closeable.EMPTY;
         PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      return Measure.drain(rs);
    }
  }

  private static int pages(int items) {
    return (items + PAGE - 1) / PAGE;
  }

  private static String quoted(Collection<String> values) {
    return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
  }
}
