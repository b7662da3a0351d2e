package dev.smsjdbc.bench;

import dev.smsjdbc.emulator.SmsEmulator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sms.SmsClient;
import software.amazon.awssdk.services.sms.model.GetReplicationJobsResponse;
import software.amazon.awssdk.services.sms.model.GetReplicationRunsResponse;
import software.amazon.awssdk.services.sms.model.ReplicationJob;
import software.amazon.awssdk.services.sms.model.ReplicationRun;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Baseline (a): the same API calls made directly with the SDK client, as a programmer would write them with
 * its paginators, with the driver's page size and, where the driver fans out, the same number of calls in
 * flight. It reads the same fields the driver turns into columns, so it is the floor of the driver's own
 * overhead.
 */
final class SdkLoops implements AutoCloseable {
  private static final int PAGE_SIZE = 50;

  private final SmsClient client;
  private final ExecutorService pool;
  /** Keeps the JIT from dropping the field reads. */
  static volatile long sink;

  SdkLoops(String endpoint, int concurrency) {
    this.client = SmsClient.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .region(Region.US_EAST_1)
        .endpointOverride(URI.create(endpoint))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
            SmsEmulator.DEMO_ACCESS_KEY_ID, SmsEmulator.DEMO_SECRET_ACCESS_KEY)))
        .build();
    this.pool = Executors.newFixedThreadPool(concurrency, r -> {
      Thread t = new Thread(r, "bench-sdk");
      t.setDaemon(true);
      return t;
    });
  }

  private static long read(ReplicationJob j) {
    long h = j.replicationJobId().length();
    if (j.vmServer() != null) {
      h += String.valueOf(j.vmServer().vmName()).length();
    }
    h += String.valueOf(j.seedReplicationTime()).length() + String.valueOf(j.stateAsString()).length()
        + String.valueOf(j.description()).length() + String.valueOf(j.frequency()).length();
    return h;
  }

  private static long read(ReplicationRun r) {
    return r.replicationRunId().length() + String.valueOf(r.stateAsString()).length()
        + String.valueOf(r.completedTime()).length() + String.valueOf(r.description()).length();
  }

  long jobById(String id) {
    GetReplicationJobsResponse response = client.getReplicationJobs(b -> b.replicationJobId(id).maxResults(PAGE_SIZE));
    sink += response.replicationJobList().stream().mapToLong(SdkLoops::read).sum();
    return response.replicationJobList().size();
  }

  long jobsByIds(List<String> ids) {
    List<Future<Long>> futures = new ArrayList<>();
    for (String id : ids) {
      futures.add(pool.submit(() -> jobById(id)));
    }
    return sum(futures);
  }

  long firstJobs(int n) {
    GetReplicationJobsResponse response = client.getReplicationJobs(b -> b.maxResults(n));
    sink += response.replicationJobList().stream().mapToLong(SdkLoops::read).sum();
    return response.replicationJobList().size();
  }

  long allJobs() {
    long rows = 0;
    for (GetReplicationJobsResponse page : client.getReplicationJobsPaginator(b -> b.maxResults(PAGE_SIZE))) {
      for (ReplicationJob job : page.replicationJobList()) {
        sink += read(job);
        rows++;
      }
    }
    return rows;
  }

  long runsOf(String jobId) {
    long rows = 0;
    for (GetReplicationRunsResponse page
        : client.getReplicationRunsPaginator(b -> b.replicationJobId(jobId).maxResults(PAGE_SIZE))) {
      for (ReplicationRun run : page.replicationRunList()) {
        sink += read(run);
        rows++;
      }
    }
    return rows;
  }

  /** Job pages in sequence; the runs of each job on the pool as soon as its page is there. */
  long allRuns() {
    List<Future<Long>> futures = new ArrayList<>();
    for (GetReplicationJobsResponse page : client.getReplicationJobsPaginator(b -> b.maxResults(PAGE_SIZE))) {
      for (ReplicationJob job : page.replicationJobList()) {
        futures.add(pool.submit(() -> runsOf(job.replicationJobId())));
      }
    }
    return sum(futures);
  }

  /** Runs per state over all jobs; returns the number of groups. */
  long runsPerState() {
    List<Future<Map<String, Long>>> futures = new ArrayList<>();
    for (GetReplicationJobsResponse page : client.getReplicationJobsPaginator(b -> b.maxResults(PAGE_SIZE))) {
      for (ReplicationJob job : page.replicationJobList()) {
        futures.add(pool.submit(() -> {
          Map<String, Long> counts = new HashMap<>();
          for (GetReplicationRunsResponse p : client.getReplicationRunsPaginator(
              b -> b.replicationJobId(job.replicationJobId()).maxResults(PAGE_SIZE))) {
            p.replicationRunList().forEach(r -> counts.merge(String.valueOf(r.stateAsString()), 1L, Long::sum));
          }
          return counts;
        }));
      }
    }
    Map<String, Long> all = new HashMap<>();
    for (Future<Map<String, Long>> f : futures) {
      get(f).forEach((k, v) -> all.merge(k, v, Long::sum));
    }
    return all.size();
  }

  /** The job and its runs, one after the other, joined by hand. */
  long jobWithRuns(String jobId) {
    long jobs = jobById(jobId);
    return jobs == 0 ? 0 : runsOf(jobId);
  }

  private static long sum(List<Future<Long>> futures) {
    long rows = 0;
    for (Future<Long> f : futures) {
      rows += get(f);
    }
    return rows;
  }

  private static <T> T get(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override public void close() {
    pool.shutdownNow();
    client.close();
  }
}
