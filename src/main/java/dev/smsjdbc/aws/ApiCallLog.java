package dev.smsjdbc.aws;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The most recent API calls of one connection, for {@code sms_meta.api_calls}; bounded. */
public final class ApiCallLog {
  static final int CAPACITY = 10_000;

  private final Deque<ApiCall> calls = new ArrayDeque<>();

  synchronized void add(ApiCall call) {
    if (calls.size() == CAPACITY) {
      calls.removeFirst();
    }
    calls.addLast(call);
  }

  /** A snapshot, oldest first. */
  public synchronized List<ApiCall> calls() {
    return List.copyOf(calls);
  }
}
