package dev.smsjdbc.aws;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import org.apache.calcite.linq4j.Enumerator;
import org.checkerframework.checker.nullness.qual.Nullable;
import software.amazon.awssdk.services.sms.SmsClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * The SMS side of one connection: an {@link SmsApi} per Region, the I/O threads they share, the log of calls
 * made ({@code sms_meta.api_calls}) and the settings that govern calls (page size, concurrency, cache,
 * budget, partial results).
 */
public final class ApiSession implements AutoCloseable {
  /**
   * @param cacheScope who is asking, for the shared cache: a fingerprint of the credentials and the endpoint
   */
  public record Settings(int pageSize, int maxConcurrency, boolean partialResults, int maxApiCalls,
      Duration cacheTtl, String cacheScope) {}

  private final Settings settings;
  private final Map<String, SmsApi> apis = new LinkedHashMap<>();
  private final ThreadPoolExecutor executor;
  private final ApiCallLog callLog = new ApiCallLog();
  private final List<AutoCloseable> resources = new ArrayList<>();

  /** @param clients one client per Region, in the order the Regions were given */
  public ApiSession(Settings settings, Map<String, SmsClient> clients) {
    this.settings = settings;
    clients.forEach((region, client) -> apis.put(region, new SmsApi(this, client, region)));
    // Run loads in flight, plus one job-page fetch per Region feeding them; idle threads exit.
    int threads = settings.maxConcurrency() + apis.size();
    this.executor = new ThreadPoolExecutor(threads, threads, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        new ThreadFactoryBuilder().setDaemon(true).setNameFormat("sms-jdbc-io-%d").build());
    this.executor.allowCoreThreadTimeOut(true);
  }

  public Settings settings() {
    return settings;
  }

  /** The Regions of this connection, in the order given. */
  public List<String> regions() {
    return List.copyOf(apis.keySet());
  }

  public ApiCallLog callLog() {
    return callLog;
  }

  /** Closes {@code resource} (e.g. a credentials provider with a refresh thread) when the session closes. */
  public void closeOnClose(AutoCloseable resource) {
    resources.add(resource);
  }

  ExecutorService executor() {
    return executor;
  }

  /**
   * Items from each of the given Regions (null for all; Regions not in the connection are ignored). Regions
   * are queried in parallel and their rows come Region by Region.
   */
  public <T> Enumerator<T> acrossRegions(ScanContext context, @Nullable List<String> regions,
      BiFunction<SmsApi, ScanContext, Enumerator<T>> scan) {
    List<SmsApi> chosen = new ArrayList<>();
    apis.forEach((region, api) -> {
      if (regions == null || regions.contains(region)) {
        chosen.add(api);
      }
    });
    return new RegionsEnumerator<>(context, chosen, scan, settings.partialResults());
  }

  /**
   * Frees the threads and clients. Calls in flight are not interrupted (see {@link ScanContext}): their
   * threads end as soon as they return, and start nothing new.
   */
  @Override public void close() {
    executor.shutdown();
    apis.values().forEach(SmsApi::close);
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        // closing anyway: nothing more to free
      }
    }
  }
}
