package dev.smsjdbc.bench;

import static dev.smsjdbc.bench.CdsArchive.plus;
import static dev.smsjdbc.bench.Report.fmt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** Start-up in fresh JVMs: JVM start to the first row, a user's first query, sqlline to its prompt. */
final class StartupBench {
  /** The launcher's (bin/sms-sql) JVM flags. */
  static final List<String> LAUNCHER_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
  static final String WARMUP_OFF = "-Dsmsjdbc.warmup=false";
  /** On explicitly: by default the driver warms up with 3 or more cores only. */
  static final String WARMUP_ON = "-Dsmsjdbc.warmup=true";
  private static final String BEFORE = "before: default JVM flags, no warm-up, no CDS";
  private static final String DEFAULT_WARMUP = "default JVM flags + warm-up";
  private static final String LAUNCHER_WARMUP = "launcher flags + warm-up";
  private static final String AFTER = "after: launcher flags + warm-up + CDS";
  private static final long PAUSE_MS = 1500;

  /** A configuration: a name and the JVM flags. */
  private record Config(String name, List<String> flags) {}

  /** The medians of one configuration's fresh JVMs. */
  private record Medians(double wallMs, double cpuMs, double mainCpuMs, double classes) {}

  private final Report report;
  private final int reps;

  StartupBench(Report report, int reps) {
    this.report = report;
    this.reps = reps;
  }

  void run(Optional<CdsArchive> cds) throws Exception {
    report.section("Start-up");
    report.text(fmt("""
        Fresh JVMs on the demo data (`jdbc:sms:demo=true`, the in-process emulator). **JVM → first row**: from
        starting the `java` process to the first row of `SELECT count(*) FROM replication_jobs` run right after
        connect. *launcher flags* are `bin/sms-sql`'s JVM flags, `%s`;
        *warm-up* is the driver's planner warm-up at connect (`%s`; by default on with 3 or more cores only);
        *CDS* is a dynamic class-data sharing archive of a sqlline session. Medians of %d JVMs each.

        The split: *to main* is the JVM's own start (from its start time to `main`), *connect* is
        `DriverManager.getConnection` (with `demo=true` that includes starting the emulator and building the
        SDK client), *query* is `executeQuery` to the first row. **CPU** is what the JVM had used by the first
        row, all threads (JIT compiler and GC included) and the main thread alone: the load-independent part of
        the cost. **classes** is the classes loaded by the first row.

        """, String.join(" ", LAUNCHER_FLAGS), WARMUP_ON, reps));
    report.tableHeader("lrrrrrrr", "configuration", "JVM → first row ms", "to main ms", "connect ms", "query ms",
        "CPU ms, all threads", "CPU ms, main thread", "classes");
    List<Config> configs = new ArrayList<>(List.of(
        new Config(BEFORE, List.of(WARMUP_OFF)),
        new Config(DEFAULT_WARMUP, List.of(WARMUP_ON)),
        new Config("launcher flags, no warm-up, no CDS (bin/sms-sql before)", plus(LAUNCHER_FLAGS, WARMUP_OFF)),
        new Config(LAUNCHER_WARMUP, plus(LAUNCHER_FLAGS, WARMUP_ON))));
    cds.ifPresent(c -> configs.addAll(List.of(
        new Config("default JVM flags + warm-up + CDS", plus(List.of(WARMUP_ON), c.flag())),
        new Config("launcher flags + CDS, no warm-up", plus(LAUNCHER_FLAGS, c.flag(), WARMUP_OFF)),
        new Config(AFTER, plus(LAUNCHER_FLAGS, c.flag(), WARMUP_ON)))));
    Map<String, Medians> medians = new LinkedHashMap<>();
    for (Config config : configs) {
      List<Startup.FirstRowSample> samples = new ArrayList<>();
      for (int i = 0; i < reps; i++) {
        samples.add(Startup.firstRow(config.flags(), Startup.DEMO_URL, Startup.COUNT_JOBS, 0));
      }
      Medians m = new Medians(median(samples, Startup.FirstRowSample::wallMs),
          median(samples, Startup.FirstRowSample::processCpuMs), median(samples, Startup.FirstRowSample::mainCpuMs),
          median(samples, Startup.FirstRowSample::classes));
      medians.put(config.name(), m);
      report.row(config.name(), fmt("%.0f", m.wallMs()), fmt("%.0f", median(samples, Startup.FirstRowSample::toMainMs)),
          fmt("%.0f", median(samples, Startup.FirstRowSample::connectMs)),
          fmt("%.0f", median(samples, Startup.FirstRowSample::queryMs)), fmt("%.0f", m.cpuMs()),
          fmt("%.0f", m.mainCpuMs()), fmt("%.0f", m.classes()));
    }
    Map.Entry<String, Medians> best = medians.entrySet().stream()
        .min(Map.Entry.comparingByValue((a, b) -> Double.compare(a.wallMs(), b.wallMs()))).orElseThrow();
    Medians b = best.getValue();
    if (!"met".equals(report.check(Targets.FIRST_ROW, best.getKey(), b.wallMs()))) {
      report.explainMiss(fmt("First row from JVM start is %.0f ms with %s, %.0f%% over the target (%.1f × faster"
          + " than %s). By the first row that JVM has used %.0f ms of CPU, %.0f ms of it on the main thread; the"
          + " rest (JIT compiler, GC, emulator and I/O threads, the warm-up) shares the other core, so 2 cores"
          + " cannot bring the wall time much under the main thread's CPU.", b.wallMs(), best.getKey(),
          (b.wallMs() / Targets.FIRST_ROW.threshold() - 1) * 100, medians.get(BEFORE).wallMs() / b.wallMs(), BEFORE,
          b.cpuMs(), b.mainCpuMs()));
    }
    firstQuery();
    sqlline(cds);
    cds.ifPresent(c -> report.text(fmt("""

        CDS archive: %s (%.1f MB), written in %.1f s by one sqlline session run with
        `-XX:ArchiveClassesAtExit=<file>`; used with `-XX:SharedArchiveFile=<file>`. JDK 17 requires the
        same JDK and the same class path (jars only) when it is used; a stale or mismatched archive is ignored
        with a warning (`-Xshare:auto`), never an error.
        """, Path.of("").toAbsolutePath().relativize(c.file()), c.bytes() / 1048576.0, c.seconds())));
    if (cds.isEmpty()) {
      report.text("\nCDS not measured: the class path holds directories (JDK 17 archives classes from jars only).\n");
    }
    StartupNotes.write(report, medians.get(DEFAULT_WARMUP).cpuMs(), medians.get(LAUNCHER_WARMUP).cpuMs(),
        medians.get(LAUNCHER_WARMUP).classes(), Optional.ofNullable(medians.get(AFTER)).map(Medians::cpuMs));
  }

