package dev.smsjdbc.schema;

import dev.smsjdbc.api.SmsOperation;
import dev.smsjdbc.aws.ApiSession;
import dev.smsjdbc.aws.JobRow;
import dev.smsjdbc.aws.SmsApi;

import java.util.List;

/** {@code replication_jobs}: GetReplicationJobs, paged, or one call per job id named in the query. */
public final class ReplicationJobsTable extends SmsTable<JobRow> {
  public ReplicationJobsTable(ApiSession session) {
    super(SmsTables.REPLICATION_JOBS, session);
  }

  @Override List<SmsOperation> operations(boolean keyed) {
    return List.of(SmsOperation.GET_REPLICATION_JOBS);
  }

  @Override double estimatedRows(boolean keyed, int keyCount) {
    return keyed ? keyCount : listingRows(100);
  }

  @Override protected ApiSession.RegionScan<JobRow> read() {
    return SmsApi::replicationJobs;
  }
}
