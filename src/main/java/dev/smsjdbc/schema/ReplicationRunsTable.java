package dev.smsjdbc.schema;

import dev.smsjdbc.api.SmsOperation;
import dev.smsjdbc.aws.ApiSession;
import dev.smsjdbc.aws.RunRow;
import dev.smsjdbc.aws.SmsApi;

import java.util.List;

/**
 * {@code replication_runs}: GetReplicationRuns for the jobs named in the query, or for every job listed by
 * GetReplicationJobs, in parallel.
 */
public final class ReplicationRunsTable extends SmsTable<RunRow> {
  public ReplicationRunsTable(ApiSession session) {
    super(SmsTables.REPLICATION_RUNS, session);
  }

  @Override List<SmsOperation> operations(boolean keyed) {
    return keyed ? List.of(SmsOperation.GET_REPLICATION_RUNS)
        : List.of(SmsOperation.GET_REPLICATION_JOBS, SmsOperation.GET_REPLICATION_RUNS);
  }

  @Override double estimatedRows(boolean keyed, int keyCount) {
    return keyed ? keyCount * 25.0 : listingRows(100 * 25.0);
  }

  /**
   * Keyed: one call per job (runs of a job rarely span pages); else the job pages, then one call per job,
   * assuming 25 runs per job.
   */
  @Override long estimatedCalls(boolean keyed, int keyCount, long fetch) {
    return keyed ? keyCount : pages(estimatedRows(false, 0) / 25) + (long) (estimatedRows(false, 0) / 25);
  }

  @Override protected ApiSession.RegionScan<RunRow> read() {
    return SmsApi::replicationRuns;
  }
}
