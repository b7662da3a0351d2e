package dev.smsjdbc.bench;

import static dev.smsjdbc.bench.Report.fmt;

import software.amazon.awssdk.services.sms.SmsClient;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-call overhead (issue 16, item 4): a jobs full scan and a warm point lookup at 40 ms per call, the
 * driver beside the SDK paginator loop ({@link SdkLoops}) and the theoretical minimum, measured interleaved
 * in one run; then where the time of one call goes, each part measured alone ({@link CallParts}). The
 * emulator runs in its own JVM with a page cap of 25 (400 jobs: 16 dependent pages).
 * {@code java -cp ... OverheadBench} prints the section alone.
 */
public final class OverheadBench {
  static final int JOBS = 400;
  static final int PAGE_CAP = 25;
  static final long LATENCY = 40;
  private static final int PAGES = (JOBS + PAGE_CAP - 1) / PAGE_CAP;
  private static final int ROUNDS = 9;

  private OverheadBench() {}

  public static void main(String[] args) throws Exception {
    Report report = new Report();
    run(report, Path.of("target", "bench"));
    report.targets();
  }

  static void run(Report report, Path work) throws Exception {
    java.nio.file.Files.createDirectories(work);
    report.section("Per-call overhead: driver vs SDK loop vs minimum");
    String id;
    byte[] page;
    double[] scan = new double[2];
    double[] lookup = new double[2];
    double driverCpuPerPage;
    double sdkCpuPerPage;
    double emulatorCpuPerCall;
    double pageWall;
    int scanCalls;
    int lookupCalls;
    try (RemoteEmulator e = RemoteEmulator.start("overhead", 5, JOBS, 1, PAGE_CAP, "1g", work);
         Connection c = DriverManager.getConnection(e.url());
         SdkLoops sdk = new SdkLoops(e.endpoint(), Scenario.MAX_CONCURRENCY);
         PreparedStatement scanPs = c.prepareStatement("SELECT * FROM replication_jobs");
         PreparedStatement lookupPs = c.prepareStatement(
             "SELECT * FROM replication_jobs WHERE replication_job_id = ?")) {
      id = e.ids(1).get(0);
      lookupPs.setString(1, id);
      Measure.Body driverScan = () -> Measure.drain(scanPs.executeQuery());
      Measure.Body driverLookup = () -> Measure.drain(lookupPs.executeQuery());
      for (int i = 0; i < 150; i++) { // untimed at 0 ms: the JIT (C2), on both sides
        driverScan.run();
        sdk.allJobs();
        driverLookup.run();
        sdk.jobById(id);
      }
      // CPU per page at 0 ms, driver and SDK loop alternating: medians of 3 rounds of 10 scans; the emulator's.
      List<Double> driverCpu = new ArrayList<>();
      List<Double> sdkCpu = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        driverCpu.add(cpuPerPage(driverScan, 10));
        sdkCpu.add(cpuPerPage(sdk::allJobs, 10));
      }
      driverCpuPerPage = Measure.median(driverCpu);
      sdkCpuPerPage = Measure.median(sdkCpu);
      long e0 = e.cpuNanos();
      e.reset();
      for (int i = 0; i < 20; i++) {
        sdk.allJobs();
      }
      emulatorCpuPerCall = (e.cpuNanos() - e0) / 1e6 / e.calls().total();
      page = record(e.endpoint());
      List<Double> pageWalls = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        pageWalls.add(wall(() -> sdk.firstJobs(PAGE_CAP)));
      }
      pageWall = Measure.median(pageWalls);
      e.latency(LATENCY);
      List<List<Double>> times = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
          new ArrayList<>());
      for (int round = 0; round < ROUNDS; round++) { // interleaved: both sides see the same load
        times.get(0).add(wall(driverScan));
        times.get(1).add(wall(sdk::allJobs));
        for (int i = 0; i < 3; i++) {
          times.get(2).add(wall(driverLookup));
          times.get(3).add(wall(() -> sdk.jobById(id)));
        }
      }
      scan = new double[] {Measure.median(times.get(0)), Measure.median(times.get(1))};
      lookup = new double[] {Measure.median(times.get(2)), Measure.median(times.get(3))};
      e.reset();
      driverScan.run();
      scanCalls = e.calls().total();
      e.reset();
      driverLookup.run();
      lookupCalls = e.calls().total();
    }
    double min = PAGES * (double) LATENCY;
    report.text(fmt("Emulator in its own JVM, %d jobs, page cap %d (%d dependent pages), %d ms per call; the"
        + " driver (a warm PreparedStatement, every column read) and the SDK paginator loop (same pages, same"
        + " fields read) alternate, %d rounds, medians. Load average now: %s.%n%n", JOBS, PAGE_CAP, PAGES,
        LATENCY, ROUNDS, Bench.loadAverage()));
    report.tableHeader("lrrrrrrrl", "query", "calls", "min ms", "SDK loop ms", "SDK / min", "driver ms",
        "driver / min", "driver / SDK", "target");
    report.row("jobs full scan", scanCalls + " / " + PAGES, fmt("%.0f", min), fmt("%.0f", scan[1]),
        fmt("%.2f", scan[1] / min), fmt("%.0f", scan[0]), fmt("%.2f", scan[0] / min), fmt("%.2f", scan[0] / scan[1]),
        report.check(Targets.OVERHEAD_SCAN, LATENCY + " ms per call, page cap " + PAGE_CAP, scan[0] / min));
    report.row("warm point lookup", lookupCalls + " / 1", fmt("%d", LATENCY), fmt("%.1f", lookup[1]),
        fmt("%.2f", lookup[1] / LATENCY), fmt("%.1f", lookup[0]), fmt("%.2f", lookup[0] / LATENCY),
        fmt("%.2f", lookup[0] / lookup[1]),
        report.check(Targets.OVERHEAD_LOOKUP, LATENCY + " ms per call", lookup[0] / LATENCY));
    if (scan[0] / min > Targets.OVERHEAD_SCAN.threshold()) {
      report.explainMiss(fmt("jobs full scan, %d pages at %d ms: %.0f ms against the minimum %.0f ms; the SDK"
          + " loop making the same calls needs %.2f × the minimum, the driver %.2f × the SDK loop (see *Per-call"
          + " overhead* for the parts of one call).", PAGES, LATENCY, scan[0], min, scan[1] / min,
          scan[0] / scan[1]));
    }
    parts(report, page, scan, lookup, min, driverCpuPerPage, sdkCpuPerPage, emulatorCpuPerCall, pageWall);
  }

  private static void parts(Report report, byte[] page, double[] scan, double[] lookup, double min,
      double driverCpuPerPage, double sdkCpuPerPage, double emulatorCpuPerCall, double pageWall)
      throws Exception {
    URI endpoint = URI.create("http://127.0.0.1:1");
    byte[] empty = "{\"replicationJobList\":[]}".getBytes(StandardCharsets.UTF_8);
    int n = 2000;
    CallParts.PerCall driverSdk;
    CallParts.PerCall emptyPage;
    CallParts.PerCall sdkSigner;
    CallParts.PerCall unbounded;
    try (SmsClient full = CallParts.driverLike(new CallParts.Canned(page), CallParts.demoKeys(), true, true, endpoint);
         SmsClient none = CallParts.driverLike(new CallParts.Canned(empty), CallParts.demoKeys(), true, true, endpoint);
         SmsClient sdkSigns = CallParts.driverLike(new CallParts.Canned(page), CallParts.demoKeys(), false, true,
             endpoint);
         SmsClient direct = CallParts.driverLike(new CallParts.Canned(page), CallParts.demoKeys(), true, false,
             endpoint)) {
      driverSdk = CallParts.time(n, CallParts.jobsPage(full, PAGE_CAP));
      emptyPage = CallParts.time(n, CallParts.jobsPage(none, PAGE_CAP));
      sdkSigner = CallParts.time(n, CallParts.jobsPage(sdkSigns, PAGE_CAP));
      unbounded = CallParts.time(n, CallParts.jobsPage(direct, PAGE_CAP));
    }
    CallParts.PerCall signing = CallParts.signing(true, n);
    CallParts.PerCall sdkSigning = CallParts.signing(false, n);
    CallParts.PerCall http = CallParts.loopback(page, 500);
    CallParts.PerCall handOff = CallParts.handOff(n);
    double overshoot = CallParts.sleepOvershoot(LATENCY, 25);
    double sdkPerPage = (scan[1] - min) / PAGES;
    double driverPerPage = (scan[0] - min) / PAGES;
    double sum = overshoot + emulatorCpuPerCall + http.wallMs() + driverSdk.cpuMs();
    report.text(fmt("%nWhere the time of one page goes (%d jobs, %d bytes of JSON), each part measured alone:"
        + " **CPU** is the measuring thread's CPU time (load-independent), **wall** a median under this run's"
        + " load.%n%n", PAGE_CAP, page.length));
    report.tableHeader("lrrl", "part of one call", "CPU ms", "wall ms", "how");
    report.row("**one page call at 0 ms, SDK loop**", "—", fmt("%.2f", pageWall),
        "GetReplicationJobs of " + PAGE_CAP + " jobs against the emulator, median of 200: all the parts below"
            + " but the latency");
    report.row("injected latency", "—", fmt("%d", LATENCY), "the emulator's `Thread.sleep` before it answers");
    report.row("sleep overshoot", "—", fmt("%.2f", overshoot), "`Thread.sleep(40)` here, median of 25, beyond 40 ms");
    report.row("emulator (its JVM)", fmt("%.2f", emulatorCpuPerCall), "—", "its process CPU per call at 0 ms:"
        + " SigV4 check, paging, JSON writing, HTTP server");
    report.row("HTTP on loopback", fmt("%.2f", http.cpuMs()), fmt("%.2f", http.wallMs()),
        "`UrlConnectionHttpClient` POST to a JDK `HttpServer` in this JVM answering the page's bytes");
    report.row("SDK in memory, the driver's client", fmt("%.2f", driverSdk.cpuMs()), fmt("%.2f", driverSdk.wallMs()),
        "marshal, sign, interceptors, parse; a transport that answers the recorded page from memory");
    report.row("· of which parsing " + PAGE_CAP + " jobs", fmt("%.2f", driverSdk.cpuMs() - emptyPage.cpuMs()), "—",
        "the same with an empty page, subtracted");
    report.row("· of which SigV4 signing (driver's signer)", fmt("%.3f", signing.cpuMs()), "—",
        "`QuietSigV4Signer.sign` alone; the SDK's `AwsV4HttpSigner`: " + fmt("%.3f", sdkSigning.cpuMs()) + " ms");
    report.row("· of which the driver's bounded HTTP client", fmt("%.3f", driverSdk.cpuMs() - unbounded.cpuMs()),
        "—", "`BoundedHttpClient` (reads the answer into memory) against the bare transport");
    report.row("SDK in memory, the SDK's own signer", fmt("%.2f", sdkSigner.cpuMs()), "—", "for comparison");
    report.row("thread hand-off", fmt("%.3f", handOff.cpuMs()), fmt("%.3f", handOff.wallMs()),
        "submit to a pool thread and wait for it: twice per page in a driver scan (I/O thread and back)");
    report.row("driver scan, CPU per page", fmt("%.2f", driverCpuPerPage), "—", "calling thread + I/O threads"
        + " (`ThreadMXBean`) at 0 ms: the call as above, the driver's bookkeeping (budget, call log), JobRow,"
        + " Calcite's enumerable code, `getObject` of every column");
    report.row("SDK loop, CPU per page", fmt("%.2f", sdkCpuPerPage), "—", "the same for the SDK loop (its calls"
        + " on the calling thread); the driver's extra: " + fmt("%.2f", driverCpuPerPage - sdkCpuPerPage)
        + " ms, most of it off the critical path");
    report.text(fmt("%nPer page at %d ms: the SDK loop takes %.2f ms beyond the latency, the driver %.2f ms;"
        + " the parts on one call's path (overshoot, emulator CPU, loopback HTTP, SDK in memory) add up to"
        + " %.2f ms; the rest is waiting for a core (load average %s). The driver already pipelines pages"
        + " (`PagedEnumerator`): the next page is requested once half of the current one is read, and a"
        + " listing cannot have more than one page in flight, since each request needs the previous page's"
        + " `nextToken`. Its extra on the critical path is two thread hand-offs and reading half a page; the"
        + " rest of the page is read while the next call is in flight. A warm point lookup: driver %.1f ms,"
        + " SDK %.1f ms, one call %d ms.%n", LATENCY, sdkPerPage, driverPerPage, sum, Bench.loadAverage(),
        lookup[0], lookup[1], LATENCY));
  }

  /**
   * CPU per page of {@code body}'s scans: the calling thread's and the driver's I/O threads' (the SDK loop
   * makes its calls on the calling thread), from {@link ThreadMXBean}; no JIT or GC threads.
   */
  private static double cpuPerPage(Measure.Body body, int scans) throws Exception {
    long c0 = callerAndIoCpu();
    for (int i = 0; i < scans; i++) {
      body.run();
    }
    return (callerAndIoCpu() - c0) / 1e6 / scans / PAGES;
  }

  /** CPU time of this thread and of every live {@code sms-jdbc-io-*} thread, in nanoseconds. */
  static long callerAndIoCpu() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sum = threads.getCurrentThreadCpuTime();
    for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (t != null && t.getThreadName().startsWith("sms-jdbc-io-")) {
        sum += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
      }
    }
    return sum;
  }

  private static double wall(Measure.Body body) throws Exception {
    long t0 = System.nanoTime();
    body.run();
    return (System.nanoTime() - t0) / 1e6;
  }

  /** The bytes of a real first page of {@value #PAGE_CAP} jobs, as the emulator sends it. */
  private static byte[] record(String endpoint) {
    CallParts.Recording recording = new CallParts.Recording();
    try (SmsClient client = CallParts.driverLike(recording, CallParts.demoKeys(), true, false, URI.create(endpoint))) {
      client.getReplicationJobs(b -> b.maxResults(PAGE_CAP));
    }
    return recording.last;
  }
}
