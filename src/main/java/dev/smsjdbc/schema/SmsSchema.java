package dev.smsjdbc.schema;

import dev.smsjdbc.api.SmsOperation;
import dev.smsjdbc.aws.ApiSession;
import dev.smsjdbc.aws.SmsApi;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.Map;
import java.util.function.Supplier;

import com.google.common.collect.ImmutableMap;

/** The {@code sms} schema of one connection: its tables, all backed by the connection's {@link ApiSession}. */
public final class SmsSchema extends AbstractSchema implements AutoCloseable {
  public static final String NAME = "sms";

  private final ApiSession session;
  private final Map<String, Table> tables;
  private volatile @Nullable Object planCache;

  public SmsSchema(ApiSession session) {
    this.session = session;
    this.tables = ImmutableMap.of(
        SmsTables.REPLICATION_JOBS.name(), new ReplicationJobsTable(session),
        SmsTables.REPLICATION_RUNS.name(), new ReplicationRunsTable(session),
        SmsTables.SERVERS.name(), new ListTable<>(SmsTables.SERVERS, session, SmsOperation.GET_SERVERS, 100, SmsApi::servers),
        SmsTables.CONNECTORS.name(),
        new ListTable<>(SmsTables.CONNECTORS, session, SmsOperation.GET_CONNECTORS, 5, SmsApi::connectors),
        SmsTables.APPS.name(), new ListTable<>(SmsTables.APPS, session, SmsOperation.LIST_APPS, 10, SmsApi::apps));
  }

  @Override protected Map<String, Table> getTableMap() {
    return tables;
  }

  /**
   * The connection's cache of compiled plans, made by {@code create} on first use. It lives here so that it
   * lives as long as the connection's schema; the JDBC side owns what is in it.
   */
  @SuppressWarnings("unchecked")
  public synchronized <C> C planCache(Supplier<C> create) {
    if (planCache == null) {
      planCache = create.get();
    }
    return (C) planCache;
  }

  /** Changes whenever what the planner knows of a table changes (a listing showed its real size). */
  public long statisticsVersion() {
    long version = 0;
    for (Table table : tables.values()) {
      version += table instanceof SmsTable<?> t ? t.statisticsVersion() : 0;
    }
    return version;
  }

  @Override public void close() {
    session.close();
  }
}
