package dev.smsjdbc.jdbc;

import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.util.TryThreadLocal;

import java.lang.reflect.Type;

/**
 * Calcite's statement preparation, with one change: IN lists of any length stay a predicate. By default
 * Calcite turns an IN list of 20 or more values into a join with VALUES, which hides the keys from the
 * table scan, so {@code replication_job_id IN (25 ids)} would list every job instead of making 25 calls.
 */
final class SmsPrepare extends CalcitePrepareImpl {
  @Override public <T> CalcitePrepare.CalciteSignature<T> prepareSql(CalcitePrepare.Context context,
      CalcitePrepare.Query<T> query, Type elementType, long maxRowCount) {
    try (TryThreadLocal.Memo ignored = Prepare.THREAD_INSUBQUERY_THRESHOLD.push(Integer.MAX_VALUE)) {
      return super.prepareSql(context, query, elementType, maxRowCount);
    }
  }
}
