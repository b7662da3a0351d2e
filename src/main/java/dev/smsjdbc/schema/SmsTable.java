package dev.smsjdbc.schema;

import dev.smsjdbc.aws.ApiSession;
import dev.smsjdbc.aws.ScanContext;
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
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A table backed by an SMS list operation. Planning turns it into an {@link SmsTableScan}, which carries the
 * pushed-down keys and row limit; at run time the generated code calls {@link #query}.
 *
 * @param <T> the API item a row is made from
 */
public abstract class SmsTable<T> extends AbstractQueryableTable implements TranslatableTable {
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

  public TableDefinition<T> definition() {
    return definition;
  }

  /** The API operations a scan calls, for EXPLAIN. */
  abstract List<String> operations(boolean keyed);

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

  /**
   * The API items to turn into rows.
   *
   * @param keys distinct key values, or null for all rows
   * @param regions the Regions to read, or null for all of the connection's
   * @param limit rows wanted, or -1 for all
   */
  protected abstract Enumerator<T> scan(ScanContext context, @Nullable List<String> keys,
      @Nullable List<String> regions, long limit);

  @Override public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return definition.rowType(typeFactory);
  }

  @Override public Statistic getStatistic() {
    List<ImmutableBitSet> uniqueKeys = List.of(ImmutableBitSet.of(
        definition.primaryKey().stream().mapToInt(definition::indexOf).toArray()));
    return Statistics.of(estimatedRows(false, 0), uniqueKeys);
  }

  @Override public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return new SmsTableScan(context.getCluster(), relOptTable, this, null, null, null);
  }

  @Override public <E> Queryable<E> asQueryable(QueryProvider queryProvider, SchemaPlus schema,
      String tableName) {
    throw new UnsupportedOperationException("SMS tables are queried through SQL");
  }

  /** Called by the code generated for {@link SmsTableScan}. */
  public Enumerable<@Nullable Object[]> query(DataContext root, @Nullable List<RexNode> keys,
      @Nullable List<RexNode> regions, @Nullable RexNode fetch) {
    List<String> keyValues = keys == null ? null : resolveKeys(root, keys);
    List<String> regionValues = regions == null ? null : resolveKeys(root, regions);
    long limit = fetch == null ? -1 : resolveLong(root, fetch);
    return new AbstractEnumerable<>() {
      @Override public Enumerator<@Nullable Object[]> enumerator() {
        ScanContext context = new ScanContext(session, DataContext.Variable.CANCEL_FLAG.get(root),
            DataContext.Variable.TIMEOUT.get(root));
        if (limit == 0 || (keyValues != null && keyValues.isEmpty())
            || (regionValues != null && regionValues.isEmpty())) {
          return Linq4j.emptyEnumerator();
        }
        Enumerator<T> items = scan(context, keyValues, regionValues, limit);
        return Linq4j.transform(limit < 0 ? items : new LimitedEnumerator<>(items, limit), definition::toRow);
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

  /**
   * Distinct key values, in the order written. A NULL or empty key matches nothing and costs no call: SMS
   * ids are never empty (the connect-time warm-up relies on this to plan and run real queries offline).
   */
  private static List<String> resolveKeys(DataContext root, List<RexNode> keys) {
    Set<String> values = new LinkedHashSet<>();
    for (RexNode key : keys) {
      Object value = resolve(root, key);
      if (value != null && !value.toString().isEmpty()) {
        values.add(value.toString());
      }
    }
    return new ArrayList<>(values);
  }

  private static long resolveLong(DataContext root, RexNode node) {
    Object value = resolve(root, node);
    return value instanceof Number n ? n.longValue() : -1;
  }

  private static @Nullable Object resolve(DataContext root, RexNode node) {
    if (node instanceof RexDynamicParam param) {
      return root.get("?" + param.getIndex());
    }
    RexLiteral literal = (RexLiteral) node;
    return literal.getValue2();
  }
}
