package dev.smsjdbc.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The benchmark's command line; {@code bin/bench --help} describes it. */
record Options(List<Long> latencies, List<Long> cliLatencies, int cliJobs, int streamJobs, int startupReps,
    Path out, Path work) {

  static Options parse(String[] args) {
    List<Long> latencies = List.of(0L, 40L);
    List<Long> cliLatencies = List.of(40L);
    int cliJobs = 40;
    int streamJobs = 100_000;
    int startupReps = 3;
    Path out = Path.of("BENCHMARKS.md");
    Path work = Path.of("target", "bench");
    for (int i = 0; i < args.length; i += 2) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--latencies" -> latencies = longs(value);
        case "--cli-latencies" -> cliLatencies = longs(value);
        case "--cli-jobs" -> cliJobs = Integer.parseInt(value);
        case "--stream-jobs" -> streamJobs = Integer.parseInt(value);
        case "--startup-reps" -> startupReps = Integer.parseInt(value);
        case "--out" -> out = Path.of(value);
        case "--work" -> work = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + args[i] + " (see bin/bench --help)");
      }
    }
    return new Options(latencies, cliLatencies, cliJobs, streamJobs, startupReps, out, work);
  }

  private static List<Long> longs(String csv) {
    return csv.isBlank() ? List.of()
        : Arrays.stream(csv.split(",")).map(String::trim).map(Long::parseLong).toList();
  }
}