  /** A user's first query: connect, think time, then the query. */
  private void firstQuery() throws Exception {
    report.text(fmt("""

        **A user's first query** (connect, %d ms of think time, then the query: the time from sending it to its
        first row), what the warm-up is for:

        """, PAUSE_MS));
    report.tableHeader("lr", "configuration", "first query ms");
    for (Config config : List.of(new Config("launcher flags, no warm-up", plus(LAUNCHER_FLAGS, WARMUP_OFF)),
        new Config(LAUNCHER_WARMUP, plus(LAUNCHER_FLAGS, WARMUP_ON)))) {
      List<Startup.FirstRowSample> samples = new ArrayList<>();
      for (int i = 0; i < reps; i++) {
        samples.add(Startup.firstRow(config.flags(), Startup.DEMO_URL, Startup.COUNT_JOBS, PAUSE_MS));
      }
      report.row(config.name(), fmt("%.0f", median(samples, Startup.FirstRowSample::queryMs)));
    }
  }

  private void sqlline(Optional<CdsArchive> cds) throws Exception {
    report.text("""

        **sqlline** (`sqlline.SqlLine -u jdbc:sms:demo=true`, as `bin/sms-sql` starts it): process start to the
        prompt, then the query typed at once and the time to its answer.

        """);
    report.tableHeader("lrrr", "configuration", "to prompt ms", "prompt → answer ms", "total ms");
    List<Config> configs = new ArrayList<>(List.of(
        new Config("before: launcher flags, no warm-up, no CDS", plus(LAUNCHER_FLAGS, WARMUP_OFF)),
        new Config(LAUNCHER_WARMUP, plus(LAUNCHER_FLAGS, WARMUP_ON))));
    cds.ifPresent(c -> configs.add(new Config(AFTER, plus(LAUNCHER_FLAGS, c.flag(), WARMUP_ON))));
    for (Config config : configs) {
      List<Startup.PromptSample> samples = new ArrayList<>();
      for (int i = 0; i < reps; i++) {
        samples.add(Startup.sqlline(config.flags(), List.of()));
      }
      report.row(config.name(), fmt("%.0f", median(samples, Startup.PromptSample::promptMs)),
          fmt("%.0f", median(samples, Startup.PromptSample::answerMs)),
          fmt("%.0f", median(samples, s -> s.promptMs() + s.answerMs())));
    }
  }

  private static <T> double median(List<T> samples, ToDoubleFunction<T> value) {
    return Measure.median(samples.stream().map(value::applyAsDouble).toList());
  }
}
