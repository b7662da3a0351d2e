package dev.smsjdbc.schema;

import org.apache.calcite.adapter.enumerable.EnumerableBatchNestedLoopJoin;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.RelMdCollation;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;
import java.util.Set;

/**
 * A join whose right side is an SMS table read by key, with the keys taken from its left rows at run time:
 * Calcite's batch nested-loop join, which binds a batch of left rows to correlation variables and reads the
 * right side once per batch, through a scan whose keys are those variables' join-key fields
 * ({@link ScanSpec#bound()}). Code generation is Calcite's; only the cost differs: it counts the API calls,
 * one lookup per distinct left key (a statement reads each page once, so a key repeated in a later batch
 * costs nothing), so that the planner binds keys only when that is cheaper than listing the right table.
 */
public final class KeyBindingJoin extends EnumerableBatchNestedLoopJoin {
  private final int leftKey;
  private final double callsPerKey;

  private KeyBindingJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right,
      RexNode condition, Set<CorrelationId> variables, JoinRelType joinType, int leftKey, double callsPerKey) {
    super(cluster, traits, left, right, condition, variables, ImmutableBitSet.of(leftKey), joinType);
    this.leftKey = leftKey;
    this.callsPerKey = callsPerKey;
  }

  /**
   * @param leftKey the field of the left rows whose values become the right scan's keys
   * @param callsPerKey the API calls of one key's lookup (one per Region read)
   */
  static KeyBindingJoin create(RelNode left, RelNode right, RexNode condition, Set<CorrelationId> variables,
      JoinRelType joinType, int leftKey, double callsPerKey) {
    RelOptCluster cluster = left.getCluster();
    RelMetadataQuery mq = cluster.getMetadataQuery();
    RelTraitSet traits = cluster.traitSetOf(EnumerableConvention.INSTANCE).replaceIfs(
        RelCollationTraitDef.INSTANCE, () -> RelMdCollation.enumerableBatchNestedLoopJoin(mq, left, right,
            joinType));
    return new KeyBindingJoin(cluster, traits, left, right, condition, variables, joinType, leftKey, callsPerKey);
  }

  @Override public KeyBindingJoin copy(RelTraitSet traitSet, RexNode condition, RelNode left, RelNode right,
      JoinRelType joinType, boolean semiJoinDone) {
    return new KeyBindingJoin(getCluster(), traitSet, left, right, condition, variablesSet, joinType, leftKey,
        callsPerKey);
  }

  /** The API calls of the right side: one lookup per distinct key of the left rows, at most one per row. */
  double estimatedCalls(RelMetadataQuery mq) {
    double outer = mq.getRowCount(left);
    Double distinct = mq.getDistinctRowCount(left, ImmutableBitSet.of(leftKey), null);
    return callsPerKey * (distinct == null ? outer : Math.min(distinct, outer));
  }

  /**
   * Calls, when the right side reads the bound keys. When it does not (no rule turned the key filter into scan
   * keys), Calcite's cost: the right side re-read for every batch, a listing each time.
   */
  @Override public @Nullable RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    if (!readsBoundKeys(right, 0)) {
      return super.computeSelfCost(planner, mq);
    }
    double outer = mq.getRowCount(left);
    if (Double.isInfinite(outer)) {
      return planner.getCostFactory().makeInfiniteCost();
    }
    double rows = mq.getRowCount(this);
    return planner.getCostFactory().makeCost(rows + outer + SmsTableScan.CALL_COST * estimatedCalls(mq), 0, 0);
  }

  /** Whether {@code rel}, the right side, is (best planned as) a scan with bound keys, maybe below a Calc. */
  private static boolean readsBoundKeys(RelNode rel, int depth) {
    if (rel instanceof RelSubset subset) {
      RelNode best = subset.getBest();
      return best != null && readsBoundKeys(best, depth + 1);
    }
    if (rel instanceof SmsTableScan scan) {
      return scan.spec.bound();
    }
    return depth < 12 && rel instanceof SingleRel single && readsBoundKeys(single.getInput(), depth + 1);
  }

  /**
   * As Calcite's batch join, but the correlation variables as one range (every one of them would be 100
   * names), the left field whose values are bound, and in EXPLAIN (not in the digest: an estimate changes
   * while planning) the estimated calls.
   */
  @Override public RelWriter explainTerms(RelWriter pw) {
    List<CorrelationId> variables = List.copyOf(variablesSet);
    return pw.input("left", left).input("right", right)
        .item("condition", condition)
        .item("joinType", joinType.lowerName)
        .item("variables", variables.get(0) + ".." + variables.get(variables.size() - 1))
        .item("batchSize", variables.size())
        .item("boundKey", left.getRowType().getFieldNames().get(leftKey))
        .itemIf("estimatedCalls", Math.round(estimatedCalls(getCluster().getMetadataQuery())),
            pw.getDetailLevel() != SqlExplainLevel.DIGEST_ATTRIBUTES);
  }
}
