package dev.smsjdbc.aws;

import org.checkerframework.checker.nullness.qual.Nullable;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;
import software.amazon.awssdk.thirdparty.jackson.core.JsonProcessingException;

import java.time.Duration;

/**
 * The SDK's retry strategy, minus retries that cannot help: an answer that does not parse, or one the driver
 * refused ({@link BoundedHttpClient}), would come back the same, and downloading it again costs the whole
 * body each time; a call aborted because its connection closed ({@link InFlightCalls}) has nobody waiting.
 * Throttling, 5xx and network failures are retried as the SDK does, which waits the longer of its backoff
 * and the server's {@code Retry-After}, within two bounds: a server that asks for more than
 * {@link #MAX_RETRY_AFTER} is not asked again (it says it will not be back soon: the call fails at once with
 * its answer, where the SDK would sleep as long as it says, e.g. 100000 s), and a retry whose wait would end
 * past the call's {@code apiCallTimeout} is not made either (failing now with the server's answer says more
 * than the timeout that would end the wait).
 */
final class DeterministicFailures implements RetryStrategy {
  /** The longest {@code Retry-After} waited for: the standard retry mode's longest backoff for throttling. */
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(20);

  private final RetryStrategy delegate;
  private final @Nullable Duration apiCallTimeout;

  /**
   * @param apiCallTimeout the time limit of a call, retries included, or null for none
   */
  DeterministicFailures(RetryStrategy delegate, @Nullable Duration apiCallTimeout) {
    this.delegate = delegate;
    this.apiCallTimeout = apiCallTimeout;
  }

  /** The SDK's token of one call, with the time by which the call must end (0: none). */
  private record CallToken(RetryToken delegate, long deadlineNanos) implements RetryToken {
    static CallToken of(RetryToken token) {
      return token instanceof CallToken call ? call : new CallToken(token, 0);
    }

    boolean endsBefore(Duration wait) {
      return deadlineNanos != 0 && System.nanoTime() + wait.toNanos() - deadlineNanos >= 0;
    }
  }

  static boolean isDeterministic(Throwable failure) {
    for (Throwable c = failure; c != null; c = c.getCause()) {
      if (c instanceof BoundedHttpClient.RejectedResponseException || c instanceof JsonProcessingException
          || c instanceof InFlightCalls.AbortedException || c instanceof BoundedHttpClient.UnsendableRequestException) {
        return true;
      }
    }
    return false;
  }

  @Override public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
    AcquireInitialTokenResponse response = delegate.acquireInitialToken(request);
    long deadline = apiCallTimeout == null ? 0 : (System.nanoTime() + apiCallTimeout.toNanos()) | 1;
    return AcquireInitialTokenResponse.create(new CallToken(response.token(), deadline), response.delay());
  }

  @Override public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
    CallToken token = CallToken.of(request.token());
    if (isDeterministic(request.failure())) {
      throw new TokenAcquisitionFailedException("not retried: the same answer would come back", token,
          request.failure());
    }
    var retryAfter = request.suggestedDelay().filter(d -> d.compareTo(MAX_RETRY_AFTER) > 0);
    if (retryAfter.isPresent()) {
      throw new TokenAcquisitionFailedException("not retried: the endpoint asks to retry after "
          + retryAfter.get().toSeconds() + " s", token, request.failure());
    }
    RefreshRetryTokenResponse response;
    try {
      response = delegate.refreshRetryToken(request.toBuilder().token(token.delegate()).build());
    } catch (TokenAcquisitionFailedException e) {
      throw new TokenAcquisitionFailedException(e.getMessage(), new CallToken(e.token(), token.deadlineNanos()),
          e.getCause());
    }
    if (token.endsBefore(response.delay())) {
      throw new TokenAcquisitionFailedException("not retried: the wait of " + response.delay().toMillis()
          + " ms would end past apiCallTimeout", new CallToken(response.token(), token.deadlineNanos()),
          request.failure());
    }
    return RefreshRetryTokenResponse.create(new CallToken(response.token(), token.deadlineNanos()),
        response.delay());
  }

  @Override public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
    CallToken token = CallToken.of(request.token());
    RecordSuccessResponse response = delegate.recordSuccess(RecordSuccessRequest.create(token.delegate()));
    return RecordSuccessResponse.create(new CallToken(response.token(), token.deadlineNanos()));
  }

  @Override public int maxAttempts() {
    return delegate.maxAttempts();
  }

  @Override public boolean useClientDefaults() {
    return false; // the SDK would rebuild the delegate from its builder, without this wrapper
  }

  @Override public Builder<?, ?> toBuilder() {
    return delegate.toBuilder();
  }
}
