package dev.smsjdbc.aws;

import dev.smsjdbc.api.VisibleText;
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
 * message that names the operation, AWS's error code, HTTP status and request id. What the server or the
 * network sent is quoted {@linkplain VisibleText escaped}. The original exception is kept as the cause,
 * except when its text may hold a credential ({@link #headerValueRefused}).
 */
public final class ApiErrors {
  private ApiErrors() {}

  private static final String CHECK_CREDENTIALS = "Check the credentials (AWS_ACCESS_KEY_ID, AWS_SESSION_TOKEN,"
      + " the aws.* system properties, the profile) for a stray line break.";

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
      if (c instanceof BoundedHttpClient.UnsendableRequestException e) {
        return new ApiException(ApiException.Kind.AUTHENTICATION, operation + " failed: " + e.getMessage()
            + ". " + CHECK_CREDENTIALS, t);
      }
    }
    if (t instanceof AwsServiceException e) {
      return serviceError(e, operation);
    }
    ApiException header = headerValueRefused(t, operation);
    if (header != null) {
      return header;
    }
    if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException) {
      return new ApiException(ApiException.Kind.CALL_TIMEOUT,
          operation + " timed out (apiCallTimeout): " + VisibleText.of(t.getMessage()), t);
    }
    if (t instanceof SdkClientException && isUnreachable(t)) {
      return new ApiException(ApiException.Kind.UNREACHABLE, "Cannot reach the SMS endpoint for " + operation
          + ": " + VisibleText.of(rootMessage(t)) + ". Check the endpoint/region keys and the network.", t);
    }
    return new ApiException(ApiException.Kind.FAILED, operation + " failed: "
        + VisibleText.of(t instanceof SdkClientException ? t.getMessage() : t.toString()), t);
  }

  /**
   * What the credentials provider throws when assuming {@code roleArn} failed: the message names the role
   * and STS's error; unreachable STS, throttling or server errors keep their kind, anything else is
   * {@link ApiException.Kind#AUTHENTICATION}.
   */
  public static ApiException assumeRoleFailed(String roleArn, Throwable cause) {
    ApiException header = headerValueRefused(cause, VisibleText.of("sts:AssumeRole of role " + roleArn));
    if (header != null) {
      return header;
    }
    String reason = cause instanceof AwsServiceException e && e.awsErrorDetails() != null
        ? e.awsErrorDetails().errorCode() + " (HTTP " + e.statusCode() + ", request id " + e.requestId()
            + "): " + e.awsErrorDetails().errorMessage()
        : cause.getMessage();
    String detail = VisibleText.of("sts:AssumeRole of role " + roleArn + " failed: " + reason);
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
    String detail = VisibleText.of(operation + " failed with " + code + " (HTTP " + e.statusCode()
        + ", request id " + e.requestId() + "): " + awsMessage);
    if (code == null) {
      return new ApiException(e.statusCode() >= 500 ? ApiException.Kind.TRANSIENT : ApiException.Kind.FAILED,
          operation + " failed: the endpoint answered HTTP " + e.statusCode() + " without an AWS error"
          + " (request id " + VisibleText.of(e.requestId()) + "); it is probably not an SMS endpoint."
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

  /**
   * The JDK's HTTP client refuses a header value with a line break and puts the value in its message
   * ("Illegal character(s) in message header value: ..."). The driver's own clients never get there: their
   * requests are checked first ({@link BoundedHttpClient.UnsendableRequestException}). The STS and SSO clients
   * the SDK builds itself for role or SSO profiles use their own HTTP client, so for them the JDK's
   * IllegalArgumentException, which carries no other sign, is recognised by its text and left out, cause
   * included: the cause is a copy with the original's stack trace and no value.
   */
  private static @Nullable ApiException headerValueRefused(Throwable t, String operation) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof IllegalArgumentException && c.getMessage() != null
          && c.getMessage().startsWith("Illegal character(s) in message header")) {
        IllegalArgumentException scrubbed = new IllegalArgumentException(
            "Illegal character(s) in an HTTP request header (the value is not shown)");
        scrubbed.setStackTrace(c.getStackTrace());
        return new ApiException(ApiException.Kind.AUTHENTICATION, operation + " failed: a request header holds"
            + " a line break or another control character; its value is not shown, as it may be a credential. "
            + CHECK_CREDENTIALS, scrubbed);
      }
    }
    return null;
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
