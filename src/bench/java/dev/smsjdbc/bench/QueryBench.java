package dev.smsjdbc.bench;

import static dev.smsjdbc.bench.Report.fmt;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * API calls and wall time of typical queries against the theoretical minimum, beside baseline (a), the
 * same calls made with the SDK ({@link SdkLoops}), and baseline (b), the same statement with pushdown off
 * ({@link PushdownOff}). The driver runs in this JVM, the emulators in child JVMs.
 */
final class QueryBench {
  /** A scenario at a latency. */
  private record Key(String scenario, long latency) {}

  /** The driver's own rows (warm statements, pushdown on). */
  private final Map<Key, Measure> driver = new HashMap<>();
  private final Map<Key, Measure> off = new HashMap<>();
  private final List<Long> latencies = new ArrayList<>();
  private final List<String> pushdownOffChecks = new ArrayList<>();
  private final Report report;

  QueryBench(Report report) {
    this.report = report;
  }

  /** The driver's figure for a scenario at a latency, if it ran. */
  Measure driver(String scenario, long latency) {
    return driver.get(new Key(scenario, latency));
  }

  void run(List<Long> latencies, Path work) throws Exception {
    if (latencies.isEmpty()) {
      return;
    }
    try (RemoteEmulator e400 = RemoteEmulator.start("400x25", 1, 400, 25, "1g", work);
         RemoteEmulator e10k = RemoteEmulator.start("10000x1", 2, 10_000, 1, "2g", work);
         Connection c400 = DriverManager.getConnection(e400.url());
         Connection c10k = DriverManager.getConnection(e10k.url());
         SdkLoops sdk400 = new SdkLoops(e400.endpoint(), Scenario.MAX_CONCURRENCY);
         SdkLoops sdk10k = new SdkLoops(e10k.endpoint(), Scenario.MAX_CONCURRENCY)) {
      List<Scenario> scenarios = Scenario.all(e400, e10k);
      // Untimed, once: the SDK's and the driver's first calls, the plans, the JIT.
      for (Scenario s : scenarios) {
        if (s.data() == e400) {
          s.sdk().apply(sdk400);
          try (PreparedStatement ps = s.prepare(c400)) {
            Measure.drain(ps.executeQuery());
          }
        }
      }
      sdk10k.firstJobs(1);
      try (Statement s = c10k.createStatement()) {
        Measure.drain(s.executeQuery("SELECT * FROM replication_jobs LIMIT 1"));
      }
      for (long latency : latencies) {
        this.latencies.add(latency);
        e400.latency(latency);
        e10k.latency(latency);
        report.section("Queries at " + latency + " ms per API call");
        report.tableHeader("lrrrrrrrrl", "scenario", "rows", "calls / min", "wall ms", "min ms", "wall / min",
            "SDK loop ms", "wall / SDK", "heap Δ MB", "target");
        for (Scenario s : scenarios) {
          scenario(s, latency, s.data() == e400 ? c400 : c10k, s.data() == e400 ? sdk400 : sdk10k);
        }
      }
    }
    notes();
  }

  private void scenario(Scenario s, long latency, Connection c, SdkLoops sdk) throws Exception {
    Measure sdkMeasure = Measure.of(s.data(), () -> s.sdk().apply(sdk));
    Measure warm;
    try (PreparedStatement ps = s.prepare(c)) {
      warm = Measure.of(s.data(), () -> Measure.drain(ps.executeQuery()));
    }
    driver.put(new Key(s.name(), latency), warm);
    row(s.newStatementToo() ? s.name() + ", warm statement" : s.name(), s, latency, warm, sdkMeasure, checks(s, latency,
        warm, sdkMeasure));
    if (s.newStatementToo()) {
      Measure fresh = Measure.of(s.data(), () -> {
        try (Statement st = c.createStatement()) {
          return Measure.drain(st.executeQuery(s.sql()));
        }
      });
      row(s.name() + ", new Statement, same text", s, latency, fresh, sdkMeasure, "");
    }
    if (s.pushdownOff()) {
      Measure m;
      try (PreparedStatement ps = PushdownOff.prepare(s, c)) {
        m = Measure.of(s.data(), () -> Measure.drain(ps.executeQuery()));
      }
      off.put(new Key(s.name(), latency), m);
      row(s.name() + ", *pushdown off*", s, latency, m, null, "");
      if (s.callsWithoutPushdown() >= 0) {
        pushdownOffChecks.add(fmt("%s at %d ms: %d calls with pushdown off, %d to list everything it reads: %s",
            s.name(), latency, m.calls().total(), s.callsWithoutPushdown(),
            m.calls().total() == s.callsWithoutPushdown() ? "pushdown was off" : "**the switch did not work**"));
      }
    }
  }

