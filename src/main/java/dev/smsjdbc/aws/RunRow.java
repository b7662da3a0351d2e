package dev.smsjdbc.aws;

import software.amazon.awssdk.services.sms.model.ReplicationRun;
import software.amazon.awssdk.services.sms.model.ReplicationRunStageDetails;

import java.util.Optional;

/** A replication run as returned by GetReplicationRuns, with its job's id and its region. */
public record RunRow(String region, String replicationJobId, ReplicationRun run) {

  public Optional<ReplicationRunStageDetails> stageDetails() {
    return Optional.ofNullable(run.stageDetails());
  }
}
