package dev.smsjdbc.bench;

import static dev.smsjdbc.bench.Target.Comparison.AT_LEAST;
import static dev.smsjdbc.bench.Target.Comparison.AT_MOST;
import static dev.smsjdbc.bench.Target.Comparison.EQUAL;
import static dev.smsjdbc.bench.Target.Metric.API_CALLS;
import static dev.smsjdbc.bench.Target.Metric.CPU_ABOVE_CALLS;
import static dev.smsjdbc.bench.Target.Metric.FIRST_ROW_MS;
import static dev.smsjdbc.bench.Target.Metric.RATIO_TO_MINIMUM;
import static dev.smsjdbc.bench.Target.Metric.RATIO_TO_SDK;
import static dev.smsjdbc.bench.Target.Metric.ROWS;
import static dev.smsjdbc.bench.Target.Metric.SPEEDUP_OF_CACHE;
import static dev.smsjdbc.bench.Target.Metric.SPEEDUP_OVER_CLI;

/** The driver's targets, all in one place. */
final class Targets {
  static final Target POINT_LOOKUP = new Target("point lookup by job id", API_CALLS, EQUAL, 1);
  static final Target JOBS_SCAN_400 = new Target("jobs full scan, 400 jobs", RATIO_TO_MINIMUM, AT_MOST, 1.1);
  static final Target JOBS_SCAN_400_SDK =
      new Target("jobs full scan, 400 jobs, warm statement", RATIO_TO_SDK, AT_MOST, 1.2);
  static final Target JOBS_SCAN_10K = new Target("jobs full scan, 10,000 jobs", RATIO_TO_MINIMUM, AT_MOST, 1.1);
  static final Target RUNS_SCAN = new Target("runs full scan, 400 jobs x 25 runs", RATIO_TO_MINIMUM, AT_MOST, 1.3);
  static final Target OVERHEAD_SCAN =
      new Target("jobs full scan, 400 jobs, 16 pages", RATIO_TO_MINIMUM, AT_MOST, 1.1);
  static final Target OVERHEAD_LOOKUP = new Target("warm point lookup", RATIO_TO_MINIMUM, AT_MOST, 1.25);
  static final Target CACHED_CPU =
      new Target("cached point lookup, Statement.executeQuery", CPU_ABOVE_CALLS, AT_MOST, 5);
  static final Target POOLED_SPEEDUP = new Target("pooled point lookups, plan cache", SPEEDUP_OF_CACHE, AT_LEAST, 4);
  static final Target CLI = new Target("all runs of all jobs, driver vs. AWS CLI + jq", SPEEDUP_OVER_CLI, AT_LEAST, 50);
  static final Target FIRST_ROW = new Target("first row from JVM start (best configuration)", FIRST_ROW_MS, AT_MOST,
      1000);
  static final Target LAUNCHER_E = new Target("bin/sms-sql -e, whole process (best start-up cache)", FIRST_ROW_MS,
      AT_MOST, 1000);
  static final Target PLAIN_CLIENT = new Target("plain JDBC client, first row from JVM start", FIRST_ROW_MS, AT_MOST,
      1000);

  /** Every job streams through {@code SELECT *} under {@code -Xmx128m}. */
  static Target streaming(int jobs) {
    return new Target(String.format(java.util.Locale.ROOT, "%,d jobs through SELECT * under -Xmx128m", jobs), ROWS,
        AT_LEAST, jobs);
  }

  private Targets() {}
}
