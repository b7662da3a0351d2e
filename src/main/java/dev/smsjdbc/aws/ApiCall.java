package dev.smsjdbc.aws;

import dev.smsjdbc.api.SmsOperation;
import dev.smsjdbc.api.VisibleText;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.time.Instant;

/**
 * One API call made (or answered from the cache) for a statement: a row of {@code sms_meta.api_calls} and a
 * DEBUG line. The texts a user or a server chose (ids in the parameters, error codes, request ids) are
 * kept {@linkplain VisibleText escaped}, so that neither can forge a log line or drive a terminal.
 */
public record ApiCall(long statementId, Instant startedAt, SmsOperation operation, String region, String parameters,
    String status, long durationMillis, @Nullable String requestId, boolean cacheHit) {
  public ApiCall {
    region = VisibleText.of(region);
    parameters = VisibleText.of(parameters);
    status = VisibleText.of(status);
    requestId = VisibleText.of(requestId);
  }
}
