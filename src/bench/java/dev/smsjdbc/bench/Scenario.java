package dev.smsjdbc.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One query scenario: the statement, the fewest API calls it needs and its theoretical minimum (in dependent
 * steps of one latency each), the same work as an SDK loop, and its targets.
 *
 * @param callsWithoutPushdown the calls of the statement when every job is listed (pushdown off); -1: not
 *     checked
 */
record Scenario(String name, RemoteEmulator data, String sql, List<Object> params, int minCalls, int minSteps,
    Function<SdkLoops, Long> sdk, List<Target> targets, boolean pushdownOff, boolean newStatementToo,
    int callsWithoutPushdown) {

  static final int PAGE_SIZE = 50;
  static final int MAX_CONCURRENCY = 8;
  /** Its driver figures are compared with the CLI's. */
  static final String RUNS_SCAN = "runs full scan, 400 jobs x 25 runs";
  static final String IN_LIST = "IN of 10 ids";

  /** The scenarios, on 400 jobs with 25 runs each and on 10,000 jobs with 1 run each. */
  static List<Scenario> all(RemoteEmulator e400, RemoteEmulator e10k) {
    String id = e400.ids(1).get(0);
    List<String> ten = e400.ids(10);
    String inList = ten.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", "));
    int jobPages = pages(e400.jobs);
    int allRuns = jobPages + e400.jobs;
    int runSteps = 1 + ceilDiv(e400.jobs, MAX_CONCURRENCY);
    return List.of(
        new Scenario("point lookup by job id", e400,
            "SELECT * FROM replication_jobs WHERE replication_job_id = ?", List.of(id), 1, 1,
            s -> s.jobById(id), List.of(Targets.POINT_LOOKUP), true, false, jobPages),
        new Scenario(IN_LIST, e400,
            "SELECT * FROM replication_jobs WHERE replication_job_id IN (" + inList + ")", List.of(), 10,
            ceilDiv(10, MAX_CONCURRENCY), s -> s.jobsByIds(ten), List.of(), true, false, jobPages),
        new Scenario("LIMIT 10", e400, "SELECT * FROM replication_jobs LIMIT 10", List.of(), 1, 1,
            s -> s.firstJobs(10), List.of(), true, false, -1),
        new Scenario("jobs full scan, 400 jobs", e400, "SELECT * FROM replication_jobs", List.of(), jobPages,
            jobPages, SdkLoops::allJobs, List.of(Targets.JOBS_SCAN_400, Targets.JOBS_SCAN_400_SDK), false, true,
            -1),
        new Scenario("jobs full scan, 10,000 jobs", e10k, "SELECT * FROM replication_jobs", List.of(),
            pages(e10k.jobs), pages(e10k.jobs), SdkLoops::allJobs, List.of(Targets.JOBS_SCAN_10K), false, false,
            -1),
        new Scenario(RUNS_SCAN, e400, "SELECT * FROM replication_runs", List.of(), allRuns, runSteps,
            SdkLoops::allRuns, List.of(Targets.RUNS_SCAN), false, false, -1),
        new Scenario("runs of one job", e400, "SELECT * FROM replication_runs WHERE replication_job_id = ?",
            List.of(id), 1, 1, s -> s.runsOf(id), List.of(), true, false, allRuns),
        new Scenario("runs JOIN jobs, filtered by job id", e400,
            "SELECT r.replication_run_id, r.state, r.completed_time, j.vm_name, j.state AS job_state"
                + " FROM replication_runs r JOIN replication_jobs j"
                + " ON r.replication_job_id = j.replication_job_id WHERE j.replication_job_id = ?",
            List.of(id), 2, 1, s -> s.jobWithRuns(id), List.of(), true, false, allRuns + jobPages),
        new Scenario("GROUP BY over runs", e400,
            "SELECT state, count(*) AS runs FROM replication_runs GROUP BY state", List.of(), allRuns, runSteps,
            SdkLoops::runsPerState, List.of(), false, false, -1));
  }

  /** The theoretical minimum wall time at a per-call latency. */
  double minMs(long latency) {
    return minSteps * (double) latency;
  }

  PreparedStatement prepare(Connection c) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < params.size(); i++) {
      ps.setObject(i + 1, params.get(i));
    }
    return ps;
  }

  static int pages(int items) {
    return ceilDiv(items, PAGE_SIZE);
  }

  static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
