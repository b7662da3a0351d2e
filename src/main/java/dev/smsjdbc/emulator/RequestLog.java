package dev.smsjdbc.emulator;

import com.google.common.collect.ImmutableList;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an emulator has been asked: a count per operation, a total, and the latest requests, for tests
 * to check which calls a client made. Thread-safe.
 */
final class RequestLog {
  /** Bounds the log, so that a long-running emulator does not grow without end. */
  static final int MAX_LOGGED_REQUESTS = 10_000;

  private final Map<String, Integer> counts = new HashMap<>();
  private final Deque<RecordedRequest> latest = new ArrayDeque<>();
  private int total;

  synchronized void record(RecordedRequest request) {
    counts.merge(request.operation(), 1, Integer::sum);
    total++;
    if (latest.size() == MAX_LOGGED_REQUESTS) {
      latest.removeFirst();
    }
    latest.addLast(request);
  }

  synchronized int count(String operation) {
    return counts.getOrDefault(operation, 0);
  }

  synchronized int total() {
    return total;
  }

  synchronized void clear() {
    counts.clear();
    total = 0;
    latest.clear();
  }

  /** The latest requests, oldest first. */
  synchronized List<RecordedRequest> requests() {
    return ImmutableList.copyOf(latest);
  }
}
