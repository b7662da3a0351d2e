package dev.smsjdbc.aws;

import dev.smsjdbc.api.SmsOperation;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.time.Instant;

/** One API call made (or answered from the cache) for a statement: a row of {@code sms_meta.api_calls}. */
public record ApiCall(long statementId, Instant startedAt, SmsOperation operation, String region, String parameters,
    String status, long durationMillis, @Nullable String requestId, boolean cacheHit) {}
