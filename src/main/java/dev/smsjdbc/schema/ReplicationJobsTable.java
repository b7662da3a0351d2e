package dev.smsjdbc.schema;

import dev.smsjdbc.aws.JobRow;
import dev.smsjdbc.aws.ScanContext;
import dev.smsjdbc.aws.ApiSession;
import org.apache.calcite.linq4j.Enumerator;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/** {@code replication_jobs}: GetReplicationJobs, paged, or one call per job id named in the query. */
public final class ReplicationJobsTable extends SmsTable<JobRow> {
  public ReplicationJobsTable(ApiSession session) {
    super(SmsTables.REPLICATION_JOBS, session);
  }

  @Override List<String> operations(boolean keyed) {
    return List.of("GetReplicationJobs");
  }

  @Override double estimatedRows(boolean keyed, int keyCount) {
    return keyed ? keyCount : 100;
  }

  @Override protected Enumerator<JobRow> scan(ScanContext context, @Nullable List<String> keys,
      @Nullable List<String> regions, long limit) {
    return session.acrossRegions(context, regions, (api, region) -> api.replicationJobs(region, keys, limit));
  }
}
