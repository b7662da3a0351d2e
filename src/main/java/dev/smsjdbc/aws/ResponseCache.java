package dev.smsjdbc.aws;

import com.google.common.cache.Cache;
import dev.smsjdbc.api.SmsOperation;
import com.google.common.cache.CacheBuilder;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Answers of identical API calls, shared by every connection of the JVM. A key holds everything that makes
 * answers differ (credentials, endpoint, region, operation, parameters), so connections share entries only
 * when they would have got the same answer; each connection reads entries no older than its own
 * {@code cacheTtl}. Bounded in size; entries leave after a day at most.
 */
final class ResponseCache {
  private static final Cache<Key, Entry> CACHE = CacheBuilder.newBuilder()
      .maximumSize(10_000)
      .expireAfterWrite(Duration.ofDays(1))
      .build();

  /**
   * @param scope who asks: a fingerprint of the credentials, and the endpoint
   */
  record Key(String scope, String region, SmsOperation operation, List<Object> parameters) {}

  private record Entry(Object response, Instant storedAt) {}

  private ResponseCache() {}

  static @Nullable Object get(Key key, Duration ttl) {
    Entry entry = CACHE.getIfPresent(key);
    return entry != null && entry.storedAt.plus(ttl).isAfter(Instant.now()) ? entry.response : null;
  }

  static void put(Key key, Object response) {
    CACHE.put(key, new Entry(response, Instant.now()));
  }
}
