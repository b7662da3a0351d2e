package dev.smsjdbc.bench;

import java.util.Locale;

/**
 * A target of the driver: a metric, a comparison and a threshold, checked against the value measured in
 * this run ({@link #check}). The targets themselves are in {@link Targets}.
 */
record Target(String name, Metric metric, Comparison comparison, double threshold) {

  /** What is measured, and how its values are written. */
  enum Metric {
    API_CALLS("API calls", "%.0f"),
    RATIO_TO_MINIMUM("wall time / theoretical minimum", "%.2f ×"),
    RATIO_TO_SDK("wall time / SDK loop", "%.2f ×"),
    SPEEDUP_OVER_CLI("AWS CLI + jq time / driver time", "%.0f ×"),
    ROWS("rows read", "%,.0f"),
    FIRST_ROW_MS("JVM start → first row", "%.0f ms"),
    CPU_ABOVE_CALLS("CPU per statement above its API call", "%.2f ms"),
    SPEEDUP_OF_CACHE("statements / s, plan cache on / off", "%.1f ×");

    final String label;
    private final String format;

    Metric(String label, String format) {
      this.label = label;
      this.format = format;
    }

    String format(double value) {
      return String.format(Locale.ROOT, format, value);
    }
  }

  enum Comparison {
    AT_MOST("≤"), AT_LEAST("≥"), EQUAL("=");

    final String symbol;

    Comparison(String symbol) {
      this.symbol = symbol;
    }

    boolean holds(double measured, double threshold) {
      return switch (this) {
        case AT_MOST -> measured <= threshold;
        case AT_LEAST -> measured >= threshold;
        case EQUAL -> Math.abs(measured - threshold) < 1e-9;
      };
    }
  }

  /** The target checked against one measured value; {@code where} says at what (e.g. "40 ms per call"). */
  record Verdict(Target target, String where, double measured, boolean met) {
    String result() {
      return met ? "met" : "**missed**";
    }
  }

  Verdict check(String where, double measured) {
    return new Verdict(this, where, measured, comparison.holds(measured, threshold));
  }

  /** The requirement, e.g. "≤ 1.10 ×". */
  String required() {
    return comparison.symbol + " " + metric.format(threshold);
  }
}
