package dev.smsjdbc.aws;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The most recent API calls of one connection, for {@code sms_meta.api_calls}; bounded. Each call is also
 * one DEBUG line, from the same escaped {@link ApiCall}, of logger {@code dev.smsjdbc.aws.SmsApi} (the name
 * the README gives).
 */
public final class ApiCallLog {
  static final int CAPACITY = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(SmsApi.class);

  private final Deque<ApiCall> calls = new ArrayDeque<>();

  void add(ApiCall call) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} region={} {}: {} in {} ms, request id {}{}", call.operation(), call.region(), call.parameters(),
          call.status(), call.durationMillis(), call.requestId(), call.cacheHit() ? " (cache)" : "");
    }
    synchronized (this) {
      if (calls.size() == CAPACITY) {
        calls.removeFirst();
      }
      calls.addLast(call);
    }
  }

  /** A snapshot, oldest first. */
  public synchronized List<ApiCall> calls() {
    return List.copyOf(calls);
  }
}
