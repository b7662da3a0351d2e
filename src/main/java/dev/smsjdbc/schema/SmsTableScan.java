package dev.smsjdbc.schema;

import com.google.common.collect.ImmutableList;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/**
 * Scan of an {@link SmsTable}, with the key values, Regions and row limit that the planner pushed into it.
 * EXPLAIN shows the API operations it will call, the keys, the Regions, the page size, the fetch and an
 * estimate of the calls.
 */
public final class SmsTableScan extends TableScan implements EnumerableRel {
  final SmsTable<?> smsTable;
  final @Nullable ImmutableList<RexNode> keys;
  final @Nullable ImmutableList<RexNode> regions;
  final @Nullable RexNode fetch;

  SmsTableScan(RelOptCluster cluster, RelOptTable table, SmsTable<?> smsTable,
      @Nullable List<RexNode> keys, @Nullable List<RexNode> regions, @Nullable RexNode fetch) {
    super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), ImmutableList.of(), table);
    this.smsTable = smsTable;
    this.keys = keys == null ? null : ImmutableList.copyOf(keys);
    this.regions = regions == null ? null : ImmutableList.copyOf(regions);
    this.fetch = fetch;
  }

  SmsTableScan withKeys(@Nullable List<RexNode> keys, @Nullable List<RexNode> regions) {
    return new SmsTableScan(getCluster(), getTable(), smsTable, keys, regions, fetch);
  }

  SmsTableScan withFetch(RexNode fetch) {
    return new SmsTableScan(getCluster(), getTable(), smsTable, keys, regions, fetch);
  }

  @Override public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return this;
  }

  @Override public RelWriter explainTerms(RelWriter pw) {
    List<?> regionsShown = regions != null ? regions : smsTable.session().regions();
    long fetchValue = fetch instanceof RexLiteral literal ? literal.getValueAs(Long.class) : -1;
    long calls = regionsShown.size() * smsTable.estimatedCalls(keys != null, keys == null ? 0 : keys.size(),
        fetchValue);
    return super.explainTerms(pw)
        .item("operation", smsTable.operations(keys != null))
        .itemIf("keys", keys == null ? null : shown(keys), keys != null)
        .item("regions", regions != null ? shown(regions) : regionsShown)
        .item("pageSize", smsTable.session().settings().pageSize())
        .itemIf("fetch", fetch, fetch != null)
        .item("estimatedCalls", calls);
  }

  /** Values as a user wrote them: {@code 'sms-job-1'} or {@code ?0}, without Calcite's type and charset. */
  private static List<String> shown(List<RexNode> values) {
    return values.stream().map(v -> v instanceof RexLiteral literal
        ? "'" + literal.getValueAs(String.class) + "'" : v.toString()).toList();
  }

  @Override public void register(RelOptPlanner planner) {
    SmsRules.RULES.forEach(planner::addRule);
    // A key on one side of a join on the key also holds on the other side: runs JOIN jobs WHERE
    // j.replication_job_id = 'x' must call GetReplicationRuns('x') only, not list every job's runs.
    planner.addRule(CoreRules.JOIN_PUSH_TRANSITIVE_PREDICATES);
  }

  @Override public double estimateRowCount(RelMetadataQuery mq) {
    double rows = smsTable.estimatedRows(keys != null, keys == null ? 0 : keys.size());
    if (fetch instanceof RexLiteral literal) {
      Long n = literal.getValueAs(Long.class);
      if (n != null) {
        rows = Math.min(rows, n);
      }
    } else if (fetch != null) {
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
    Expression keysExpression = keys == null
        ? Expressions.constant(null, List.class) : implementor.stash(keys, List.class);
    Expression regionsExpression = regions == null
        ? Expressions.constant(null, List.class) : implementor.stash(regions, List.class);
    Expression fetchExpression = fetch == null
        ? Expressions.constant(null, RexNode.class) : implementor.stash(fetch, RexNode.class);
    return implementor.result(physType, Blocks.toBlock(
        Expressions.call(table.getExpression(SmsTable.class), "query",
            implementor.getRootExpression(), keysExpression, regionsExpression, fetchExpression)));
  }
}
