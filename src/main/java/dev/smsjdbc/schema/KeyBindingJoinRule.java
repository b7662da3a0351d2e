package dev.smsjdbc.schema;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.mapping.IntPair;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Offers a {@link KeyBindingJoin} for a join whose right side reads an SMS table by its key column, with the
 * key equal to a column of the left side: {@code jobs JOIN runs ON r.replication_job_id = j.replication_job_id},
 * the join that {@code IN (SELECT ...)} and {@code EXISTS} become, {@code servers JOIN jobs}. Only
 * {@code key = $corN.leftKey} is put on the right side, so the scan takes it as its keys; the join still
 * checks its whole condition on every pair. Adapted from Calcite's EnumerableBatchNestedLoopJoinRule, which
 * offers the batch join for every join and costs it in rows.
 */
final class KeyBindingJoinRule extends RelRule<RuleConfig> {
  /**
   * Left rows per batch: four rounds of the default {@code maxConcurrency} of 8. The generated code, and so the
   * planning of each new statement, grows with it: measured, about 60 ms more per join at 32 and 190 ms at
   * Calcite's default of 100 (64 KB of code fails near 2000).
   */
  static final int BATCH_SIZE = 32;

  KeyBindingJoinRule(RuleConfig config) {
    super(config);
  }

  /**
   * The join types Calcite's batch join implements. Whether a key reaches a scan is decided in onMatch: it
   * depends on the planner's subsets, which change between the queueing of a match and its firing, and
   * Volcano asserts that a match still matches when it fires.
   */
  @Override public boolean matches(RelOptRuleCall call) {
    LogicalJoin join = call.rel(0);
    return switch (join.getJoinType()) {
      case INNER, LEFT, SEMI, ANTI -> true;
      default -> false;
    };
  }

  @Override public void onMatch(RelOptRuleCall call) {
    LogicalJoin join = call.rel(0);
    IntPair key = boundKey(join);
    SmsTableScan scan = key == null ? null : keyScan(join.getRight(), key.target, 0);
    if (scan == null) {
      return;
    }
    RelOptCluster cluster = join.getCluster();
    RexBuilder rexBuilder = cluster.getRexBuilder();
    RelBuilder builder = call.builder().push(join.getRight());
    RexNode rightKey = builder.field(key.target);
    Set<CorrelationId> variables = new LinkedHashSet<>();
    List<RexNode> equalities = new ArrayList<>();
    for (int i = 0; i < BATCH_SIZE; i++) {
      CorrelationId id = cluster.createCorrel();
      variables.add(id);
      equalities.add(builder.equals(rightKey,
          rexBuilder.makeFieldAccess(rexBuilder.makeCorrel(join.getLeft().getRowType(), id), key.source)));
    }
    RelNode right = builder.filter(builder.or(equalities)).build();
    call.transformTo(KeyBindingJoin.create(
        convert(join.getLeft(), join.getLeft().getTraitSet().replace(EnumerableConvention.INSTANCE)),
        convert(right, right.getTraitSet().replace(EnumerableConvention.INSTANCE)),
        join.getCondition(), variables, join.getJoinType(), key.source, scan.callsPerKey()));
  }

  /** The first equi-join pair (left field, right field) whose right field is an SMS table's key, or null. */
  private static @Nullable IntPair boundKey(LogicalJoin join) {
    for (IntPair pair : join.analyzeCondition().pairs()) {
      if (keyScan(join.getRight(), pair.target, 0) != null) {
        return pair;
      }
    }
    return null;
  }

  /**
   * The scan whose key column field {@code field} of {@code rel} is, passed through unchanged, if the scan has
   * no keys yet. Walked by hand: Calcite's column-origin metadata sees nothing below a {@link RelSubset}.
   */
  private static @Nullable SmsTableScan keyScan(RelNode rel, int field, int depth) {
    if (depth > 12) {
      return null;
    }
    if (rel instanceof RelSubset subset) {
      return keyScan(subset.getBestOrOriginal(), field, depth + 1);
    }
    if (rel instanceof SmsTableScan scan) {
      return !scan.spec.keyed() && field == scan.smsTable.definition().keyIndex() ? scan : null;
    }
    if (rel instanceof Filter filter) {
      return keyScan(filter.getInput(), field, depth + 1);
    }
    if (rel instanceof Project project) {
      return project.getProjects().get(field) instanceof RexInputRef ref
          ? keyScan(project.getInput(), ref.getIndex(), depth + 1) : null;
    }
    if (rel instanceof Calc calc) {
      RexProgram program = calc.getProgram();
      return program.expandLocalRef(program.getProjectList().get(field)) instanceof RexInputRef ref
          ? keyScan(calc.getInput(), ref.getIndex(), depth + 1) : null;
    }
    if (rel instanceof Aggregate aggregate && aggregate.getGroupType() == Aggregate.Group.SIMPLE
        && field < aggregate.getGroupCount()) {
      return keyScan(aggregate.getInput(), aggregate.getGroupSet().nth(field), depth + 1);
    }
    return null;
  }
}
