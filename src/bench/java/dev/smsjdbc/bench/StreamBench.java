package dev.smsjdbc.bench;

import static dev.smsjdbc.bench.Report.fmt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Streaming: every job through {@code SELECT *} in a fresh driver JVM under {@code -Xmx128m} ({@link StreamJobs}). */
final class StreamBench {
  private StreamBench() {}

  static void run(Report report, int jobs, Path work) throws Exception {
    report.section(fmt("Streaming %,d jobs under -Xmx128m", jobs));
    Target target = Targets.streaming(jobs);
    try (RemoteEmulator e = RemoteEmulator.start("stream", 4, jobs, 1, "4g", work)) {
      e.latency(0);
      e.reset();
      List<String> command = Startup.command(List.of("-Xmx128m"), StreamJobs.class.getName(), e.url());
      Process p = new ProcessBuilder(command).redirectError(work.resolve("stream.log").toFile()).start();
      String line;
      try (var reader = p.inputReader(StandardCharsets.UTF_8)) {
        line = reader.lines().filter(l -> l.startsWith("STREAM ")).findFirst().orElse(null);
      }
      boolean exited = p.waitFor(10, TimeUnit.MINUTES);
      RemoteEmulator.Calls calls = e.calls();
      if (!exited || p.exitValue() != 0 || line == null) {
        p.destroyForcibly();
        report.text("The driver JVM failed (exit " + (exited ? p.exitValue() : "timeout") + "), see "
            + work.resolve("stream.log") + ".\n");
        report.check(target, "-Xmx128m: the driver JVM failed", 0);
        return;
      }
      String[] w = line.split(" ");
      long rows = Long.parseLong(w[1]);
      report.text(fmt("""
          `SELECT * FROM replication_jobs` in a fresh driver JVM started with `-Xmx128m` (heap limit %s MB),
          every column of every row read; the emulator in its own JVM, 0 ms latency.

          """, w[6]));
      report.tableHeader("rrrrrrr", "rows", "calls / min", "wall ms", "rows/s", "peak heap MB (garbage included)",
          "max heap after a GC MB (live)", "GCs");
      report.row(fmt("%,d", rows), calls.total() + " / " + Scenario.pages(jobs), w[2],
          fmt("%,.0f", rows * 1000.0 / Math.max(1, Long.parseLong(w[2]))), w[3], w[4], w[5]);
      report.check(target, "-Xmx128m, 0 ms per call", rows);
    }
  }
}
