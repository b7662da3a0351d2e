package dev.smsjdbc.aws;

import org.checkerframework.checker.nullness.qual.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Turns what can go wrong while talking to SMS into {@link SQLException}s with an SQLState of the right
 * class and a message that names the cause. The original exception is always kept as the cause.
 */
public final class SmsErrors {
  private SmsErrors() {}

  /** Error codes with which AWS refuses the caller's identity or permissions. */
  private static final Set<String> AUTH_CODES = Set.of(
      "UnrecognizedClientException", "InvalidSignatureException", "SignatureDoesNotMatch",
      "IncompleteSignature", "MissingAuthenticationTokenException", "MissingAuthenticationToken",
      "InvalidClientTokenId", "ExpiredTokenException", "ExpiredToken", "AccessDeniedException",
      "UnauthorizedOperationException", "UnauthorizedOperation");

  public static SQLException cancelled() {
    return new SQLException("Statement canceled", "57014");
  }

  private static final String QUERY_TIMED_OUT = "Query timed out";

  public static SQLTimeoutException timedOut(long timeoutMillis) {
    return new SQLTimeoutException(QUERY_TIMED_OUT + " after " + timeoutMillis + " ms (query timeout)", "HYT00");
  }

  /** Whether the statement was cancelled or timed out, rather than something failing. */
  static boolean isCancelOrTimeout(SQLException e) {
    return "57014".equals(e.getSQLState()) || e.getMessage() != null && e.getMessage().startsWith(QUERY_TIMED_OUT);
  }

  /** Start of the message of {@link #assumeRoleFailed}, by which {@link #translate} recognises it. */
  private static final String ASSUME_ROLE_FAILED = "sts:AssumeRole of role ";

  /**
   * What a credentials provider throws when assuming {@code roleArn} (connection key {@code roleArn}) failed:
   * the message names the role and STS's error, the STS failure is the cause. {@link #translate} turns it
   * into SQLState 28000 (08001 when STS cannot be reached, 08S01 when it is throttled or failing).
   */
  public static SdkClientException assumeRoleFailed(String roleArn, Throwable cause) {
    String reason = cause instanceof AwsServiceException e && e.awsErrorDetails() != null
        ? e.awsErrorDetails().errorCode() + " (HTTP " + e.statusCode() + ", request id " + e.requestId()
            + "): " + e.awsErrorDetails().errorMessage()
        : cause.getMessage();
    return SdkClientException.builder().message(ASSUME_ROLE_FAILED + roleArn + " failed: " + reason)
        .cause(cause).build();
  }

  /** Translates a failure of the SMS call {@code operation}; SQLExceptions pass through unchanged. */
  public static SQLException translate(Throwable t, String operation) {
    if (t instanceof SQLException e) {
      return e;
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SdkClientException && c.getMessage() != null
          && c.getMessage().startsWith(ASSUME_ROLE_FAILED)) {
        return assumeRoleError(t, c, operation);
      }
    }
    if (t instanceof AwsServiceException e) {
      return serviceError(e, operation);
    }
    if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException) {
      return new SQLTimeoutException(operation + " timed out (apiCallTimeout): " + t.getMessage(), "HYT00", t);
    }
    if (t instanceof SdkClientException && isUnreachable(t)) {
      return new SQLNonTransientConnectionException("Cannot reach the SMS endpoint for " + operation + ": "
          + rootMessage(t) + ". Check the endpoint/region keys and the network.", "08001", t);
    }
    if (t instanceof SdkClientException) {
      return new SQLException(operation + " failed: " + t.getMessage(), "HY000", t);
    }
    return new SQLException(operation + " failed: " + t, "HY000", t);
  }

  private static SQLException serviceError(AwsServiceException e, String operation) {
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    String awsMessage = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
    String detail = operation + " failed with " + code + " (HTTP " + e.statusCode() + ", request id "
        + e.requestId() + "): " + awsMessage;
    if (code == null) {
      return new SQLException(operation + " failed: the endpoint answered HTTP " + e.statusCode()
          + " without an AWS error (request id " + e.requestId() + "); it is probably not an SMS endpoint."
          + " Check the endpoint and region keys.", e.statusCode() >= 500 ? "08S01" : "HY000", e);
    }
    if (AUTH_CODES.contains(code)) {
      return new SQLInvalidAuthorizationSpecException(detail
          + ". Check the credentials (accessKeyId/secretAccessKey/sessionToken, profile or the default"
          + " credential chain) and their permissions.", "28000", e);
    }
    if (e.isThrottlingException() || e.statusCode() >= 500) {
      return new SQLTransientConnectionException(detail + ". The query was stopped; no partial result is"
          + " returned.", "08S01", e);
    }
    return new SQLException(detail, "HY000", e);
  }

  private static SQLException assumeRoleError(Throwable t, Throwable failure, String operation) {
    String detail = operation + " failed: " + failure.getMessage();
    if (isUnreachable(failure)) {
      return new SQLNonTransientConnectionException(detail + ". Cannot reach STS: check the stsEndpoint/region"
          + " keys and the network.", "08001", t);
    }
    if (failure.getCause() instanceof AwsServiceException e && (e.isThrottlingException() || e.statusCode() >= 500)) {
      return new SQLTransientConnectionException(detail + ". The query was stopped; no partial result is"
          + " returned.", "08S01", t);
    }
    return new SQLInvalidAuthorizationSpecException(detail + ". Check roleArn and externalId, and that the base"
        + " credentials (accessKeyId/secretAccessKey, profile or the default credential chain) may assume the"
        + " role.", "28000", t);
  }

  private static boolean isUnreachable(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ConnectException || c instanceof UnknownHostException
          || c instanceof NoRouteToHostException) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null) {
      c = c.getCause();
    }
    return c.toString();
  }

  /**
   * The last SQLException this thread threw through Calcite. Calcite sometimes rethrows a failure as
   * {@code new RuntimeException(message)}, which drops the exception with its SQLState and AWS cause;
   * {@link #recover} finds it again by its message.
   */
  private static final ThreadLocal<SQLException> THROWN = new ThreadLocal<>();

  /** The SQLException this thread threw that {@code wrapper} reports by message only, if any. */
  public static @Nullable SQLException recover(Throwable wrapper) {
    SQLException thrown = THROWN.get();
    if (thrown == null || thrown.getMessage() == null) {
      return null;
    }
    for (Throwable c = wrapper; c != null; c = c.getCause()) {
      if (c == thrown || c.getMessage() != null && c.getMessage().endsWith(thrown.getMessage())) {
        THROWN.remove();
        return thrown;
      }
    }
    return null;
  }

  /**
   * Throws a checked exception without declaring it. Calcite pulls rows through {@code Enumerator.moveNext()},
   * which cannot declare {@link SQLException}; thrown this way it reaches {@code ResultSet.next()} (which does
   * declare it) unwrapped, instead of as a bare RuntimeException.
   */
  public static RuntimeException sneakyThrow(Throwable t) {
    if (t instanceof SQLException e) {
      THROWN.set(e);
    }
    throw SmsErrors.<RuntimeException>sneaky(t);
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneaky(Throwable t) throws E {
    throw (E) t;
  }
}
