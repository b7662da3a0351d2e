package dev.smsjdbc.schema;

import com.google.common.collect.ImmutableList;
import dev.smsjdbc.aws.ScanRequest;
import org.apache.calcite.DataContext;
import org.apache.calcite.rel.hint.RelHint;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the planner pushed into one {@link SmsTableScan}, as one immutable value: the key values, the
 * Regions, the row limit and the cache mode. The scan stashes it once in the generated code, and each
 * execution {@linkplain #resolve resolves} it once into the {@link ScanRequest} the API side reads.
 *
 * <p>Keys and Regions are expressions: literals or {@code ?} parameters today; keys produced at run time by
 * the other side of a join are the next kind, and {@link #resolve} is the one place that will read them.
 *
 * @param keys the key column's values, or null when the scan reads every item
 * @param regions the {@code region} column's values, or null for every Region of the connection
 * @param fetch the row limit (a literal or {@code ?}), or null for none
 * @param noCache whether the statement asked not to be answered from the cache ({@code /*+ no_cache *}{@code /})
 */
public record ScanSpec(@Nullable ImmutableList<RexNode> keys, @Nullable ImmutableList<RexNode> regions,
    @Nullable RexNode fetch, boolean noCache) {

  /** A scan of everything, before any rule ran. */
  static final ScanSpec ALL = new ScanSpec(null, null, null, false);

  ScanSpec withFilter(@Nullable List<RexNode> keys, @Nullable List<RexNode> regions) {
    return new ScanSpec(keys == null ? null : ImmutableList.copyOf(keys),
        regions == null ? null : ImmutableList.copyOf(regions), fetch, noCache);
  }

  ScanSpec withFetch(RexNode fetch) {
    return new ScanSpec(keys, regions, fetch, noCache);
  }

  /** The spec with the cache mode the statement's hints ask for. */
  ScanSpec withHints(List<RelHint> hints) {
    return new ScanSpec(keys, regions, fetch, SmsHints.noCache(hints));
  }

  /** Whether a filter was pushed: the rule that does it runs once per scan. */
  boolean filtered() {
    return keys != null || regions != null;
  }

  boolean keyed() {
    return keys != null;
  }

  int keyCount() {
    return keys == null ? 0 : keys.size();
  }

  /** The row limit if it is a literal, else -1 (none, or a parameter not bound yet). */
  long fetchLiteral() {
    Long n = fetch instanceof RexLiteral literal ? literal.getValueAs(Long.class) : null;
    return n == null ? -1 : n;
  }

  /** The values this execution reads, with the statement's parameters bound. */
  public ScanRequest resolve(DataContext root) {
    Object limit = fetch == null ? null : value(root, fetch);
    return new ScanRequest(keys == null ? null : strings(root, keys), regions == null ? null : strings(root, regions),
        limit instanceof Number n ? n.longValue() : -1, !noCache);
  }

  /**
   * Distinct values, in the order written. A NULL or empty value matches nothing and costs no call: SMS ids
   * are never empty (the connect-time warm-up relies on this to plan and run real queries offline).
   */
  private static List<String> strings(DataContext root, List<RexNode> nodes) {
    Set<String> values = new LinkedHashSet<>();
    for (RexNode node : nodes) {
      Object value = value(root, node);
      if (value != null && !value.toString().isEmpty()) {
        values.add(value.toString());
      }
    }
    return new ArrayList<>(values);
  }

  private static @Nullable Object value(DataContext root, RexNode node) {
    if (node instanceof RexDynamicParam param) {
      return root.get("?" + param.getIndex());
    }
    return ((RexLiteral) node).getValue2();
  }

  /** Values as a user wrote them, for EXPLAIN: {@code 'sms-job-1'} or {@code ?0}, without type and charset. */
  static List<String> shown(List<RexNode> values) {
    return values.stream().map(v -> v instanceof RexLiteral literal
        ? "'" + literal.getValueAs(String.class) + "'" : v.toString()).toList();
  }
}
