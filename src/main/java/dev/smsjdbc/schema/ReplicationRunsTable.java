package dev.smsjdbc.schema;

import dev.smsjdbc.aws.RunRow;
import dev.smsjdbc.aws.ScanContext;
import dev.smsjdbc.aws.ApiSession;
import org.apache.calcite.linq4j.Enumerator;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/**
 * {@code replication_runs}: GetReplicationRuns for the jobs named in the query, or for every job listed by
 * GetReplicationJobs, in parallel.
 */
public final class ReplicationRunsTable extends SmsTable<RunRow> {
  public ReplicationRunsTable(ApiSession session) {
    super(SmsTables.REPLICATION_RUNS, session);
  }

  @Override List<String> operations(boolean keyed) {
    return keyed ? List.of("GetReplicationRuns") : List.of("GetReplicationJobs", "GetReplicationRuns");
  }

  @Override double estimatedRows(boolean keyed, int keyCount) {
    return (keyed ? keyCount : 100) * 25.0;
  }

  /** Keyed: one call per job (runs of a job rarely span pages); else the job pages, then one call per job. */
  @Override long estimatedCalls(boolean keyed, int keyCount, long fetch) {
    return keyed ? keyCount : pages(estimatedRows(false, 0) / 25) + (long) (estimatedRows(false, 0) / 25);
  }

  @Override protected Enumerator<RunRow> scan(ScanContext context, @Nullable List<String> keys,
      @Nullable List<String> regions, long limit) {
    return session.acrossRegions(context, regions, (api, region) -> api.replicationRuns(region, keys, limit));
  }
}
