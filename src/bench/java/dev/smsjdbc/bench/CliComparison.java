package dev.smsjdbc.bench;

import static dev.smsjdbc.bench.Report.fmt;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Baseline (c): all runs of all jobs, the driver against the AWS CLI + jq ({@link CliBaseline}). */
final class CliComparison {
  static final String SQL = "SELECT r.*, j.vm_name, j.state AS job_state FROM replication_runs r"
      + " JOIN replication_jobs j ON r.replication_job_id = j.replication_job_id";
  private static final int RUNS_PER_JOB = 25;

  private CliComparison() {}

  /**
   * @param queries the query scenarios' figures, for the extrapolation to 400 jobs
   * @param cds the archive the fresh driver JVMs use, if there is one
   */
  static void run(Report report, Options options, QueryBench queries, Optional<CdsArchive> cds) throws Exception {
    report.section("All runs of all jobs: driver vs. AWS CLI + jq (baseline c)");
    if (!CliBaseline.available()) {
      report.text("Skipped: `/usr/bin/aws` (Debian's awscli 2.x) or `/usr/bin/jq` is missing.\n");
      return;
    }
    Path work = options.work();
    report.text("Data: " + options.cliJobs() + " jobs × " + RUNS_PER_JOB + " runs. The CLI script (`"
        + work.resolve("cli/all-runs-cli.sh") + "`) lists the jobs, calls `get-replication-runs` once per job"
        + " (one CLI process per call) and joins each run with its job in jq. The driver runs `SELECT r.*,"
        + " j.vm_name, j.state FROM replication_runs r JOIN replication_jobs j ON ...` (it lists the jobs"
        + " twice: for the runs, and for the join's job side), as a prepared statement in a running JVM and"
        + " in a fresh JVM (`FirstRow`, launcher flags, warm-up, CDS if built: what `sms-sql -e` costs).\n\n");
    report.tableHeader("rrrrrrrrrr", "latency", "CLI + jq ms", "CLI calls", "CLI rows", "driver ms (warm)",
        "driver calls", "driver rows", "CLI / driver", "driver ms (fresh JVM)", "CLI / fresh JVM");
    double cliPerCallMs = 0;
    long cliLatency = 0;
    try (RemoteEmulator e = RemoteEmulator.start("cli", 3, options.cliJobs(), RUNS_PER_JOB, "1g", work);
         Connection c = DriverManager.getConnection(e.url())) {
      for (long latency : options.cliLatencies()) {
        e.latency(latency);
        e.reset();
        CliBaseline.Result cli = CliBaseline.run(e.endpoint(), work.resolve("cli"));
        RemoteEmulator.Calls cliCalls = e.calls();
        Measure driver;
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
          driver = Measure.of(e, () -> Measure.drain(ps.executeQuery()));
        }
        List<Double> fresh = new ArrayList<>();
        for (int i = 0; i < Math.max(1, options.startupReps()); i++) {
          fresh.add(Startup.firstRow(CdsArchive.plus(StartupBench.LAUNCHER_FLAGS, cds), e.url(),
              "SELECT count(*) FROM (" + SQL + ")", 0).wallMs());
        }
        double freshMs = Measure.median(fresh);
        double ratio = cli.wallMs() / driver.wallMs();
        cliPerCallMs = cli.wallMs() / cliCalls.total();
        cliLatency = latency;
        report.row(latency + " ms", fmt("%.0f", cli.wallMs()), cliCalls.total(), cli.rows(),
            fmt("%.0f", driver.wallMs()), driver.calls().total(), driver.rows(), fmt("%.0f×", ratio),
            fmt("%.0f", freshMs), fmt("%.1f×", cli.wallMs() / freshMs));
        if (!"met".equals(report.check(Targets.CLI, fmt("%d jobs, %d ms per call", options.cliJobs(), latency),
            ratio))) {
          report.explainMiss(fmt("The CLI comparison at %d ms is %.0f ×: the CLI costs %.0f ms per call on this"
              + " machine.", latency, ratio, cliPerCallMs));
        }
      }
    }
    double extrapolated = cliPerCallMs * (400 + 1);
    Measure driver400 = queries.driver(Scenario.RUNS_SCAN, cliLatency);
    report.text(fmt("%nThe CLI's cost grows with one process per job: at 400 jobs it would make 401 CLI calls,"
        + " about %.0f s at the per-call cost measured here (%.0f ms; extrapolated, not run: it would take most"
        + " of the benchmark's time budget)", extrapolated / 1000, cliPerCallMs));
    report.text(driver400 == null ? ".\n" : fmt(", against %.0f ms for the driver's runs full scan of 400 jobs at"
        + " %d ms above: about %.0f×.%n", driver400.wallMs(), cliLatency, extrapolated / driver400.wallMs()));
  }
}
