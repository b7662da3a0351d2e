package dev.smsjdbc.schema;

import dev.smsjdbc.aws.ApiSession;
import dev.smsjdbc.aws.Regional;
import dev.smsjdbc.aws.ScanContext;
import dev.smsjdbc.aws.SmsApi;
import org.apache.calcite.linq4j.Enumerator;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/**
 * A table backed by a list operation that takes no key ({@code servers}: GetServers, {@code connectors}:
 * GetConnectors, {@code apps}: ListApps): paged, in every Region of the connection.
 *
 * @param <T> the API's item type
 */
public final class ListTable<T> extends SmsTable<Regional<T>> {
  /** One of {@link SmsApi}'s list methods. */
  @FunctionalInterface
  interface ListOperation<T> {
    Enumerator<Regional<T>> list(SmsApi api, ScanContext context, long limit);
  }

  private final String operation;
  private final double estimatedRows;
  private final ListOperation<T> list;

  ListTable(TableDefinition<Regional<T>> definition, ApiSession session, String operation, double estimatedRows,
      ListOperation<T> list) {
    super(definition, session);
    this.operation = operation;
    this.estimatedRows = estimatedRows;
    this.list = list;
  }

  @Override List<String> operations(boolean keyed) {
    return List.of(operation);
  }

  @Override double estimatedRows(boolean keyed, int keyCount) {
    return estimatedRows;
  }

  @Override protected Enumerator<Regional<T>> scan(ScanContext context, @Nullable List<String> keys,
      @Nullable List<String> regions, long limit) {
    return session.acrossRegions(context, regions, (api, region) -> list.list(api, region, limit));
  }
}
