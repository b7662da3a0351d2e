package dev.smsjdbc.schema;

import org.apache.calcite.rel.hint.HintPredicates;
import org.apache.calcite.rel.hint.HintStrategyTable;
import org.apache.calcite.rel.hint.RelHint;

import java.util.List;

/**
 * The SQL hints the driver understands. {@code /*+ no_cache *}{@code /} after SELECT (or after a table name)
 * makes every scan of the statement ask AWS instead of the shared response cache ({@code cacheTtl}).
 * Calcite propagates a query's hints to its table scans; unknown hints are ignored, as Calcite does.
 */
public final class SmsHints {
  private SmsHints() {}

  public static final String NO_CACHE = "no_cache";

  /** For the SQL-to-relational converter: which nodes each hint reaches. */
  public static final HintStrategyTable STRATEGIES = HintStrategyTable.builder()
      .hintStrategy(NO_CACHE, HintPredicates.TABLE_SCAN)
      .build();

  static boolean noCache(List<RelHint> hints) {
    return hints.stream().anyMatch(h -> h.hintName.equalsIgnoreCase(NO_CACHE));
  }
}
