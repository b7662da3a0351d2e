package dev.smsjdbc.bench;

import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import dev.smsjdbc.emulator.SmsEmulator;
import dev.smsjdbc.jdbc.ArchiveExport;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * How fast saved history is ready to query, and what it holds in memory: exports JOBS jobs with RUNS runs
 * each from an in-process emulator (AWS CLI v2 format, one file per job), then times connecting with
 * {@code archive=} (reading and merging every file) and counting the runs, and measures the heap the
 * connection keeps. Usage: {@code ArchiveLoad [JOBS [RUNS]]}, default 10,000 and 30; run with -Xmx4g or so.
 */
public final class ArchiveLoad {
  private ArchiveLoad() {}

  public static void main(String[] args) throws Exception {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    Path dir = Files.createTempDirectory("sms-archive-bench").resolve("export");
    EmulatorData data = EmulatorData.generate(DataSpec.seed(1).jobs(jobs).runsPerJob(runs).servers(jobs)
        .connectors(3).apps(5));
    long t0 = System.nanoTime();
    try (SmsEmulator emulator = SmsEmulator.builder().data(data).start()) {
      System.out.println(ArchiveExport.export(dir, "jdbc:sms:demo=false;region=us-east-1;endpoint="
          + emulator.endpoint() + ";accessKeyId=" + SmsEmulator.DEMO_ACCESS_KEY_ID + ";secretAccessKey="
          + SmsEmulator.DEMO_SECRET_ACCESS_KEY, new PrintStream(OutputStream.nullOutputStream()), false));
    }
    System.out.printf("export: %.1f s, %d MB on disk%n", (System.nanoTime() - t0) / 1e9, size(dir) >> 20);
    data = null;
    try (Connection warm = DriverManager.getConnection("jdbc:sms:demo=true")) {
      count(warm); // load the driver's and Calcite's classes first: they are not the archive's cost
    }
    long before = usedHeap();
    for (int rep = 1; rep <= 3; rep++) {
      Files.setLastModifiedTime(dir.resolve("us-east-1/list-apps.json"),
          java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + rep)); // not the cached copy
      long start = System.nanoTime();
      long cpu0 = cpu();
      try (Connection c = DriverManager.getConnection("jdbc:sms:archive=" + dir)) {
        long connected = System.nanoTime();
        long cpu1 = cpu();
        long n = count(c);
        long counted = System.nanoTime();
        long cpu2 = cpu();
        count(c);
        long again = System.nanoTime();
        long heap = usedHeap() - before;
        System.out.printf("rep %d: connect (read %d files) %.2f s wall, %.2f s CPU; first COUNT(*) of %d runs "
            + "%.2f s wall, %.2f s CPU; second %.2f s; heap held %d MB (%.0f MB per 100,000 runs)%n", rep,
            jobs + 4, (connected - start) / 1e9, (cpu1 - cpu0) / 1e9, n, (counted - connected) / 1e9,
            (cpu2 - cpu1) / 1e9, (again - counted) / 1e9, heap >> 20, (heap / 1e6) * 100_000 / n);
      }
    }
    System.out.printf("load average during the run: %.1f on %d cores%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
  }

  private static long count(Connection c) throws Exception {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM replication_runs")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** CPU time of the whole process (all threads, the collector's too), in nanoseconds. */
  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long usedHeap() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  private static long size(Path dir) throws Exception {
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }
}