  /** The scenario's targets checked against the warm statement's figures; the table cell. */
  private String checks(Scenario s, long latency, Measure m, Measure sdk) {
    List<String> cells = new ArrayList<>();
    String where = latency + " ms per call";
    for (Target t : s.targets()) {
      switch (t.metric()) {
        case API_CALLS -> cells.add(report.check(t, where, m.calls().total()));
        case RATIO_TO_SDK -> cells.add(report.check(t, where, m.wallMs() / sdk.wallMs()));
        case RATIO_TO_MINIMUM -> {
          if (latency > 0) {
            double min = s.minMs(latency);
            double ratio = m.wallMs() / min;
            cells.add(report.check(t, where, ratio));
            if (!t.comparison().holds(ratio, t.threshold())) {
              double sdkRatio = sdk.wallMs() / min;
              report.explainMiss(fmt("%s at %d ms: %.0f ms against the minimum %.0f ms, %.1f ms per dependent"
                  + " step beyond the injected latency; the SDK loop making the same calls needs %.2f × the"
                  + " minimum, so %s.", s.name(), latency, m.wallMs(), min, (m.wallMs() - min) / s.minSteps(),
                  sdkRatio, sdkRatio > t.threshold() ? "the per-call cost of signing, HTTP and parsing on this"
                      + " machine alone exceeds the allowance" : "the driver adds the difference"));
            }
          }
        }
        default -> throw new IllegalStateException("not a query metric: " + t);
      }
    }
    return String.join("; ", cells);
  }

  private void row(String name, Scenario s, long latency, Measure m, Measure sdk, String target) {
    double min = s.minMs(latency);
    report.row(name, m.rows(), m.calls().total() + " / " + s.minCalls(), fmt("%.0f", m.wallMs()),
        fmt("%.0f", min), latency == 0 ? "—" : fmt("%.2f", m.wallMs() / min),
        sdk == null ? "—" : fmt("%.0f", sdk.wallMs()), sdk == null ? "—" : fmt("%.2f", m.wallMs() / sdk.wallMs()),
        fmt("%.1f", m.heapMb()), target);
  }

  private void notes() {
    report.text("\nPushdown off (`PushdownOff`: Calcite's `Hook.PLANNER` sets the planner's rule exclusion filter"
        + " to `" + PushdownOff.RULES.pattern() + "`), checked by its calls:\n\n");
    pushdownOffChecks.forEach(c -> report.text("- " + c + "\n"));
    report.text("""

        How the driver gets close to the limits:

        - **Pushdown** (`SmsRules`): a key (`=`, `IN`, `OR`, `?`) becomes one call per distinct id, up to
          `maxConcurrency` at a time; it crosses a join on the job id; `LIMIT n` becomes `maxResults = n` and
          no further page. Without it (*pushdown off*) every query lists every job, and the runs of every job.
        - **Paging** (`PagedEnumerator`): the next page is requested while the current one is read, so a full
          scan costs `pages × (latency + per-call work)`; the per-call work (signing, HTTP, the service's own
          processing, parsing) is the SDK's and the service's, and the *SDK loop* column shows how much of it
          there is without the driver. Only the page being read and the one being fetched are in memory.
        - **Fan-out** (`FanOutEnumerator`): runs of many jobs load `maxConcurrency` at a time, in job order,
          while the job pages that feed them are fetched ahead.
        - The emulator sets TCP_NODELAY on its sockets: without it, a small response (headers, then body) waits
          for the client's delayed ACK on Linux, which no AWS endpoint does.
        - A join filtered by job id makes its 2 calls one after the other (2 × latency, not 1): Calcite's hash
          join reads its build side to the end before it opens the other side. No target; the SDK loop does the
          same.
        - At 0 ms latency the driver, the SDK loop and the emulator share the cores, so scans are CPU-bound;
          the driver does more per row than the SDK loop (JDBC values of every column, timestamps converted).
        """);
    for (long latency : latencies) {
      Measure on = driver.get(new Key(Scenario.IN_LIST, latency));
      Measure m = off.get(new Key(Scenario.IN_LIST, latency));
      if (latency > 0 && on != null && m != null) {
        report.text(fmt("- `IN` of 10 ids with pushdown off makes %d calls (the job pages) against %d lookups"
            + " with it, and takes %.1f × as long at %d ms: the pages are sequential, the lookups concurrent.\n",
            m.calls().total(), on.calls().total(), m.wallMs() / on.wallMs(), latency));
      }
    }
  }
}
