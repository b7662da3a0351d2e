package dev.smsjdbc.schema;

import dev.smsjdbc.api.SmsOperation;
import dev.smsjdbc.aws.ApiSession;
import dev.smsjdbc.aws.Regional;

import java.util.List;

/**
 * A table backed by a list operation that takes no key ({@code servers}: GetServers, {@code connectors}:
 * GetConnectors, {@code apps}: ListApps): paged, in every Region of the connection.
 *
 * @param <T> the API's item type
 */
public final class ListTable<T> extends SmsTable<Regional<T>> {
  private final SmsOperation operation;
  private final double estimatedRows;
  private final ApiSession.RegionScan<Regional<T>> read;

  ListTable(TableDefinition<Regional<T>> definition, ApiSession session, SmsOperation operation,
      double estimatedRows, ApiSession.RegionScan<Regional<T>> read) {
    super(definition, session);
    this.operation = operation;
    this.estimatedRows = estimatedRows;
    this.read = read;
  }

  @Override List<SmsOperation> operations(boolean keyed) {
    return List.of(operation);
  }

  @Override double estimatedRows(boolean keyed, int keyCount) {
    return listingRows(estimatedRows);
  }

  @Override protected ApiSession.RegionScan<Regional<T>> read() {
    return read;
  }
}
