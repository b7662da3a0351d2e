package dev.smsjdbc.aws;

/**
 * A failure of the SMS side of a query, typed where it happens: the {@link Kind} says what went wrong, the
 * message names the operation and AWS's own words, the cause is the SDK's exception. It is unchecked so
 * that it travels unchanged through Calcite's enumerators; the JDBC layer turns it into an SQLException by
 * its kind, never by its text.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, as far as a caller can act on it. */
  public enum Kind {
    /** AWS refused the caller's identity or permissions (or AssumeRole failed for that reason). */
    AUTHENTICATION,
    /** The connection's settings cannot work, e.g. no Region given anywhere. */
    CONFIGURATION,
    /** The endpoint (or STS) could not be reached at all. */
    UNREACHABLE,
    /** Throttled or a server error after the retries: trying later may work. */
    TRANSIENT,
    /** One API call, retries included, took longer than {@code apiCallTimeout}. */
    CALL_TIMEOUT,
    /** The statement's query timeout passed. */
    QUERY_TIMEOUT,
    /** The statement was cancelled (or its scan closed). */
    CANCELLED,
    /** The statement would exceed {@code maxApiCalls}. */
    CALL_BUDGET,
    /**
     * The endpoint answered what the API model does not allow: a value of the wrong type or range, an item
     * without its id, an item twice in one listing. Asking again would not help.
     */
    INVALID_ANSWER,
    /** Anything else: a malformed answer, an unexpected AWS error, a non-SMS endpoint. */
    FAILED;

    /** Whether this ends the whole statement rather than one Region's part of it. */
    public boolean stopsStatement() {
      return this == QUERY_TIMEOUT || this == CANCELLED || this == CALL_BUDGET;
    }
  }

  private final Kind kind;

  public ApiException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public ApiException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** The same failure, its message prefixed with where it happened (e.g. a Region). */
  public ApiException in(String where) {
    return new ApiException(kind, where + ": " + getMessage(), this);
  }

  static ApiException cancelled() {
    return new ApiException(Kind.CANCELLED, "Statement canceled");
  }

  static ApiException queryTimedOut(long timeoutMillis) {
    return new ApiException(Kind.QUERY_TIMEOUT, "Query timed out after " + timeoutMillis + " ms (query timeout)");
  }
}
