package dev.smsjdbc.schema;

import dev.smsjdbc.aws.RunRow;
import dev.smsjdbc.aws.ScanContext;
import dev.smsjdbc.aws.SmsApi;
import org.apache.calcite.linq4j.Enumerator;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/**
 * {@code replication_runs}: GetReplicationRuns for the jobs named in the query, or for every job listed by
 * GetReplicationJobs, in parallel.
 */
public final class ReplicationRunsTable extends SmsTable<RunRow> {
  public ReplicationRunsTable(SmsApi api) {
    super(SmsTables.REPLICATION_RUNS, api);
  }

  @Override List<String> operations(boolean keyed) {
    return keyed ? List.of("GetReplicationRuns") : List.of("GetReplicationJobs", "GetReplicationRuns");
  }

  @Override double estimatedRows(boolean keyed, int keyCount) {
    return (keyed ? keyCount : 100) * 25.0;
  }

  @Override protected Enumerator<RunRow> scan(ScanContext context, @Nullable List<String> keys, long limit) {
    return api.replicationRuns(context, keys, limit);
  }
}
