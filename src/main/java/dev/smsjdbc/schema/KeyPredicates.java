package dev.smsjdbc.schema;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds, in a filter condition, a conjunct that pins the key column to a list of values: {@code key = 'x'},
 * {@code key = ?}, {@code key IN ('x', 'y')}, {@code key IN (?, ?)}, or an OR of such equalities. Pure
 * translation, apart from the planner: the values are literals or dynamic parameters, resolved when the
 * scan runs.
 */
public final class KeyPredicates {
  private KeyPredicates() {}

  /** A filter split into the key values it names and what is left to evaluate in Calcite. */
  public record Split(List<RexNode> keys, List<RexNode> remaining) {}

  /** Splits {@code condition} on the key at field {@code keyIndex}, or returns null if no conjunct names it. */
  public static @Nullable Split split(RexBuilder rexBuilder, RexNode condition, int keyIndex) {
    List<RexNode> conjuncts = RelOptUtil.conjunctions(condition);
    for (int i = 0; i < conjuncts.size(); i++) {
      List<RexNode> keys = keyValues(rexBuilder, conjuncts.get(i), keyIndex);
      if (keys != null) {
        List<RexNode> remaining = new ArrayList<>(conjuncts);
        remaining.remove(i);
        return new Split(keys, remaining);
      }
    }
    return null;
  }

  /** The values of a disjunction of {@code key = value} terms, or null if the conjunct is anything else. */
  static @Nullable List<RexNode> keyValues(RexBuilder rexBuilder, RexNode conjunct, int keyIndex) {
    RexNode expanded = RexUtil.expandSearch(rexBuilder, null, conjunct);
    List<RexNode> values = new ArrayList<>();
    for (RexNode term : RelOptUtil.disjunctions(expanded)) {
      RexNode value = equalityValue(term, keyIndex);
      if (value == null) {
        return null;
      }
      values.add(value);
    }
    return values.isEmpty() ? null : values;
  }

  private static @Nullable RexNode equalityValue(RexNode term, int keyIndex) {
    if (term.getKind() != SqlKind.EQUALS) {
      return null;
    }
    List<RexNode> operands = ((RexCall) term).getOperands();
    RexNode left = RexUtil.removeCast(operands.get(0));
    RexNode right = RexUtil.removeCast(operands.get(1));
    if (isKey(left, keyIndex) && isValue(right)) {
      return right;
    }
    if (isKey(right, keyIndex) && isValue(left)) {
      return left;
    }
    return null;
  }

  private static boolean isKey(RexNode node, int keyIndex) {
    return node instanceof RexInputRef ref && ref.getIndex() == keyIndex;
  }

  private static boolean isValue(RexNode node) {
    return node instanceof RexLiteral || node instanceof RexDynamicParam;
  }
}
