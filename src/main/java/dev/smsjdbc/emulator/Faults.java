package dev.smsjdbc.emulator;

import dev.smsjdbc.api.SmsOperation;

import java.time.Duration;
import java.util.Objects;

/**
 * Fault injection for an emulator, changeable while it serves requests.
 *
 * <p>Faults apply to the "matching" requests: all of them, or only those of the operation given to
 * {@link #onlyFor(SmsOperation)}. Latency applies to every matching request before anything else;
 * throttling and failures apply to authenticated requests for operations the emulator serves.
 * Throttling wins over a failure. Requests to the emulator's STS ({@code AssumeRole}) are never
 * faulted. All methods are thread-safe and return {@code this} for chaining,
 * e.g. {@code emulator.faults().onlyFor(SmsOperation.GET_REPLICATION_RUNS).throttleFirst(2)}.
 */
public final class Faults {
  private Duration latency = Duration.ZERO;
  private int throttleRemaining;
  /** Successes still allowed before failures start; -1 when no failure is armed. */
  private int successesBeforeFailure = -1;
  private int failureStatus;
  private String onlyFor;
  private String onlyForRegion;
  private Corruption corruption;

  /** Ways a successful answer can be damaged, to test what a client makes of a broken endpoint. */
  public enum Corruption {
    /** The JSON body cut off in the middle. */
    TRUNCATED,
    /** Valid JSON whose lists are strings, as if the server spoke another version of the API. */
    WRONG_TYPES,
    /** An HTML page, as a proxy or a wrong endpoint would send. */
    NOT_JSON
  }

  Faults() {
  }

  /** Delays every matching request by {@code d} before it is handled. */
  public synchronized Faults latency(Duration d) {
    Objects.requireNonNull(d, "d");
    if (d.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + d);
    }
    latency = d;
    return this;
  }

  /** The next {@code n} matching requests get ThrottlingException (400, "Rate exceeded"). */
  public synchronized Faults throttleFirst(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
    throttleRemaining = n;
    return this;
  }

  /**
   * After {@code successes} further successful matching requests, every matching request fails with
   * {@code httpStatus}: 503 answers {@code ServiceUnavailable}, any other 5xx {@code
   * InternalError}.
   */
  public synchronized Faults failAfter(int successes, int httpStatus) {
    if (successes < 0) {
      throw new IllegalArgumentException("successes must not be negative: " + successes);
    }
    if (httpStatus < 500 || httpStatus > 599) {
      throw new IllegalArgumentException("httpStatus must be a 5xx status: " + httpStatus);
    }
    successesBeforeFailure = successes;
    failureStatus = httpStatus;
    return this;
  }

  /** Damages every successful matching answer in the given way; null = answers are intact. */
  public synchronized Faults corruptResponses(Corruption c) {
    corruption = c;
    return this;
  }

  /**
   * Restricts throttling and failures to requests signed for one Region (the Region of the SigV4
   * credential scope), e.g. to test a multi-Region client whose one Region fails; null = all.
   */
  public synchronized Faults onlyForRegion(String region) {
    onlyForRegion = region;
    return this;
  }

  /** Restricts all faults to one operation; null = all. */
  public synchronized Faults onlyFor(SmsOperation operation) {
    return onlyFor(operation == null ? null : operation.wireName());
  }

  /**
   * Restricts all faults to the operation of this wire name ({@link SmsOperation#wireName()}), e.g.
   * {@code "GetReplicationJobs"}; null = all.
   */
  public synchronized Faults onlyFor(String operation) {
    onlyFor = operation;
    return this;
  }

  /** Removes every fault. */
  public synchronized Faults clear() {
    latency = Duration.ZERO;
    throttleRemaining = 0;
    successesBeforeFailure = -1;
    failureStatus = 0;
    onlyFor = null;
    onlyForRegion = null;
    corruption = null;
    return this;
  }

  private boolean matches(String operation) {
    return onlyFor == null || onlyFor.equals(operation);
  }

  /** The delay for a request to {@code operation}. */
  synchronized Duration latencyFor(String operation) {
    return matches(operation) ? latency : Duration.ZERO;
  }

  /** The error an authenticated request to {@code operation} gets instead of an answer, or null. */
  synchronized ApiError errorFor(String operation) {
    return errorFor(operation, null);
  }

  /** The same, for a request signed for {@code region}. */
  synchronized ApiError errorFor(String operation, String region) {
    if (!matches(operation) || onlyForRegion != null && !onlyForRegion.equals(region)) {
      return null;
    }
    if (throttleRemaining > 0) {
      throttleRemaining--;
      return ApiError.throttling();
    }
    if (successesBeforeFailure == 0) {
      return ApiError.serverFault(failureStatus);
    }
    return null;
  }

  /** How a successful answer to {@code operation} is to be damaged, or null. */
  synchronized Corruption corruptionFor(String operation) {
    return matches(operation) ? corruption : null;
  }

  /** Counts a successful request towards {@link #failAfter(int, int)}. */
  synchronized void succeeded(String operation) {
    if (matches(operation) && successesBeforeFailure > 0) {
      successesBeforeFailure--;
    }
  }
}
