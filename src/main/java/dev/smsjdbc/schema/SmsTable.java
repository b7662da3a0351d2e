package dev.smsjdbc.schema;

import dev.smsjdbc.aws.ApiSession;
import dev.smsjdbc.aws.ScanContext;
import dev.smsjdbc.aws.ScanRequest;
import dev.smsjdbc.api.SmsOperation;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.AbstractQueryableTable;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.linq4j.Queryable;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * A table backed by an SMS list operation. Planning turns it into an {@link SmsTableScan}, which carries what
 * was pushed down as one {@link ScanSpec}; at run time the generated code calls {@link #query} with it.
 *
 * @param <T> the API item a row is made from
 */
public abstract class SmsTable<T> extends AbstractQueryableTable
    implements TranslatableTable, DefinedTable, BuiltInMetadata.Selectivity.Handler {
  private final TableDefinition<T> definition;
  protected final ApiSession session;
  /** Rows per Region of the last complete listing on this connection, or -1 before one. */
  private volatile double listedRows = -1;
  /** How often {@link #listedRows} changed: plans made before a change may no longer be the cheapest. */
  private final AtomicInteger statisticsChanges = new AtomicInteger();

  protected SmsTable(TableDefinition<T> definition, ApiSession session) {
    super(Object[].class);
    this.definition = definition;
    this.session = session;
  }

  ApiSession session() {
    return session;
  }

  @Override public TableDefinition<T> definition() {
    return definition;
  }

  /** The API operations a scan calls, for EXPLAIN. */
  abstract List<SmsOperation> operations(boolean keyed);

  /** A rough row count per Region, so that the planner prefers scans with keys or a limit. */
  abstract double estimatedRows(boolean keyed, int keyCount);

  /**
   * The rows per Region of a whole listing: what the last complete listing on this connection returned, else
   * {@code assumed}. So the planner weighs binding keys against a listing of the table's real size.
   */
  double listingRows(double assumed) {
    double listed = listedRows;
    return listed >= 0 ? listed : assumed;
  }

  private void learned(double rows) {
    if (rows != listedRows) {
      listedRows = rows;
      statisticsChanges.incrementAndGet();
    }
  }

  /** Changes every time what the planner knows of this table changes. */
  int statisticsVersion() {
    return statisticsChanges.get();
  }

  /** An estimate of the API calls a scan makes in one Region, for EXPLAIN. */
  long estimatedCalls(boolean keyed, int keyCount, long fetch) {
    double rows = estimatedRows(keyed, keyCount);
    return keyed ? keyCount : pages(fetch < 0 ? rows : Math.min(rows, fetch));
  }

  long pages(double rows) {
    return Math.max(1, (long) Math.ceil(rows / session.settings().pageSize()));
  }

  /** The read of one Region: one of {@code SmsApi}'s list methods. */
  protected abstract ApiSession.RegionScan<T> read();

  @Override public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return definition.rowType(typeFactory);
  }

  @Override public Statistic getStatistic() {
    List<ImmutableBitSet> uniqueKeys = List.of(ImmutableBitSet.of(
        definition.primaryKey().stream().mapToInt(definition::indexOf).toArray()));
    return Statistics.of(estimatedRows(false, 0), uniqueKeys);
  }

  /**
   * How many of a scan's rows a filter keeps, for the planner: Calcite's guesses, except that an equality on
   * the primary key ({@code server_id = ?}) keeps one row per value. Without it, a filter on one server
   * would count as 15% of the servers, and binding their job ids would look dearer than listing the jobs.
   */
  @Override public @Nullable Double getSelectivity(RelNode scan, RelMetadataQuery mq, @Nullable RexNode predicate) {
    List<String> key = definition.primaryKey();
    if (predicate == null || key.size() != 1) {
      return RelMdUtil.guessSelectivity(predicate);
    }
    RexBuilder rexBuilder = scan.getCluster().getRexBuilder();
    double rows = Math.max(1, scan.estimateRowCount(mq));
    double selectivity = 1;
    List<RexNode> rest = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(predicate)) {
      List<RexNode> values = KeyPredicates.keyValues(rexBuilder, conjunct, definition.indexOf(key.get(0)));
      if (values == null) {
        rest.add(conjunct);
      } else {
        selectivity *= Math.min(1, values.size() / rows);
      }
    }
    return selectivity * RelMdUtil.guessSelectivity(RexUtil.composeConjunction(rexBuilder, rest));
  }

  @Override public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return new SmsTableScan(context.getCluster(), relOptTable, this, ScanSpec.ALL.withHints(context.getTableHints()),
        context.getTableHints());
  }

  @Override public <E> Queryable<E> asQueryable(QueryProvider queryProvider, SchemaPlus schema,
      String tableName) {
    throw new UnsupportedOperationException("SMS tables are queried through SQL");
  }

  /**
   * Called by the code generated for {@link SmsTableScan}: once per execution, or, under a
   * {@link KeyBindingJoin}, once per batch of its left rows.
   *
   * @param boundValues the values of the keys the join binds ({@link ScanSpec#boundKeys()}) for this batch
   */
  public Enumerable<@Nullable Object[]> query(DataContext root, ScanSpec spec, List<?> boundValues) {
    ScanRequest request = spec.resolve(root, boundValues);
    AtomicBoolean cancelFlag = DataContext.Variable.CANCEL_FLAG.get(root);
    Long timeout = DataContext.Variable.TIMEOUT.get(root);
    TimeZone zone = DataContext.Variable.TIME_ZONE.get(root);
    return new AbstractEnumerable<>() {
      @Override public Enumerator<@Nullable Object[]> enumerator() {
        if (request.isEmpty()) {
          return Linq4j.emptyEnumerator();
        }
        ScanContext context = new ScanContext(session, StatementExecutions.of(cancelFlag), cancelFlag, timeout,
            !spec.noCache());
        Enumerator<T> items = session.scan(context, request, read());
        int regions = session.regionCount(request.regions());
        LongConsumer listed = request.keys() == null && request.limit() < 0
            ? n -> learned(Math.max(1, (double) n / Math.max(1, regions))) : null;
        return Linq4j.transform(new ScanItems<>(items, request.limit(), listed), item -> definition.toRow(item, zone));
      }
    };
  }
}
