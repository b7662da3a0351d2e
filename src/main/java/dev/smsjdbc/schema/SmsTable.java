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
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A table backed by an SMS list operation. Planning turns it into an {@link SmsTableScan}, which carries what
 * was pushed down as one {@link ScanSpec}; at run time the generated code calls {@link #query} with it.
 *
 * @param <T> the API item a row is made from
 */
public abstract class SmsTable<T> extends AbstractQueryableTable implements TranslatableTable, DefinedTable {
  private final TableDefinition<T> definition;
  protected final ApiSession session;

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

  @Override public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return new SmsTableScan(context.getCluster(), relOptTable, this, ScanSpec.ALL.withHints(context.getTableHints()),
        context.getTableHints());
  }

  @Override public <E> Queryable<E> asQueryable(QueryProvider queryProvider, SchemaPlus schema,
      String tableName) {
    throw new UnsupportedOperationException("SMS tables are queried through SQL");
  }

  /** Called by the code generated for {@link SmsTableScan}, once per execution. */
  public Enumerable<@Nullable Object[]> query(DataContext root, ScanSpec spec) {
    ScanRequest request = spec.resolve(root);
    AtomicBoolean cancelFlag = DataContext.Variable.CANCEL_FLAG.get(root);
    Long timeout = DataContext.Variable.TIMEOUT.get(root);
    TimeZone zone = DataContext.Variable.TIME_ZONE.get(root);
    return new AbstractEnumerable<>() {
      @Override public Enumerator<@Nullable Object[]> enumerator() {
        if (request.isEmpty()) {
          return Linq4j.emptyEnumerator();
        }
        ScanContext context = new ScanContext(session, StatementExecutions.of(cancelFlag), cancelFlag, timeout,
            request.useCache());
        Enumerator<T> items = session.scan(context, request, read());
        long limit = request.limit();
        return Linq4j.transform(limit < 0 ? items : new LimitedEnumerator<>(items, limit),
            item -> definition.toRow(item, zone));
      }
    };
  }

  /**
   * Stops after {@code limit} items without asking for another. Calcite's own LIMIT pulls one row more than
   * it returns, which would cost a further API call just to be thrown away.
   */
  private static final class LimitedEnumerator<E> implements Enumerator<E> {
    private final Enumerator<E> delegate;
    private final long limit;
    private long count;

    LimitedEnumerator(Enumerator<E> delegate, long limit) {
      this.delegate = delegate;
      this.limit = limit;
    }

    @Override public E current() {
      return delegate.current();
    }

    @Override public boolean moveNext() {
      return count < limit && delegate.moveNext() && ++count > 0;
    }

    @Override public void reset() {
      throw new UnsupportedOperationException();
    }

    @Override public void close() {
      delegate.close();
    }
  }
}
