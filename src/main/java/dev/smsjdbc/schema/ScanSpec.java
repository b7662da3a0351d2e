package dev.smsjdbc.schema;

import com.google.common.collect.ImmutableList;
import dev.smsjdbc.aws.ScanRequest;
import org.apache.calcite.DataContext;
import org.apache.calcite.rel.hint.RelHint;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Everything the planner pushed into one {@link SmsTableScan}, as one immutable value: the key values, the
 * Regions, the row limit and the cache mode. The scan stashes it once in the generated code, and each
 * execution {@linkplain #resolve resolves} it once into the {@link ScanRequest} the API side reads.
 *
 * <p>Keys and Regions are expressions: literals, {@code ?} parameters, or fields of a correlation variable
 * ({@code $cor7.replication_job_id}) that a {@link KeyBindingJoin} binds to the keys of a batch of its
 * left rows at run time. {@link #resolve} is the one place that reads them.
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

  /** Whether some keys are bound at run time by a {@link KeyBindingJoin}: fields of correlation variables. */
  boolean bound() {
    return keys != null && keys.stream().anyMatch(ScanSpec::isBound);
  }

  /** The keys a join binds, in order: the generated code evaluates them and hands their values to resolve. */
  List<RexNode> boundKeys() {
    return keys == null ? List.of() : keys.stream().filter(ScanSpec::isBound).toList();
  }

  static boolean isBound(RexNode key) {
    return key instanceof RexFieldAccess access && access.getReferenceExpr() instanceof RexCorrelVariable;
  }

  /**
   * The values this execution reads, with the statement's parameters bound.
   *
   * @param boundValues the values of {@link #boundKeys()}, in order, for the batch of join rows being read
   */
  public ScanRequest resolve(DataContext root, List<?> boundValues) {
    Object limit = fetch == null ? null : value(root, fetch, null);
    Iterator<?> bound = boundValues.iterator();
    return new ScanRequest(keys == null ? null : strings(root, keys, bound),
        regions == null ? null : strings(root, regions, bound), limit instanceof Number n ? n.longValue() : -1);
  }

  /**
   * Distinct values, in the order written. A NULL or empty value matches nothing and costs no call: SMS ids
   * are never empty (the connect-time warm-up relies on this to plan and run real queries offline), and a
   * join's NULL key never matches.
   */
  private static List<String> strings(DataContext root, List<RexNode> nodes, Iterator<?> bound) {
    Set<String> values = new LinkedHashSet<>();
    for (RexNode node : nodes) {
      Object value = value(root, node, bound);
      if (value != null && !value.toString().isEmpty()) {
        values.add(value.toString());
      }
    }
    return new ArrayList<>(values);
  }

  private static @Nullable Object value(DataContext root, RexNode node, @Nullable Iterator<?> bound) {
    if (node instanceof RexDynamicParam param) {
      return root.get("?" + param.getIndex());
    }
    if (isBound(node)) {
      return requireNonNull(bound, "bound").next();
    }
    return ((RexLiteral) node).getValue2();
  }

  /**
   * Values as a user wrote them, for EXPLAIN: {@code 'sms-job-1'} or {@code ?0}, without type and charset.
   * The keys of a join's batch show as one range, {@code $cor0..$cor99.replication_job_id}: the range names
   * every variable (a rule firing creates them in sequence), so scans bound to different ones stay apart.
   */
  static List<String> shown(List<RexNode> values) {
    if (values.size() > 1 && values.stream().allMatch(ScanSpec::isBound)) {
      RexFieldAccess first = (RexFieldAccess) values.get(0);
      RexFieldAccess last = (RexFieldAccess) values.get(values.size() - 1);
      return List.of(first.getReferenceExpr() + ".." + last.getReferenceExpr() + "." + first.getField().getName());
    }
    return values.stream().map(v -> v instanceof RexLiteral literal
        ? "'" + literal.getValueAs(String.class) + "'" : v.toString()).toList();
  }
}
