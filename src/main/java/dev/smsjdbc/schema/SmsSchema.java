package dev.smsjdbc.schema;

import dev.smsjdbc.aws.SmsApi;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

import java.util.Map;

import com.google.common.collect.ImmutableMap;

/** The {@code sms} schema of one connection: its tables, all backed by the connection's {@link SmsApi}. */
public final class SmsSchema extends AbstractSchema implements AutoCloseable {
  public static final String NAME = "sms";

  private final SmsApi api;
  private final Map<String, Table> tables;

  public SmsSchema(SmsApi api) {
    this.api = api;
    this.tables = ImmutableMap.of(
        SmsTables.REPLICATION_JOBS.name(), new ReplicationJobsTable(api),
        SmsTables.REPLICATION_RUNS.name(), new ReplicationRunsTable(api));
  }

  public SmsApi api() {
    return api;
  }

  @Override protected Map<String, Table> getTableMap() {
    return tables;
  }

  @Override public void close() {
    api.close();
  }
}
