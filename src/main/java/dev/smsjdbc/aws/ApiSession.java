package dev.smsjdbc.aws;

import com.google.common.util.concurrent.Uninterruptibles;
import org.apache.calcite.linq4j.Enumerator;
import org.checkerframework.checker.nullness.qual.Nullable;
import software.amazon.awssdk.services.sms.SmsClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The SMS side of one connection: an {@link SmsApi} per Region, its share of the JVM's I/O threads
 * ({@link IoThreads}), the log of calls made ({@code sms_meta.api_calls}) and the settings that govern
 * calls (page size, concurrency, cache, budget, partial results).
 */
public final class ApiSession implements AutoCloseable {
  /** How the connection's calls are made: page size, concurrency, partial results, budget, cache. */
  public record Settings(int pageSize, int maxConcurrency, boolean partialResults, int maxApiCalls,
      Duration cacheTtl) {}

  /**
   * What the calls go through, built off the connect path (see {@link #ApiSession(Settings, List, Callable)}).
   *
   * @param cacheScope who is asking, for the shared cache: a fingerprint of the credentials and the endpoint
   * @param clients one client per Region, in the order the Regions were given
   * @param resources what closes with the session besides the clients (HTTP client, credentials providers)
   */
  public record Clients(String cacheScope, Map<String, SmsClient> clients, List<AutoCloseable> resources) {}

  private record Built(String cacheScope, Map<String, SmsApi> apis, List<AutoCloseable> resources) {}

  private final Settings settings;
  private final List<String> regions;
  private final FutureTask<Built> build;
  private final ThreadPoolExecutor threads;
  private final SessionExecutor executor;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ApiCallLog callLog = new ApiCallLog();
  private final List<AutoCloseable> resources = new ArrayList<>();
  private final boolean offline;
  private final List<String> notices;

  /**
   * @param cacheScope who is asking, for the shared cache: a fingerprint of the credentials and the endpoint
   * @param clients one client per Region, in the order the Regions were given
   */
  public ApiSession(Settings settings, String cacheScope, Map<String, SmsClient> clients) {
    this(settings, cacheScope, clients, false, List.of());
  }

  /**
   * A session whose clients are built by {@code clients} on one of the I/O threads, started now: building SDK
   * clients (and starting the demo emulator) takes a few hundred ms of CPU, which on a second core overlaps
   * with the planning of the first query. The first scan waits for it (or builds them itself if no thread
   * has started yet); a failure of the build is that scan's failure. What can fail because of the
   * connection's settings must be checked before, so that it still fails the connect.
   *
   * @param regions the Regions {@code clients} builds clients for, in order
   */
  public ApiSession(Settings settings, List<String> regions, Callable<Clients> clients) {
    this(settings, List.copyOf(regions), false, List.of(), clients);
    threads.execute(build); // the pool is ours until close (IoThreads.acquire), so it takes the task
  }

  /**
   * @param offline whether the clients answer in-process from saved history ({@code archive=}): such reads
   *     are no API calls, so they are neither charged to {@code maxApiCalls}, cached nor logged
   * @param notices what the connection should report as warnings, e.g. about the saved history
   */
  ApiSession(Settings settings, String cacheScope, Map<String, SmsClient> clients, boolean offline,
      List<String> notices) {
    this(settings, List.copyOf(clients.keySet()), offline, notices, () -> new Clients(cacheScope, clients, List.of()));
    build.run(); // built already: nothing to overlap
  }

  private ApiSession(Settings settings, List<String> regions, boolean offline, List<String> notices,
      Callable<Clients> clients) {
    this.offline = offline;
    this.notices = List.copyOf(notices);
    this.settings = settings;
    this.regions = regions;
    this.build = new FutureTask<>(() -> {
      if (closed.get()) {
        throw closedError(); // closed before any thread got to it: build nothing
      }
      Clients built = clients.call();
      Map<String, SmsApi> apis = new LinkedHashMap<>();
      built.clients().forEach((region, client) -> apis.put(region, new SmsApi(this, client, region)));
      return new Built(built.cacheScope(), apis, built.resources());
    });
    // Run loads in flight, plus one job-page fetch per Region feeding them, on the JVM's shared threads.
    int limit = settings.maxConcurrency() + regions.size();
    this.threads = IoThreads.acquire(limit);
    this.executor = new SessionExecutor(threads, limit);
  }

  /** The built clients, waiting for the build (running it here if no thread has started it). */
  private Built built() {
    build.run(); // a no-op if it ran or is running
    try {
      return Uninterruptibles.getUninterruptibly(build);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  public Settings settings() {
    return settings;
  }

  String cacheScope() {
    return built().cacheScope();
  }

  /** The Regions of this connection, in the order given. */
  public List<String> regions() {
    return regions;
  }

  boolean offline() {
    return offline;
  }

  /** Warnings for the whole connection, e.g. about the saved history it reads; empty for live reads. */
  public List<String> notices() {
    return notices;
  }

  public ApiCallLog callLog() {
    return callLog;
  }

  /** Closes {@code resource} (e.g. a credentials provider with a refresh thread) when the session closes. */
  public void closeOnClose(AutoCloseable resource) {
    resources.add(resource);
  }

  /** Runs an API call on the shared I/O threads, within this session's concurrency. */
  <T> Future<T> submit(Callable<T> call) {
    if (closed.get()) {
      throw closedError();
    }
    return executor.submit(call);
  }

  /** What a statement of a closed connection gets: it stops, as if cancelled (the JDBC layer says 08003). */
  static ApiException closedError() {
    return new ApiException(ApiException.Kind.CANCELLED, "The connection was closed");
  }

  /** How many of the connection's Regions a scan of {@code wanted} reads (null: all of them). */
  public int regionCount(@Nullable List<String> wanted) {
    return wanted == null ? regions.size() : (int) regions.stream().filter(wanted::contains).count();
  }

  /** The read of one Region: one of {@link SmsApi}'s list methods. */
  @FunctionalInterface
  public interface RegionScan<T> {
    Enumerator<T> scan(SmsApi api, ScanContext context, ScanRequest request);
  }

  /**
   * The items of the request's Regions (all of the connection's when it names none; Regions not in the
   * connection are ignored), queried in parallel; rows come Region by Region.
   */
  public <T> Enumerator<T> scan(ScanContext context, ScanRequest request, RegionScan<T> read) {
    List<SmsApi> chosen = new ArrayList<>();
    built().apis().forEach((region, api) -> {
      if (request.regions() == null || request.regions().contains(region)) {
        chosen.add(api);
      }
    });
    return new RegionsEnumerator<>(context, chosen, (api, regionContext) -> read.scan(api, regionContext, request),
        settings.partialResults());
  }

  /**
   * Frees the threads and clients. Calls in flight are aborted (their HTTP client, {@link InFlightCalls},
   * is one of the resources): their threads end within one read, whatever the server does, and start
   * nothing new; a statement still waiting for them fails.
   */
  @Override public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    List<AutoCloseable> toClose = new ArrayList<>();
    // A build not started yet builds nothing now; one running is waited for (local work, no call), then closed.
    build.run();
    try {
      Built built = Uninterruptibles.getUninterruptibly(build);
      toClose.addAll(built.apis().values());
      toClose.addAll(built.resources());
    } catch (ExecutionException e) {
      // nothing built, or the build cleaned up after itself
    }
    IoThreads.release(threads, executor.limit());
    toClose.addAll(resources);
    for (AutoCloseable resource : toClose) {
      try {
        resource.close();
      } catch (Exception e) {
        // closing anyway: nothing more to free
      }
    }
  }
}
