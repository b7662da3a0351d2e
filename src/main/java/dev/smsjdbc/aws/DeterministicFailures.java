package dev.smsjdbc.aws;

import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;
import software.amazon.awssdk.thirdparty.jackson.core.JsonProcessingException;

/**
 * The SDK's retry strategy, minus retries that cannot help: an answer that does not parse, or one the driver
 * refused ({@link BoundedHttpClient}), would come back the same, and downloading it again costs the whole
 * body each time. Throttling, 5xx and network failures are retried as the SDK does.
 */
final class DeterministicFailures implements RetryStrategy {
  private final RetryStrategy delegate;

  DeterministicFailures(RetryStrategy delegate) {
    this.delegate = delegate;
  }

  static boolean isDeterministic(Throwable failure) {
    for (Throwable c = failure; c != null; c = c.getCause()) {
      if (c instanceof BoundedHttpClient.RejectedResponseException || c instanceof JsonProcessingException) {
        return true;
      }
    }
    return false;
  }

  @Override public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
    return delegate.acquireInitialToken(request);
  }

  @Override public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
    if (isDeterministic(request.failure())) {
      throw new TokenAcquisitionFailedException("not retried: the same answer would come back", request.token(),
          request.failure());
    }
    return delegate.refreshRetryToken(request);
  }

  @Override public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
    return delegate.recordSuccess(request);
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
