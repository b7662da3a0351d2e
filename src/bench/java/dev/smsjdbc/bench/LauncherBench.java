package dev.smsjdbc.bench;

import static dev.smsjdbc.bench.Report.fmt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start-up side by side, in one run: {@code bin/sms-sql -e} as a whole process with JDK 25's AOT cache, JDK
 * 17's class-data archive and neither; and a plain JDBC client ({@code java -cp sms-jdbc-all.jar:client},
 * JDK 17, no flags) from JVM start to its first row. Configurations interleave, so that a change of load
 * hits them alike. {@code main} runs this section alone: {@code LauncherBench OUT.md [reps]}.
 */
final class LauncherBench {
  private static final String COMMAND = "select count(*) from replication_jobs";
  private static final long TIMEOUT_SECONDS = 300;

  private record Config(String name, Map<String, String> env) {}

  private final Report report;
  private final Path work;
  private final int reps;
  private final Path root = Path.of("").toAbsolutePath();

  LauncherBench(Report report, Path work, int reps) {
    this.report = report;
    this.work = work.toAbsolutePath();
    this.reps = reps;
  }

  public static void main(String[] args) throws Exception {
    Report report = new Report();
    new LauncherBench(report, Path.of("target", "bench"), args.length > 1 ? Integer.parseInt(args[1]) : 5).run();
    report.targets();
    report.write(Path.of(args[0]));
  }

  void run() throws Exception {
    String loadBefore = loadAverage();
    Path jdk17 = Jdks.find(17, 24).orElseThrow(() -> new IOException("no JDK 17-24 for the CDS figures"));
    Path jdk25 = Jdks.find(25, 99).orElse(null);
    Path cache = work.resolve("launcher-cache");
    Files.createDirectories(cache);
    List<Config> configs = new ArrayList<>();
    if (jdk25 != null) {
      configs.add(new Config("AOT cache, JDK " + Jdks.version(jdk25), env(jdk25, cache, true)));
    }
    configs.add(new Config("CDS archive, JDK " + Jdks.version(jdk17), env(jdk17, cache, true)));
    if (jdk25 != null) {
      configs.add(new Config("none, JDK " + Jdks.version(jdk25), env(jdk25, cache, false)));
    }
    configs.add(new Config("none, JDK " + Jdks.version(jdk17), env(jdk17, cache, false)));
    // Builds the driver jar if stale, records the caches (the AOT one in the background) and waits for them.
    for (Config c : configs) {
      launcher(c.env());
    }
    Path aotKey = jdk25 == null ? null : cache.resolve("sms-sql-jdk" + Jdks.major(jdk25) + ".aot.key");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (aotKey != null && !Files.exists(aotKey) && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    for (Config c : configs) {
      launcher(c.env());  // one start each with the caches in place, not counted
    }
    Path allJar = Files.list(root.resolve("target")).filter(p -> p.toString().endsWith("-all.jar")).findFirst()
        .orElseThrow(() -> new IOException("no target/*-all.jar"));
    Path client = work.resolve("sms-jdbc-bench.jar");
    Map<String, List<Double>> walls = new LinkedHashMap<>();
    List<Startup.FirstRowSample> plain = new ArrayList<>();
    for (int i = 0; i < reps; i++) {
      for (Config c : configs) {
        walls.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(launcher(c.env()));
      }
      plain.add(Startup.firstRow(jdk17.resolve("bin/java").toString(), List.of(),
          allJar + ":" + client, Startup.DEMO_URL, Startup.COUNT_JOBS, 0));
    }
    String loadAfter = loadAverage();

    report.section("Start-up side by side");
    report.text(fmt("""
        Measured in one run, interleaved, medians of %d; load average %s before and %s after (1, 5, 15 min).
        **`bin/sms-sql -e "%s"`**, the whole process (bash, the JVM, sqlline, connect with
        `jdbc:sms:demo=true`, the query, exit), by the launcher's start-up cache: JDK 25's AOT cache
        (recorded by a training run in the background after the first command), JDK 17's class-data archive
        (recorded at the first command's exit), and none (`SMS_SQL_CDS=0`).

        """, reps, loadBefore, loadAfter, COMMAND));
    report.tableHeader("lrrl", "configuration", "whole process ms", "goal", "");
    double best = Double.MAX_VALUE;
    String bestName = "";
    for (Map.Entry<String, List<Double>> e : walls.entrySet()) {
      double median = Measure.median(e.getValue());
      if (median < best) {
        best = median;
        bestName = e.getKey();
      }
      report.row(e.getKey(), fmt("%.0f", median), "≤ 1000", fmt("(%s)", e.getValue().stream()
          .map(v -> fmt("%.0f", v)).reduce((a, b) -> a + ", " + b).orElse("")));
    }
    report.check(Targets.LAUNCHER_E, bestName, best);
    double plainWall = Measure.median(plain.stream().map(Startup.FirstRowSample::wallMs).toList());
    report.text(fmt("""

        **A plain JDBC client**: `java -cp sms-jdbc-all.jar:client FirstRow` on JDK %s with no flags
        (no CDS, C2, G1; the driver's planner warm-up is off by default on %d cores), from starting the
        process to the first row of `%s` run right after connect.

        """, Jdks.version(jdk17), Runtime.getRuntime().availableProcessors(), Startup.COUNT_JOBS));
    report.tableHeader("lrrrrrrrr", "configuration", "JVM → first row ms", "goal", "to main ms", "connect ms",
        "query ms", "CPU ms, all threads", "CPU ms, main thread", "classes");
    report.row("plain client, JDK " + Jdks.version(jdk17), fmt("%.0f", plainWall), "≤ 1000",
        fmt("%.0f", median(plain, s -> s.toMainMs())), fmt("%.0f", median(plain, s -> s.connectMs())),
        fmt("%.0f", median(plain, s -> s.queryMs())), fmt("%.0f", median(plain, s -> s.processCpuMs())),
        fmt("%.0f", median(plain, s -> s.mainCpuMs())), fmt("%.0f", median(plain, s -> s.classes())));
    report.check(Targets.PLAIN_CLIENT, "JDK " + Jdks.version(jdk17) + ", no flags", plainWall);
  }

  private static double median(List<Startup.FirstRowSample> samples,
      java.util.function.ToDoubleFunction<Startup.FirstRowSample> f) {
    return Measure.median(samples.stream().map(f::applyAsDouble).toList());
  }

  private static String loadAverage() throws IOException {
    String[] w = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return w[0] + ", " + w[1] + ", " + w[2];
  }

  private static Map<String, String> env(Path jdk, Path cache, boolean caches) {
    return Map.of("JAVA", jdk.resolve("bin/java").toString(), "SMS_SQL_CACHE_DIR", cache.toString(),
        "SMS_SQL_CDS", caches ? "1" : "0");
  }

  /** One {@code bin/sms-sql -e} process: wall ms from start to exit; its answer must be the demo's 12 jobs. */
  private double launcher(Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("bin/sms-sql").toString(), "-e", COMMAND)
        .directory(root.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().putAll(env);
    pb.environment().remove("SMS_SQL_JAVA_OPTS");
    long t0 = System.nanoTime();
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("bin/sms-sql did not finish: " + env);
    }
    double wall = (System.nanoTime() - t0) / 1e6;
    String text = new String(out, StandardCharsets.UTF_8);
    if (p.exitValue() != 0 || !text.contains("\"12\"")) {
      throw new IOException("bin/sms-sql failed (" + p.exitValue() + ", " + env + "): " + text);
    }
    return wall;
  }
}
