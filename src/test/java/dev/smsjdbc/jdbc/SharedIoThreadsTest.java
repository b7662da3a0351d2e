package dev.smsjdbc.jdbc;

import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The driver's I/O threads are one bounded pool per JVM: named, daemon, shared by all connections, each
 * connection kept to its own concurrency, and gone soon after the last connection closes.
 */
class SharedIoThreadsTest {
  private static final int JOBS = 24;
  private static SmsTestDatabase db;

  @BeforeAll static void start() {
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(23).jobs(JOBS).runsPerJob(2)), 10);
  }

  @AfterAll static void stop() {
    db.close();
  }

  @AfterEach void clearFaults() {
    db.emulator.faults().clear();
  }

  @Test void tenBusyConnectionsHoldAtMostTwiceTheirConcurrencyInThreads() throws Exception {
    db.emulator.faults().latency(Duration.ofMillis(20));
    int maxThreads = busy(10, 1, "maxConcurrency=8");
    System.out.println("SharedIoThreadsTest: 10 busy connections (maxConcurrency=8) held at most " + maxThreads
        + " sms-jdbc-io threads");
    // 8 run loads plus 1 page fetch per connection, twice over.
    assertTrue(maxThreads <= 2 * (8 + 1), "driver threads: " + maxThreads);
    long closed = System.nanoTime();
    assertTrue(waitUntil(() -> driverThreads().isEmpty()), "left after close: " + driverThreads());
    System.out.println("SharedIoThreadsTest: no driver thread " + (System.nanoTime() - closed) / 1_000_000
        + " ms after the 10 connections closed");
  }

  @Test void oneConnectionRunsAtMostItsMaxConcurrencyOfCallsWhateverTheSharedPoolHolds() throws Exception {
    db.emulator.faults().latency(Duration.ofMillis(30));
    try (Connection wide = db.connect("maxConcurrency=16")) {
      // the shared pool now has room for 34 calls; four statements on a narrow connection may use 2 + 1
      busy(1, 4, "maxConcurrency=2");
      assertTrue(callsInFlightSeen.get() > 0, "no call seen in flight");
      assertTrue(callsInFlightSeen.get() <= 2 + 1, "calls in flight at once: " + callsInFlightSeen.get());
    }
  }

  @Test void threadsAreNamedDaemonAndReusedAcrossConnections() throws Exception {
    Set<Thread> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    try (Connection held = db.connect()) {
      for (int i = 0; i < 20; i++) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
          SmsTestDatabase.count(s.executeQuery("SELECT * FROM replication_runs"));
          seen.addAll(driverThreads());
        }
      }
    }
    for (Thread t : seen) {
      assertTrue(t.isDaemon(), t.getName());
      assertTrue(t.getName().matches("sms-jdbc-io-\\d+"), t.getName());
    }
    // One pool for all 20 connections: its 18 threads, and a few more where idle ones exited (after 2 s)
    // and were replaced; a pool per connection would have started about 9 threads for each of the 20.
    assertTrue(seen.size() <= 2 * 2 * (8 + 1), "distinct driver threads: " + seen.size());
  }

  @Test void closingTheLastConnectionLeavesNoDriverThread() throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      SmsTestDatabase.count(s.executeQuery("SELECT * FROM replication_runs"));
      assertTrue(!driverThreads().isEmpty());
    }
    long closed = System.nanoTime();
    assertTrue(waitUntil(() -> driverThreads().isEmpty()), "left after close: " + driverThreads());
    System.out.println("SharedIoThreadsTest: no driver thread " + (System.nanoTime() - closed) / 1_000_000
        + " ms after the last connection closed");
  }

  private static final AtomicInteger callsInFlightSeen = new AtomicInteger();

  /**
   * Runs {@code connections × statements} runs scans at once and samples the driver's threads meanwhile;
   * returns the most threads seen, and records in {@link #callsInFlightSeen} the most running a call.
   */
  private static int busy(int connections, int statementsEach, String key) throws Exception {
    callsInFlightSeen.set(0);
    List<Connection> open = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      open.add(db.connect(key));
    }
    ExecutorService clients = Executors.newFixedThreadPool(connections * statementsEach);
    int maxThreads = 0;
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (Connection c : open) {
        for (int j = 0; j < statementsEach; j++) {
          results.add(clients.submit(() -> {
            try (Statement s = c.createStatement()) {
              return SmsTestDatabase.count(s.executeQuery("SELECT * FROM replication_runs"));
            }
          }));
        }
      }
      while (!results.stream().allMatch(Future::isDone)) {
        Set<Thread> threads = driverThreads();
        maxThreads = Math.max(maxThreads, threads.size());
        callsInFlightSeen.accumulateAndGet(runningCalls(), Math::max);
        Thread.sleep(5);
      }
      for (Future<Integer> r : results) {
        assertEquals(2 * JOBS, r.get());
      }
    } finally {
      clients.shutdown();
      for (Connection c : open) {
        c.close();
      }
    }
    return maxThreads;
  }

  /**
   * Driver threads running a call (not idle in the pool), from one snapshot of all stacks, taken at once
   * (thread by thread, a call moving from one thread to the next would be counted twice).
   */
  private static int runningCalls() {
    int n = 0;
    for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
      if (e.getKey().getName().startsWith("sms-jdbc-io")
          && Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().startsWith("dev.smsjdbc.aws.SmsApi"))) {
        n++;
      }
    }
    return n;
  }

  private static Set<Thread> driverThreads() {
    Set<Thread> threads = Collections.newSetFromMap(new IdentityHashMap<>());
    Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("sms-jdbc-io"))
        .forEach(threads::add);
    return threads;
  }

  private static boolean waitUntil(BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
      Thread.sleep(50);
    }
    return condition.getAsBoolean();
  }
}
