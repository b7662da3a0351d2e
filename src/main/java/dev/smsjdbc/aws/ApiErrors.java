package dev.smsjdbc.aws;

import org.checkerframework.checker.nullness.qual.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Set;

/**
 * Classifies what the SDK throws into an {@link ApiException} of the right {@link ApiException.Kind}, with a
 * message that names the operation, AWS's error code, HTTP status and request id. The original exception
 * is always kept as the cause.
 */
public final class ApiErrors {
  private ApiErrors() {}

  /** Error codes with which AWS refuses the caller's identity or permissions. */
  private static final Set<String> AUTH_CODES = Set.of(
      "UnrecognizedClientException", "InvalidSignatureException", "SignatureDoesNotMatch",
      "IncompleteSignature", "MissingAuthenticationTokenException", "MissingAuthenticationToken",
      "InvalidClientTokenId", "ExpiredTokenException", "ExpiredToken", "AccessDeniedException",
      "UnauthorizedOperationException", "UnauthorizedOperation");

  /** A failure of {@code operation} (an SMS call, or "Region x"); an ApiException in the chain keeps its kind. */
  public static ApiException classify(Throwable t, String operation) {
    if (t instanceof ApiException e) {
      return e;
    }
    for (Throwable c = t.getCause(); c != null; c = c.getCause()) {
      if (c instanceof ApiException e) {
        // e.g. AssumeRole failing inside the SDK's credential resolution
        return new ApiException(e.kind(), operation + " failed: " + e.getMessage(), t);
      }
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof AnswerCheck.InvalidAnswerException e) {
        return new ApiException(ApiException.Kind.INVALID_ANSWER, e.getMessage(), t);
      }
    }
    if (t instanceof AwsServiceException e) {
      return serviceError(e, operation);
    }
    if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException) {
      return new ApiException(ApiException.Kind.CALL_TIMEOUT,
          operation + " timed out (apiCallTimeout): " + t.getMessage(), t);
    }
    if (t instanceof SdkClientException && isUnreachable(t)) {
      return new ApiException(ApiException.Kind.UNREACHABLE, "Cannot reach the SMS endpoint for " + operation
          + ": " + rootMessage(t) + ". Check the endpoint/region keys and the network.", t);
    }
    return new ApiException(ApiException.Kind.FAILED, operation + " failed: "
        + (t instanceof SdkClientException ? t.getMessage() : t.toString()), t);
  }

  /**
   * What the credentials provider throws when assuming {@code roleArn} failed: the message names the role
   * and STS's error; unreachable STS, throttling or server errors keep their kind, anything else is
   * {@link ApiException.Kind#AUTHENTICATION}.
   */
  public static ApiException assumeRoleFailed(String roleArn, Throwable cause) {
    String reason = cause instanceof AwsServiceException e && e.awsErrorDetails() != null
        ? e.awsErrorDetails().errorCode() + " (HTTP " + e.statusCode() + ", request id " + e.requestId()
            + "): " + e.awsErrorDetails().errorMessage()
        : cause.getMessage();
    String detail = "sts:AssumeRole of role " + roleArn + " failed: " + reason;
    if (isUnreachable(cause)) {
      return new ApiException(ApiException.Kind.UNREACHABLE,
          detail + ". Cannot reach STS: check the stsEndpoint/region keys and the network.", cause);
    }
    if (cause instanceof AwsServiceException e && (e.isThrottlingException() || e.statusCode() >= 500)) {
      return new ApiException(ApiException.Kind.TRANSIENT,
          detail + ". The query was stopped; no partial result is returned.", cause);
    }
    return new ApiException(ApiException.Kind.AUTHENTICATION, detail + ". Check roleArn and externalId, and"
        + " that the base credentials (accessKeyId/secretAccessKey, profile or the default credential chain)"
        + " may assume the role.", cause);
  }

  private static ApiException serviceError(AwsServiceException e, String operation) {
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    String awsMessage = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
    String detail = operation + " failed with " + code + " (HTTP " + e.statusCode() + ", request id "
        + e.requestId() + "): " + awsMessage;
    if (code == null) {
      return new ApiException(e.statusCode() >= 500 ? ApiException.Kind.TRANSIENT : ApiException.Kind.FAILED,
          operation + " failed: the endpoint answered HTTP " + e.statusCode() + " without an AWS error"
          + " (request id " + e.requestId() + "); it is probably not an SMS endpoint."
          + " Check the endpoint and region keys.", e);
    }
    if (AUTH_CODES.contains(code)) {
      return new ApiException(ApiException.Kind.AUTHENTICATION, detail
          + ". Check the credentials (accessKeyId/secretAccessKey/sessionToken, profile or the default"
          + " credential chain) and their permissions.", e);
    }
    if (e.isThrottlingException() || e.statusCode() >= 500) {
      return new ApiException(ApiException.Kind.TRANSIENT, detail + ". The query was stopped; no partial"
          + " result is returned.", e);
    }
    return new ApiException(ApiException.Kind.FAILED, detail, e);
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
}
