package dev.smsjdbc.jdbc;

import com.google.common.collect.MapMaker;
import org.apache.calcite.DataContext;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.EnumerableDefaults;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code setMaxRows} of a prepared statement. Calcite plans a PreparedStatement before its max rows are
 * known and then ignores them; the statement's max rows are recorded when it executes, and its plan's rows
 * are capped at the top. (A plain Statement's max rows are planned in as a LIMIT, see {@link SmsPrepare}.)
 */
final class MaxRows {
  private static final Map<AtomicBoolean, Long> BY_STATEMENT = new MapMaker().weakKeys().makeMap();

  private MaxRows() {}

  /** Records the max rows of an execution that is about to start. */
  static void onExecute(AvaticaStatement statement) {
    AtomicBoolean flag = StatementFlags.of(statement);
    if (flag == null) {
      return;
    }
    long maxRows;
    try {
      maxRows = statement.getLargeMaxRows();
    } catch (SQLException e) {
      return; // closed
    }
    if (maxRows > 0) {
      BY_STATEMENT.put(flag, maxRows);
    } else {
      BY_STATEMENT.remove(flag);
    }
  }

  /** The same plan, returning no more rows than its statement's max rows. */
  static <T> CalcitePrepare.CalciteSignature<T> capped(CalcitePrepare.CalciteSignature<T> signature) {
    return new CalcitePrepare.CalciteSignature<T>(signature.sql, signature.parameters,
        signature.internalParameters, signature.rowType, signature.columns, signature.cursorFactory,
        signature.rootSchema, signature.getCollationList(), -1, null, signature.statementType) {
      @Override public Enumerable<T> enumerable(DataContext dataContext) {
        Enumerable<T> rows = signature.enumerable(dataContext);
        AtomicBoolean flag = DataContext.Variable.CANCEL_FLAG.get(dataContext);
        Long maxRows = flag == null ? null : BY_STATEMENT.get(flag);
        return maxRows == null ? rows : EnumerableDefaults.take(rows, maxRows);
      }
    };
  }
}
