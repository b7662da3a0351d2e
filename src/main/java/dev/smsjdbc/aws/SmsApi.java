package dev.smsjdbc.aws;

import dev.smsjdbc.api.SmsOperation;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.checkerframework.checker.nullness.qual.Nullable;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sms.SmsClient;
import software.amazon.awssdk.services.sms.model.AppSummary;
import software.amazon.awssdk.services.sms.model.Connector;
import software.amazon.awssdk.services.sms.model.GetConnectorsResponse;
import software.amazon.awssdk.services.sms.model.GetReplicationJobsResponse;
import software.amazon.awssdk.services.sms.model.GetReplicationRunsResponse;
import software.amazon.awssdk.services.sms.model.GetServersResponse;
import software.amazon.awssdk.services.sms.model.InvalidParameterException;
import software.amazon.awssdk.services.sms.model.ListAppsResponse;
import software.amazon.awssdk.services.sms.model.Server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The SMS API of one Region as the tables use it: streams of items, paginated lazily, fanned out over keys
 * with bounded concurrency. Every call goes through {@link #call}, which applies the statement's call budget,
 * the shared cache, logging and the connection's call log.
 */
public final class SmsApi implements AutoCloseable {
  private final ApiSession session;
  private final SmsClient client;
  private final String region;

  SmsApi(ApiSession session, SmsClient client, String region) {
    this.session = session;
    this.client = client;
    this.region = region;
  }

  public String region() {
    return region;
  }

  private int pageSize() {
    return session.settings().pageSize();
  }

  /**
   * Replication jobs: all of them, page by page, or (with {@code ids}) one call per distinct id.
   *
   * @param limit rows wanted, or -1 for all
   */
  public Enumerator<JobRow> replicationJobs(ScanContext context, ScanRequest request) {
    List<String> ids = request.keys();
    long limit = request.limit();
    if (ids == null) {
      return jobPages(context, limit, true);
    }
    return new FanOutEnumerator<>(context, SmsOperation.GET_REPLICATION_JOBS, Linq4j.enumerator(ids),
        (id, wanted) -> () -> jobById(context, id), UniqueKeys.jobs(), limit, session.settings().maxConcurrency());
  }

  /**
   * Replication runs of the given jobs, or of every job when {@code jobIds} is null. Runs always come from
   * GetReplicationRuns: the runs embedded in a job are only the most recent few.
   *
   * @param limit rows wanted, or -1 for all
   */
  public Enumerator<RunRow> replicationRuns(ScanContext context, ScanRequest request) {
    List<String> jobIds = request.keys();
    long limit = request.limit();
    // With a limit, jobs are listed only as far as their runs are needed.
    Enumerator<String> keys = jobIds != null
        ? Linq4j.enumerator(jobIds)
        : Linq4j.transform(jobPages(context, -1, limit < 0), row -> row.job().replicationJobId());
    return new FanOutEnumerator<>(context, SmsOperation.GET_REPLICATION_RUNS, keys,
        (jobId, wanted) -> runsOf(context, jobId, wanted), UniqueKeys.runs(), limit,
        session.settings().maxConcurrency());
  }

  /** Servers of the server catalog (GetServers), page by page. */
  public Enumerator<Regional<Server>> servers(ScanContext context, ScanRequest request) {
    return pages(context, SmsOperation.GET_SERVERS, request.limit(), UniqueKeys.of(SmsOperation.GET_SERVERS,
        Server::serverId), (token, max) -> {
      GetServersResponse r = client.getServers(b -> b.nextToken(token).maxResults(max));
      return new Page<>(r.serverList(), r.nextToken());
    });
  }

  /** Connectors (GetConnectors), page by page. */
  public Enumerator<Regional<Connector>> connectors(ScanContext context, ScanRequest request) {
    return pages(context, SmsOperation.GET_CONNECTORS, request.limit(), UniqueKeys.of(SmsOperation.GET_CONNECTORS,
        Connector::connectorId), (token, max) -> {
      GetConnectorsResponse r = client.getConnectors(b -> b.nextToken(token).maxResults(max));
      return new Page<>(r.connectorList(), r.nextToken());
    });
  }

  /** Application summaries (ListApps), page by page. */
  public Enumerator<Regional<AppSummary>> apps(ScanContext context, ScanRequest request) {
    return pages(context, SmsOperation.LIST_APPS, request.limit(), UniqueKeys.of(SmsOperation.LIST_APPS,
        AppSummary::appId), (token, max) -> {
      ListAppsResponse r = client.listApps(b -> b.nextToken(token).maxResults(max));
      return new Page<>(r.apps(), r.nextToken());
    });
  }

  /** One page of a list operation that takes only a token and a page size. */
  @FunctionalInterface
  private interface ListCall<T> {
    Page<T> fetch(@Nullable String token, int maxResults);
  }

  private <T> Enumerator<Regional<T>> pages(ScanContext context, SmsOperation operation, long limit,
      UniqueKeys<Regional<T>> keys, ListCall<T> list) {
    return new PagedEnumerator<>(context, operation, pageSize(), limit, true, keys, (token, max, page) -> {
      Page<T> result = call(context, operation, Arrays.asList(token, max), "maxResults=" + max + " page=" + page,
          () -> list.fetch(token, max), null);
      return new Page<>(result.items().stream().map(item -> new Regional<>(region, item)).toList(),
          result.nextToken());
    });
  }

  private PagedEnumerator<JobRow> jobPages(ScanContext context, long limit, boolean prefetch) {
    return new PagedEnumerator<>(context, SmsOperation.GET_REPLICATION_JOBS, pageSize(), limit, prefetch,
        UniqueKeys.jobs(), (token, max, page) -> jobsPage(context, null, token, max, page));
  }

  private List<JobRow> jobById(ScanContext context, String id) {
    Page<JobRow> page = jobsPage(context, id, null, pageSize(), 1);
    // Re-check: the table's answer must not depend on the API honouring the filter.
    return page.items().stream().filter(r -> id.equals(r.job().replicationJobId())).toList();
  }

  /** All runs of one job, page by page, or the first {@code limit} (-1 for all). */
  private Callable<List<RunRow>> runsOf(ScanContext context, String jobId, long limit) {
    return () -> {
      List<RunRow> rows = new ArrayList<>();
      String token = null;
      int pageNumber = 0;
      Set<String> tokensSeen = new HashSet<>();
      do {
        if (context.stopped()) {
          throw ApiException.cancelled();
        }
        int max = Page.maxResults(pageSize(), limit, rows.size());
        Page<RunRow> page = runsPage(context, jobId, token, max, ++pageNumber)
            .checkedAgainst(tokensSeen, SmsOperation.GET_REPLICATION_RUNS);
        rows.addAll(page.items());
        token = page.nextToken();
      } while (token != null && (limit < 0 || rows.size() < limit));
      return rows;
    };
  }

  private Page<JobRow> jobsPage(ScanContext context, @Nullable String jobId, @Nullable String token,
      int maxResults, int page) {
    GetReplicationJobsResponse response = call(context, SmsOperation.GET_REPLICATION_JOBS,
        Arrays.asList(jobId, token, maxResults), describe(jobId, maxResults, page),
        () -> client.getReplicationJobs(b -> b.replicationJobId(jobId).nextToken(token).maxResults(maxResults)),
        jobId != null && token == null ? GetReplicationJobsResponse.builder().build() : null);
    List<JobRow> rows = response.replicationJobList().stream().map(j -> new JobRow(region, j)).toList();
    return new Page<>(rows, response.nextToken());
  }

  private Page<RunRow> runsPage(ScanContext context, String jobId, @Nullable String token, int maxResults,
      int page) {
    GetReplicationRunsResponse response = call(context, SmsOperation.GET_REPLICATION_RUNS,
        Arrays.asList(jobId, token, maxResults), describe(jobId, maxResults, page),
        () -> client.getReplicationRuns(b -> b.replicationJobId(jobId).nextToken(token).maxResults(maxResults)),
        token == null ? GetReplicationRunsResponse.builder().build() : null);
    List<RunRow> rows = response.replicationRunList().stream().map(r -> new RunRow(region, jobId, r)).toList();
    return new Page<>(rows, response.nextToken());
  }

  private static String describe(@Nullable String jobId, int maxResults, int page) {
    return (jobId == null ? "" : "replicationJobId=" + jobId + " ") + "maxResults=" + maxResults + " page=" + page;
  }

  /**
   * Makes one API call, unless the statement made it already: charged to the statement's budget, answered
   * from the shared cache when allowed, logged at DEBUG and recorded in the connection's call log.
   *
   * @param notFound the answer when AWS says the id in the call does not exist (InvalidParameterException),
   *     or null if that is an error
   */
  private <R> R call(ScanContext context, SmsOperation operation, List<Object> parameters, String description,
      Supplier<R> call, @Nullable R notFound) {
    ResponseCache.Key key = new ResponseCache.Key(session.cacheScope(), region, operation, parameters);
    // Within one statement, an identical call is made once (the same snapshot everywhere), cache or not.
    return context.execution().pages().get(key, () -> callOnce(context, key, description, call, notFound));
  }

  private <R> R callOnce(ScanContext context, ResponseCache.Key key, String description, Supplier<R> call,
      @Nullable R notFound) {
    ApiSession.Settings settings = session.settings();
    Execution execution = context.execution();
    SmsOperation operation = key.operation();
    if (session.offline()) {
      return offline(call, notFound); // saved history: no API call to charge, cache or log
    }
    boolean cached = !settings.cacheTtl().isZero() && context.useCache();
    Instant started = Instant.now();
    long start = System.nanoTime();
    if (cached) {
      @SuppressWarnings("unchecked")
      R hit = (R) ResponseCache.get(key, settings.cacheTtl());
      if (hit != null) {
        record(execution, started, operation, description, "OK", start, requestId(hit), true);
        return hit;
      }
    }
    execution.charge(settings.maxApiCalls());
    try {
      R response = call.get();
      if (cached) {
        ResponseCache.put(key, response);
      }
      record(execution, started, operation, description, "OK", start, requestId(response), false);
      return response;
    } catch (InvalidParameterException e) {
      record(execution, started, operation, description, notFound != null ? "NOT_FOUND" : errorCode(e), start,
          e.requestId(), false);
      if (notFound != null) {
        return notFound;
      }
      throw e;
    } catch (AwsServiceException e) {
      record(execution, started, operation, description, errorCode(e), start, e.requestId(), false);
      throw e;
    } catch (RuntimeException e) {
      record(execution, started, operation, description, e.getClass().getSimpleName(), start, null, false);
      throw e;
    }
  }

  private static <R> R offline(Supplier<R> call, @Nullable R notFound) {
    try {
      return call.get();
    } catch (InvalidParameterException e) {
      if (notFound != null) {
        return notFound;
      }
      throw e;
    }
  }

  private void record(Execution execution, Instant started, SmsOperation operation, String description,
      String status, long startNanos, @Nullable String requestId, boolean cacheHit) {
    long millis = (System.nanoTime() - startNanos) / 1_000_000;
    session.callLog().add(new ApiCall(execution.id(), started, operation, region, description, status, millis,
        requestId, cacheHit));
  }

  private static @Nullable String requestId(Object response) {
    return response instanceof AwsResponse r ? r.responseMetadata().requestId() : null;
  }

  private static String errorCode(AwsServiceException e) {
    return e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
        ? e.awsErrorDetails().errorCode() : "HTTP " + e.statusCode();
  }

  @Override public void close() {
    client.close();
  }
}
