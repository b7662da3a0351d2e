package dev.smsjdbc.schema;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.hint.RelHint;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.rules.CoreRules;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/**
 * Scan of an {@link SmsTable}, with what the planner pushed into it as one {@link ScanSpec}. EXPLAIN shows the
 * API operations it will call, the keys, the Regions, the page size, the fetch, the cache mode and an
 * estimate of the calls.
 */
public final class SmsTableScan extends TableScan implements EnumerableRel {
  final SmsTable<?> smsTable;
  final ScanSpec spec;

  SmsTableScan(RelOptCluster cluster, RelOptTable table, SmsTable<?> smsTable, ScanSpec spec,
      List<RelHint> hints) {
    super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), hints, table);
    this.smsTable = smsTable;
    this.spec = spec;
  }

  SmsTableScan withSpec(ScanSpec spec) {
    return new SmsTableScan(getCluster(), getTable(), smsTable, spec, getHints());
  }

  /** Calcite hands a query's hints to its scans through here ({@link SmsHints}). */
  @Override public RelNode withHints(List<RelHint> hints) {
    return new SmsTableScan(getCluster(), getTable(), smsTable, spec.withHints(hints), hints);
  }

  @Override public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return this;
  }

  @Override public RelWriter explainTerms(RelWriter pw) {
    List<?> regionsShown = spec.regions() != null ? ScanSpec.shown(spec.regions()) : smsTable.session().regions();
    long calls = regionsShown.size() * smsTable.estimatedCalls(spec.keyed(), spec.keyCount(), spec.fetchLiteral());
    return super.explainTerms(pw)
        .item("operation", smsTable.operations(spec.keyed()))
        .itemIf("keys", spec.keys() == null ? null : ScanSpec.shown(spec.keys()), spec.keyed())
        .item("regions", regionsShown)
        .item("pageSize", smsTable.session().settings().pageSize())
        .itemIf("fetch", spec.fetch(), spec.fetch() != null)
        .itemIf("cache", "off", spec.noCache())
        .item("estimatedCalls", calls);
  }

  @Override public void register(RelOptPlanner planner) {
    SmsRules.RULES.forEach(planner::addRule);
    // A key on one side of a join on the key also holds on the other side: runs JOIN jobs WHERE
    // j.replication_job_id = 'x' must call GetReplicationRuns('x') only, not list every job's runs.
    planner.addRule(CoreRules.JOIN_PUSH_TRANSITIVE_PREDICATES);
  }

  @Override public double estimateRowCount(RelMetadataQuery mq) {
    double rows = smsTable.estimatedRows(spec.keyed(), spec.keyCount());
    long fetch = spec.fetchLiteral();
    if (fetch >= 0) {
      rows = Math.min(rows, fetch);
    } else if (spec.fetch() != null) {
      rows = Math.min(rows, 10);
    }
    return rows;
  }

  @Override public @Nullable RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = estimateRowCount(mq);
    return planner.getCostFactory().makeCost(rows, rows, 0);
  }

  @Override public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    // Rows are always Object[] of every column, even for one column: no projection is pushed down.
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY,
        false);
    return implementor.result(physType, Blocks.toBlock(
        Expressions.call(table.getExpression(SmsTable.class), "query",
            implementor.getRootExpression(), implementor.stash(spec, ScanSpec.class))));
  }
}
