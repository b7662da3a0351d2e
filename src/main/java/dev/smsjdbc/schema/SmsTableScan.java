package dev.smsjdbc.schema;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.adapter.enumerable.RexToLixTranslator;
import org.apache.calcite.linq4j.tree.BlockBuilder;
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
import org.apache.calcite.rel.hint.RelHint;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.util.BuiltInMethod;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/**
 * Scan of an {@link SmsTable}, with what the planner pushed into it as one {@link ScanSpec}. EXPLAIN shows the
 * API operations it will call, the keys, the Regions, the page size, the fetch, the cache mode and an
 * estimate of the calls.
 */
public final class SmsTableScan extends TableScan implements EnumerableRel {
  /** What one API call costs the planner, in rows: a call takes as long as Calcite takes for many rows. */
  static final double CALL_COST = 1000;

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

  /** Shows the keys to shuttles, so that Calcite sees which correlation variables a bound scan uses. */
  @Override public RelNode accept(RexShuttle shuttle) {
    if (spec.keys() == null) {
      return this;
    }
    List<RexNode> keys = shuttle.apply(spec.keys());
    return keys.equals(spec.keys()) ? this : withSpec(spec.withFilter(keys, spec.regions()));
  }

  /**
   * The digest too: it holds every key, so that Volcano never merges two scans bound to different
   * correlation variables.
   */
  @Override public RelWriter explainTerms(RelWriter pw) {
    int regions = regionCount();
    long calls = regions * smsTable.estimatedCalls(spec.keyed(), spec.keyCount(), spec.fetchLiteral());
    return super.explainTerms(pw)
        .item("operation", smsTable.operations(spec.keyed()))
        .itemIf("keys", spec.keys() == null ? null : ScanSpec.shown(spec.keys()), spec.keyed())
        .itemIf("keysFrom", "KeyBindingJoin, up to " + spec.keyCount() + " per batch", spec.bound())
        .item("regions", spec.regions() != null ? ScanSpec.shown(spec.regions()) : smsTable.session().regions())
        .item("pageSize", smsTable.session().settings().pageSize())
        .itemIf("fetch", spec.fetch(), spec.fetch() != null)
        .itemIf("cache", "off", spec.noCache())
        .item("estimatedCalls", spec.bound() ? regions + " per key, up to " + calls + " per batch" : calls);
  }

  /**
   * The connection's Regions this scan reads. A named Region the connection lacks gets no call; a {@code ?}
   * may name any of them, so it counts as one, and the total never exceeds the connection's.
   */
  int regionCount() {
    List<String> connection = smsTable.session().regions();
    if (spec.regions() == null) {
      return connection.size();
    }
    long read = spec.regions().stream()
        .filter(r -> !(r instanceof RexLiteral l) || connection.contains(l.getValueAs(String.class)))
        .count();
    return (int) Math.min(connection.size(), read);
  }

  /** The calls of one lookup by key in every Region read: what a {@link KeyBindingJoin} pays per key. */
  double callsPerKey() {
    return regionCount() * (double) smsTable.estimatedCalls(true, 1, -1);
  }

  /**
   * The calls this scan makes, as the planner counts them. A bound scan's are counted by its join. Keys the
   * query names (literals, {@code ?}) count as no more calls than the listing, so that they always win: a
   * user who lists 25 ids gets 25 calls, whatever the planner guesses of the table's size.
   */
  double estimatedCalls() {
    if (spec.bound()) {
      return 0;
    }
    long listing = smsTable.estimatedCalls(false, 0, spec.fetchLiteral());
    long calls = spec.keyed() ? Math.min(listing, smsTable.estimatedCalls(true, spec.keyCount(), -1)) : listing;
    return regionCount() * (double) calls;
  }

  @Override public void register(RelOptPlanner planner) {
    SmsRules.RULES.forEach(planner::addRule);
    // A key on one side of a join on the key also holds on the other side: runs JOIN jobs WHERE
    // j.replication_job_id = 'x' must call GetReplicationRuns('x') only, not list every job's runs.
    planner.addRule(CoreRules.JOIN_PUSH_TRANSITIVE_PREDICATES);
  }

  /**
   * A bound scan reports the whole table: then a {@link KeyBindingJoin} estimates as many rows as a hash
   * join of the same inputs, whatever its batch size (else a bigger batch could flip a three-way join).
   */
  @Override public double estimateRowCount(RelMetadataQuery mq) {
    double rows = smsTable.estimatedRows(spec.keyed() && !spec.bound(), spec.keyCount());
    if (spec.keyed() && !spec.bound()) {
      // Keys return no more rows than the listing: with more ids than the table is thought to have, the
      // keys must still win (one call per id), as they do on calls.
      rows = Math.min(rows, smsTable.estimatedRows(false, 0));
    }
    long fetch = spec.fetchLiteral();
    if (fetch >= 0) {
      rows = Math.min(rows, fetch);
    } else if (spec.fetch() != null) {
      rows = Math.min(rows, 10);
    }
    return rows;
  }

  /** Rows plus the API calls, each weighing {@link #CALL_COST} rows: the planner chooses by calls first. */
  @Override public @Nullable RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = estimateRowCount(mq);
    return planner.getCostFactory().makeCost(rows + CALL_COST * estimatedCalls(), rows, 0);
  }

  @Override public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    // Rows are always Object[] of every column, even for one column: no projection is pushed down.
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY,
        false);
    BlockBuilder block = new BlockBuilder();
    Expression bound = spec.bound() ? boundValues(implementor, block)
        : Expressions.call(BuiltInMethod.ARRAYS_AS_LIST.method, Expressions.newArrayInit(Object.class));
    block.add(Expressions.return_(null, Expressions.call(table.getExpression(SmsTable.class), "query",
        implementor.getRootExpression(), implementor.stash(spec, ScanSpec.class), bound)));
    return implementor.result(physType, block.toBlock());
  }

  /**
   * The code that reads the keys a {@link KeyBindingJoin} binds: the fields of its correlation variables, which
   * are locals of the generated code (set per batch), not entries of the DataContext.
   */
  private Expression boundValues(EnumerableRelImplementor implementor, BlockBuilder block) {
    RexProgramBuilder program = new RexProgramBuilder(getRowType(), getCluster().getRexBuilder());
    List<RexNode> keys = spec.boundKeys();
    for (int i = 0; i < keys.size(); i++) {
      program.addProject(keys.get(i), "k" + i);
    }
    List<Expression> values = RexToLixTranslator.translateProjects(program.getProgram(),
        implementor.getTypeFactory(), implementor.getConformance(), block, null, null,
        implementor.getRootExpression(), (list, index, storageType) -> {
          throw new IllegalStateException("a key refers to the scan's own row");
        }, implementor::getCorrelVariableGetter);
    return Expressions.call(BuiltInMethod.ARRAYS_AS_LIST.method,
        Expressions.newArrayInit(Object.class, values.stream().map(Expressions::box).toList()));
  }
}
