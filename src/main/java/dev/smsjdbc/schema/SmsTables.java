package dev.smsjdbc.schema;

import software.amazon.awssdk.services.sms.model.ReplicationRunStageDetails;
import software.amazon.awssdk.services.sms.model.VmServer;
import software.amazon.awssdk.services.sms.model.VmServerAddress;

import dev.smsjdbc.aws.JobRow;
import dev.smsjdbc.aws.RunRow;

import java.util.List;

import static dev.smsjdbc.schema.Column.bool;
import static dev.smsjdbc.schema.Column.integer;
import static dev.smsjdbc.schema.Column.requiredVarchar;
import static dev.smsjdbc.schema.Column.timestamp;
import static dev.smsjdbc.schema.Column.varchar;

/**
 * The column metadata of every SMS table, in one place: it drives the row types, the value extraction,
 * {@code DatabaseMetaData} remarks and the README's column reference.
 *
 * <p>Names are the snake_case of the API members; nested structs ({@code vmServer},
 * {@code vmServerAddress}, {@code stageDetails}) are flattened. Remarks are the API model's field
 * documentation, reworded where the model copied a job field's text onto a run field.
 */
public final class SmsTables {
  private SmsTables() {}

  static final String REGION_REMARK = "The AWS Region the row was read from.";

  public static final TableDefinition<JobRow> REPLICATION_JOBS = new TableDefinition<>(
      "replication_jobs",
      "Replication jobs (GetReplicationJobs): one row per job, with its VM server flattened.",
      "replication_job_id",
      List.of("replication_job_id"),
      List.of(
          requiredVarchar("replication_job_id", r -> r.job().replicationJobId(),
              "The ID of the replication job."),
          varchar("server_id", r -> r.job().serverId(), "The ID of the server."),
          varchar("server_type", r -> r.job().serverTypeAsString(), "The type of server."),
          varchar("vm_manager_id", r -> r.vmServerAddress().map(VmServerAddress::vmManagerId).orElse(null),
              "The ID of the VM manager."),
          varchar("vm_id", r -> r.vmServerAddress().map(VmServerAddress::vmId).orElse(null),
              "The ID of the VM."),
          varchar("vm_name", r -> r.vmServer().map(VmServer::vmName).orElse(null), "The name of the VM."),
          varchar("vm_manager_name", r -> r.vmServer().map(VmServer::vmManagerName).orElse(null),
              "The name of the VM manager."),
          varchar("vm_manager_type", r -> r.vmServer().map(VmServer::vmManagerTypeAsString).orElse(null),
              "The type of VM management product."),
          varchar("vm_path", r -> r.vmServer().map(VmServer::vmPath).orElse(null),
              "The VM folder path in the vCenter Server virtual machine inventory tree."),
          timestamp("seed_replication_time", r -> r.job().seedReplicationTime(),
              "The seed replication time."),
          integer("frequency", r -> r.job().frequency(),
              "The time between consecutive replication runs, in hours."),
          bool("run_once", r -> r.job().runOnce(),
              "Indicates whether to run the replication job one time."),
          timestamp("next_replication_run_start_time", r -> r.job().nextReplicationRunStartTime(),
              "The start time of the next replication run."),
          varchar("license_type", r -> r.job().licenseTypeAsString(),
              "The license type to be used for the AMI created by a successful replication run."),
          varchar("role_name", r -> r.job().roleName(),
              "The name of the IAM role to be used by Server Migration Service."),
          varchar("latest_ami_id", r -> r.job().latestAmiId(),
              "The ID of the latest Amazon Machine Image (AMI)."),
          varchar("state", r -> r.job().stateAsString(), "The state of the replication job."),
          varchar("status_message", r -> r.job().statusMessage(),
              "The description of the current status of the replication job."),
          varchar("description", r -> r.job().description(), "The description of the replication job."),
          integer("number_of_recent_amis_to_keep", r -> r.job().numberOfRecentAmisToKeep(),
              "The number of recent AMIs to keep in the customer's account for a replication job. "
                  + "By default, the value is set to zero, meaning that all AMIs are kept."),
          bool("encrypted", r -> r.job().encrypted(),
              "Indicates whether the replication job should produce encrypted AMIs."),
          varchar("kms_key_id", r -> r.job().kmsKeyId(),
              "The ID of the KMS key for replication jobs that produce encrypted AMIs: a key ID, a key "
                  + "alias, or the ARN of either. If encrypted is enabled but no KMS key ID is given, the "
                  + "customer's default KMS key for Amazon EBS is used."),
          requiredVarchar("region", JobRow::region, REGION_REMARK)));

  public static final TableDefinition<RunRow> REPLICATION_RUNS = new TableDefinition<>(
      "replication_runs",
      "Replication runs (GetReplicationRuns): every run of every replication job, with its stage details "
          + "flattened.",
      "replication_job_id",
      List.of("replication_run_id"),
      List.of(
          requiredVarchar("replication_job_id", RunRow::replicationJobId,
              "The ID of the replication job this run belongs to."),
          requiredVarchar("replication_run_id", r -> r.run().replicationRunId(),
              "The ID of the replication run."),
          varchar("state", r -> r.run().stateAsString(), "The state of the replication run."),
          varchar("type", r -> r.run().typeAsString(), "The type of replication run."),
          varchar("stage", r -> r.stageDetails().map(ReplicationRunStageDetails::stage).orElse(null),
              "The current stage of a replication run."),
          varchar("stage_progress",
              r -> r.stageDetails().map(ReplicationRunStageDetails::stageProgress).orElse(null),
              "The progress of the current stage of a replication run."),
          varchar("status_message", r -> r.run().statusMessage(),
              "The description of the current status of the replication run."),
          varchar("ami_id", r -> r.run().amiId(),
              "The ID of the Amazon Machine Image (AMI) from the replication run."),
          timestamp("scheduled_start_time", r -> r.run().scheduledStartTime(),
              "The time at which the replication run was scheduled to start."),
          timestamp("completed_time", r -> r.run().completedTime(),
              "The time at which the replication run completed."),
          varchar("description", r -> r.run().description(), "The description of the replication run."),
          bool("encrypted", r -> r.run().encrypted(),
              "Indicates whether the replication run should produce an encrypted AMI."),
          varchar("kms_key_id", r -> r.run().kmsKeyId(),
              "The ID of the KMS key used to encrypt the run's AMI: a key ID, a key alias, or the ARN of "
                  + "either. If encrypted is true but no KMS key ID is given, the customer's default KMS key "
                  + "for Amazon EBS is used."),
          requiredVarchar("region", RunRow::region, REGION_REMARK)));

  /** Every table, in the order they are listed. */
  public static final List<TableDefinition<?>> ALL = List.of(REPLICATION_JOBS, REPLICATION_RUNS);

}
