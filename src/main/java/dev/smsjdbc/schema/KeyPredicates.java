package dev.smsjdbc.schema;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
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

  /**
   * A filter split into the values it names for the key and the region columns (null where it names
   * none) and what is left to evaluate in Calcite.
   */
  public record Split(@Nullable List<RexNode> keys, @Nullable List<RexNode> regions, List<RexNode> remaining) {}

  /**
   * Splits {@code condition} on the key at field {@code keyIndex} (-1 for none) and the region at
   * {@code regionIndex}, or returns null if no conjunct names either.
   */
  public static @Nullable Split split(RexBuilder rexBuilder, RexNode condition, int keyIndex, int regionIndex) {
    List<RexNode> remaining = new ArrayList<>(RelOptUtil.conjunctions(condition));
    List<RexNode> keys = keyIndex < 0 ? null : take(rexBuilder, remaining, keyIndex);
    List<RexNode> regions = take(rexBuilder, remaining, regionIndex);
    return keys == null && regions == null ? null : new Split(keys, regions, remaining);
  }

  /** Removes from {@code conjuncts} the first that pins field {@code index}, and returns its values. */
  private static @Nullable List<RexNode> take(RexBuilder rexBuilder, List<RexNode> conjuncts, int index) {
    for (int i = 0; i < conjuncts.size(); i++) {
      List<RexNode> values = keyValues(rexBuilder, conjuncts.get(i), index);
      if (values != null) {
        conjuncts.remove(i);
        return values;
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
    RexNode left = withoutLosslessCast(operands.get(0));
    RexNode right = withoutLosslessCast(operands.get(1));
    if (isKey(left, keyIndex) && isValue(right)) {
      return right;
    }
    if (isKey(right, keyIndex) && isValue(left)) {
      return left;
    }
    return null;
  }

  /**
   * The operand of a cast that cannot change what equals what: character to VARCHAR long enough for every
   * value. A cast that truncates ({@code VARCHAR(7)}) or pads ({@code CHAR(40)}) is kept, so the predicate
   * is not pushed: the API would be asked for other ids than those the predicate matches.
   */
  private static RexNode withoutLosslessCast(RexNode node) {
    while (node.getKind() == SqlKind.CAST && isLossless((RexCall) node)) {
      node = ((RexCall) node).getOperands().get(0);
    }
    return node;
  }

  private static boolean isLossless(RexCall cast) {
    RelDataType to = cast.getType();
    RelDataType from = cast.getOperands().get(0).getType();
    if (to.getSqlTypeName() != SqlTypeName.VARCHAR || !SqlTypeUtil.inCharFamily(from)) {
      return false;
    }
    int toPrecision = to.getPrecision();
    int fromPrecision = from.getPrecision();
    return toPrecision == RelDataType.PRECISION_NOT_SPECIFIED
        || fromPrecision != RelDataType.PRECISION_NOT_SPECIFIED && toPrecision >= fromPrecision;
  }

  private static boolean isKey(RexNode node, int keyIndex) {
    return node instanceof RexInputRef ref && ref.getIndex() == keyIndex;
  }

  private static boolean isValue(RexNode node) {
    return node instanceof RexLiteral || node instanceof RexDynamicParam;
  }
}
