package dev.smsjdbc.schema;

import dev.smsjdbc.aws.ApiCall;
import dev.smsjdbc.aws.ApiCallLog;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.TimeZone;

/** {@code sms_meta.api_calls}: the connection's call log, so that what a query cost can be read with SQL. */
public final class ApiCallsTable extends AbstractTable implements ScannableTable, DefinedTable {
  private final ApiCallLog log;

  public ApiCallsTable(ApiCallLog log) {
    this.log = log;
  }

  @Override public TableDefinition<ApiCall> definition() {
    return SmsTables.API_CALLS;
  }

  @Override public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return SmsTables.API_CALLS.rowType(typeFactory);
  }

  @Override public Enumerable<@Nullable Object[]> scan(DataContext root) {
    TimeZone zone = DataContext.Variable.TIME_ZONE.get(root);
    return Linq4j.asEnumerable(log.calls()).select(call -> SmsTables.API_CALLS.toRow(call, zone));
  }
}
