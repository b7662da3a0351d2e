package dev.smsjdbc.emulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import software.amazon.awssdk.services.sms.SmsClient;
import software.amazon.awssdk.services.sms.model.ReplicationJob;
import software.amazon.awssdk.services.sms.model.ReplicationRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Many clients at once, and a clean shutdown. */
class ConcurrencyTest {
  private static final int CLIENTS = 16;

  @Test
  void sixteenConcurrentClientsGetCorrectResults() throws Exception {
    EmulatorData data = EmulatorData.generate(DataSpec.seed(7).jobs(60).runsPerJob(12)
        .servers(60).connectors(3).apps(4));
    try (SmsEmulator emulator = SmsEmulator.builder().data(data).start()) {
      List<String> expectedJobs = data.replicationJobs().stream()
          .map(j -> j.get("replicationJobId").asText()).collect(Collectors.toList());
      CyclicBarrier together = new CyclicBarrier(CLIENTS);
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      try {
        List<Future<Integer>> results = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
          int clientNo = c;
          results.add(pool.submit((Callable<Integer>) () -> {
            try (SmsClient client = TestClients.client(emulator)) {
              together.await(10, TimeUnit.SECONDS);
              int calls = 0;
              for (int round = 0; round < 3; round++) {
                List<String> jobs = client.getReplicationJobsPaginator(r -> r.maxResults(25))
                    .replicationJobList().stream().map(ReplicationJob::replicationJobId)
                    .collect(Collectors.toList());
                assertEquals(expectedJobs, jobs);
                String jobId = expectedJobs.get((clientNo * 3 + round) % expectedJobs.size());
                List<String> runs = client.getReplicationRunsPaginator(
                        r -> r.replicationJobId(jobId).maxResults(5))
                    .replicationRunList().stream().map(ReplicationRun::replicationRunId)
                    .collect(Collectors.toList());
                assertEquals(data.replicationRuns(jobId).stream()
                    .map(n -> n.get("replicationRunId").asText())
                    .collect(Collectors.toList()), runs);
                calls += 3 + 3;
              }
              return calls;
            }
          }));
        }
        int calls = 0;
        for (Future<Integer> f : results) {
          calls += f.get(60, TimeUnit.SECONDS);
        }
        assertEquals(CLIENTS * 18, calls);
        assertEquals(calls, emulator.requestCount());
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void requestsAreServedInParallel() throws Exception {
    try (SmsEmulator emulator = SmsEmulator.startDemo()) {
      emulator.faults().latency(Duration.ofMillis(500));
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      List<SmsClient> clients = new ArrayList<>();
      try {
        for (int c = 0; c < CLIENTS; c++) {
          clients.add(TestClients.client(emulator));
        }
        long start = System.nanoTime();
        List<Future<Integer>> results = new ArrayList<>();
        for (SmsClient client : clients) {
          results.add(pool.submit(() -> client.getConnectors(r -> { }).connectorList().size()));
        }
        for (Future<Integer> f : results) {
          assertEquals(4, f.get(30, TimeUnit.SECONDS));
        }
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        // One after another they would take 16 x 500 ms = 8 s.
        assertTrue(millis < 4_000, "16 requests with 500 ms latency took " + millis + " ms");
      } finally {
        clients.forEach(SmsClient::close);
        pool.shutdownNow();
      }
    }
  }

  @Test
  void closeEndsAllEmulatorThreads() throws Exception {
    SmsEmulator emulator = SmsEmulator.startDemo();
    String prefix = "sms-emulator-" + emulator.endpoint().getPort() + "-";
    try (SmsClient client = TestClients.client(emulator)) {
      client.getConnectors(r -> { });
    }
    emulator.close();
    emulator.close(); // idempotent
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (threads(prefix) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(0, threads(prefix));
  }

  private static long threads(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith(prefix) && t.isAlive())
        .count();
  }
}
