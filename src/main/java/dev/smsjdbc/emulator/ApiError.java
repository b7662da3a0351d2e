package dev.smsjdbc.emulator;

/**
 * An error the emulator answers with, in AWS JSON 1.1 form: the error code goes to the
 * {@code __type} member and the {@code x-amzn-ErrorType} header, the message to {@code message}.
 *
 * <p>The factory methods name the codes that SMS (or the AWS front end before it) uses, with the
 * HTTP status that goes with each.
 */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String type;
  private final int status;

  ApiError(String type, int status, String message) {
    super(message, null, false, false); // control flow, not a bug: no stack trace needed
    this.type = type;
    this.status = status;
  }

  /** The error code, e.g. {@code InvalidParameterException}. */
  String type() {
    return type;
  }

  /** The HTTP status code. */
  int status() {
    return status;
  }

  static ApiError invalidParameter(String message) {
    return new ApiError("InvalidParameterException", 400, message);
  }

  static ApiError missingRequiredParameter(String message) {
    return new ApiError("MissingRequiredParameterException", 400, message);
  }

  static ApiError unknownOperation(String message) {
    return new ApiError("UnknownOperationException", 400, message);
  }

  static ApiError serialization(String message) {
    return new ApiError("SerializationException", 400, message);
  }

  static ApiError throttling() {
    return new ApiError("ThrottlingException", 400, "Rate exceeded");
  }

  static ApiError internalError(String message) {
    return new ApiError("InternalError", 500, message);
  }

  /** A server fault with a 5xx status: 503 is ServiceUnavailable, the others InternalError. */
  static ApiError serverFault(int status) {
    return status == 503
        ? new ApiError("ServiceUnavailable", 503, "Service Unavailable")
        : new ApiError("InternalError", status, "An internal error occurred.");
  }

  static ApiError missingAuthenticationToken() {
    return new ApiError("MissingAuthenticationTokenException", 403, "Missing Authentication Token");
  }

  static ApiError incompleteSignature(String message) {
    return new ApiError("IncompleteSignatureException", 400, message);
  }

  static ApiError unrecognizedClient() {
    return new ApiError("UnrecognizedClientException", 400,
        "The security token included in the request is invalid.");
  }

  static ApiError expiredToken() {
    return new ApiError("ExpiredTokenException", 400,
        "The security token included in the request is expired");
  }

  static ApiError invalidSignature(String message) {
    return new ApiError("InvalidSignatureException", 403, message);
  }
}
