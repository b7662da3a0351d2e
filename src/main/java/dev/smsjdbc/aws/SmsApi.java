package dev.smsjdbc.aws;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sms.SmsClient;
import software.amazon.awssdk.services.sms.model.GetReplicationJobsResponse;
import software.amazon.awssdk.services.sms.model.GetReplicationRunsResponse;
import software.amazon.awssdk.services.sms.model.InvalidParameterException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;

/**
 * The SMS API as the tables use it: streams of jobs and runs for one region, paginated lazily, fanned out
 * over keys with bounded concurrency. Owns the SDK client and the I/O threads of one connection.
 */
public final class SmsApi implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SmsApi.class);
  static final String GET_REPLICATION_JOBS = "GetReplicationJobs";
  static final String GET_REPLICATION_RUNS = "GetReplicationRuns";

  private final SmsClient client;
  private final String region;
  private final int pageSize;
  private final int maxConcurrency;
  private final ThreadPoolExecutor executor;

  public SmsApi(SmsClient client, String region, int pageSize, int maxConcurrency) {
    this.client = client;
    this.region = region;
    this.pageSize = pageSize;
    this.maxConcurrency = maxConcurrency;
    // One thread per concurrent run load plus one for the job pages that feed them; idle threads exit.
    int threads = maxConcurrency + 1;
    this.executor = new ThreadPoolExecutor(threads, threads, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        new ThreadFactoryBuilder().setDaemon(true).setNameFormat("sms-jdbc-io-%d").build());
    this.executor.allowCoreThreadTimeOut(true);
  }

  public String region() {
    return region;
  }

  public int pageSize() {
    return pageSize;
  }

  ExecutorService executor() {
    return executor;
  }

  /**
   * Replication jobs: all of them, page by page, or (with {@code ids}) one call per distinct id.
   *
   * @param limit rows wanted, or -1 for all
   */
  public Enumerator<JobRow> replicationJobs(ScanContext context, @Nullable List<String> ids, long limit) {
    if (ids == null) {
      return new PagedEnumerator<>(context, GET_REPLICATION_JOBS, pageSize, limit, true,
          (token, max, page) -> jobsPage(null, token, max, page));
    }
    return new FanOutEnumerator<>(context, GET_REPLICATION_JOBS, Linq4j.enumerator(ids),
        (id, wanted) -> () -> jobById(id), limit, maxConcurrency);
  }

  /**
   * Replication runs of the given jobs, or of every job when {@code jobIds} is null. Runs always come from
   * GetReplicationRuns: the runs embedded in a job are only the most recent few.
   *
   * @param limit rows wanted, or -1 for all
   */
  public Enumerator<RunRow> replicationRuns(ScanContext context, @Nullable List<String> jobIds, long limit) {
    // With a limit, jobs are listed only as far as their runs are needed.
    Enumerator<String> keys = jobIds != null
        ? Linq4j.enumerator(jobIds)
        : Linq4j.transform(new PagedEnumerator<>(context, GET_REPLICATION_JOBS, pageSize, -1, limit < 0,
            (token, max, page) -> jobsPage(null, token, max, page)), row -> row.job().replicationJobId());
    return new FanOutEnumerator<>(context, GET_REPLICATION_RUNS, keys,
        (jobId, wanted) -> runsOf(context, jobId, wanted), limit, maxConcurrency);
  }

  private List<JobRow> jobById(String id) {
    Page<JobRow> page = jobsPage(id, null, pageSize, 1);
    // Re-check: the table's answer must not depend on the API honouring the filter.
    return page.items().stream().filter(r -> id.equals(r.job().replicationJobId())).toList();
  }

  /** All runs of one job, page by page, or the first {@code limit} (-1 for all). */
  private Callable<List<RunRow>> runsOf(ScanContext context, String jobId, long limit) {
    return () -> {
      List<RunRow> rows = new ArrayList<>();
      String token = null;
      int pageNumber = 0;
      do {
        if (context.stopped()) {
          throw SmsErrors.cancelled();
        }
        int max = limit < 0 ? pageSize : (int) Math.max(1, Math.min(pageSize, limit - rows.size()));
        Page<RunRow> page = runsPage(jobId, token, max, ++pageNumber);
        rows.addAll(page.items());
        token = page.nextToken();
      } while (token != null && (limit < 0 || rows.size() < limit));
      return rows;
    };
  }

  private Page<JobRow> jobsPage(@Nullable String jobId, @Nullable String token, int maxResults, int page) {
    long start = System.nanoTime();
    GetReplicationJobsResponse response;
    try {
      response = client.getReplicationJobs(b -> b.replicationJobId(jobId).nextToken(token).maxResults(maxResults));
    } catch (InvalidParameterException e) {
      if (jobId != null && token == null) {
        logCall(GET_REPLICATION_JOBS, jobId, maxResults, page, start, 0, e.requestId() + ", not found");
        return Page.empty();
      }
      throw e;
    }
    List<JobRow> rows = response.replicationJobList().stream().map(j -> new JobRow(region, j)).toList();
    logCall(GET_REPLICATION_JOBS, jobId, maxResults, page, start, rows.size(),
        response.responseMetadata().requestId());
    return new Page<>(rows, response.nextToken());
  }

  private Page<RunRow> runsPage(String jobId, @Nullable String token, int maxResults, int page) {
    long start = System.nanoTime();
    GetReplicationRunsResponse response;
    try {
      response = client.getReplicationRuns(b -> b.replicationJobId(jobId).nextToken(token).maxResults(maxResults));
    } catch (InvalidParameterException e) {
      if (token == null) {
        logCall(GET_REPLICATION_RUNS, jobId, maxResults, page, start, 0, e.requestId() + ", not found");
        return Page.empty();
      }
      throw e;
    }
    List<RunRow> rows = response.replicationRunList().stream().map(r -> new RunRow(region, jobId, r)).toList();
    logCall(GET_REPLICATION_RUNS, jobId, maxResults, page, start, rows.size(),
        response.responseMetadata().requestId());
    return new Page<>(rows, response.nextToken());
  }

  private void logCall(String operation, @Nullable String jobId, int maxResults, int page, long startNanos,
      int items, @Nullable String requestId) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} region={} replicationJobId={} maxResults={} page={}: {} items in {} ms, request id {}",
          operation, region, jobId, maxResults, page, items, (System.nanoTime() - startNanos) / 1_000_000,
          requestId);
    }
  }

  /**
   * Frees the connection's threads and client. Calls in flight are not interrupted (see
   * {@link ScanContext}): their threads end as soon as they return, and start nothing new.
   */
  @Override public void close() {
    executor.shutdown();
    client.close();
  }
}
