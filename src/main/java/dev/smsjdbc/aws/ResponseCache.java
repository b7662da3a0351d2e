package dev.smsjdbc.aws;

import com.google.common.cache.Cache;
import dev.smsjdbc.api.SmsOperation;
import com.google.common.cache.CacheBuilder;
import org.checkerframework.checker.nullness.qual.Nullable;
import software.amazon.awssdk.awscore.AwsResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Answers of identical API calls, shared by every connection of the JVM. A key holds everything that makes
 * answers differ (credentials, endpoint, region, operation, parameters), so connections share entries only
 * when they would have got the same answer; each connection reads entries no older than its own
 * {@code cacheTtl}. Bounded by size: answers of {@link #MAX_BYTES} in all (the least recently used leave
 * first), none larger than {@link #MAX_ENTRY_BYTES} (such an answer is used once and not kept: a few of them
 * would fill the heap, and an SMS page of a normal size is tens of kilobytes); entries leave after a day
 * at most.
 */
final class ResponseCache {
  /** The answers kept at most, in bytes as they came over the wire. */
  static final long MAX_BYTES = 32L << 20;
  /** The largest answer kept. */
  static final int MAX_ENTRY_BYTES = 1 << 20;

  private static final Cache<Key, Entry> CACHE = CacheBuilder.newBuilder()
      .maximumWeight(MAX_BYTES)
      .weigher((Key key, Entry entry) -> entry.bytes)
      .expireAfterWrite(Duration.ofDays(1))
      .build();

  /**
   * @param scope who asks: a fingerprint of the credentials, and the endpoint
   */
  record Key(String scope, String region, SmsOperation operation, List<Object> parameters) {}

  private record Entry(Object response, Instant storedAt, int bytes) {}

  private ResponseCache() {}

  static @Nullable Object get(Key key, Duration ttl) {
    Entry entry = CACHE.getIfPresent(key);
    return entry != null && entry.storedAt.plus(ttl).isAfter(Instant.now()) ? entry.response : null;
  }

  static void put(Key key, Object response) {
    long bytes = bytes(response);
    if (bytes > MAX_ENTRY_BYTES) {
      CACHE.invalidate(key); // nor an older answer to the same call
      return;
    }
    CACHE.put(key, new Entry(response, Instant.now(), (int) bytes));
  }

  /** Entries kept now; for tests. */
  static long size() {
    CACHE.cleanUp();
    return CACHE.size();
  }

  /**
   * The size of an answer: its body's length as the bounded HTTP client read it, or, for an answer already
   * turned into a {@link Page}, the length of its items' text (the SDK's {@code toString} shows every member),
   * counted item by item so that weighing a large page builds no large string.
   */
  static long bytes(Object response) {
    if (response instanceof AwsResponse aws && aws.sdkHttpResponse() != null) {
      var length = aws.sdkHttpResponse().firstMatchingHeader("Content-Length");
      if (length.isPresent()) {
        try {
          return Long.parseLong(length.get().trim());
        } catch (NumberFormatException e) {
          // weighed by its text below
        }
      }
    }
    if (response instanceof Page<?> page) {
      long bytes = 64;
      for (Object item : page.items()) {
        bytes += String.valueOf(item).length();
        if (bytes > MAX_ENTRY_BYTES) {
          return bytes;
        }
      }
      return bytes;
    }
    return String.valueOf(response).length();
  }
}
