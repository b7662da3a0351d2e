package dev.smsjdbc.schema;

import software.amazon.awssdk.services.sms.model.AppSummary;
import software.amazon.awssdk.services.sms.model.Connector;
import software.amazon.awssdk.services.sms.model.LaunchDetails;
import software.amazon.awssdk.services.sms.model.ReplicationRunStageDetails;
import software.amazon.awssdk.services.sms.model.Server;
import software.amazon.awssdk.services.sms.model.VmServer;
import software.amazon.awssdk.services.sms.model.VmServerAddress;

import dev.smsjdbc.aws.ApiCall;
import dev.smsjdbc.aws.JobRow;
import dev.smsjdbc.aws.Regional;
import dev.smsjdbc.aws.RunRow;

import java.util.List;
import java.util.Optional;

import static dev.smsjdbc.schema.Column.bigint;
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

  /**
   * A join path to {@code connectors}, not a foreign key: the API identifies a connector by its id only, and
   * nothing in the model makes {@code vmManagerId} unique among connectors (a VM manager may have a
   * re-associated or a second connector), so it is no key that a foreign key could reference.
   */
  static final String VM_MANAGER_ID_REMARK = "The ID of the VM manager; join connectors on vm_manager_id "
      + "for the connectors that serve it (not a key: a VM manager may have several).";

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
              VM_MANAGER_ID_REMARK),
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
          requiredVarchar("region", JobRow::region, REGION_REMARK)),
      List.of(new ForeignKey("server_id", "servers", "server_id")));

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
          requiredVarchar("region", RunRow::region, REGION_REMARK)),
      List.of(new ForeignKey("replication_job_id", "replication_jobs", "replication_job_id")));

  public static final TableDefinition<Regional<Server>> SERVERS = new TableDefinition<>(
      "servers",
      "Servers of the server catalog (GetServers), with their VM server flattened.",
      null,
      List.of("server_id"),
      List.of(
          requiredVarchar("server_id", r -> r.item().serverId(), "The ID of the server."),
          varchar("server_type", r -> r.item().serverTypeAsString(), "The type of server."),
          varchar("vm_manager_id", r -> address(r.item().vmServer()).map(VmServerAddress::vmManagerId).orElse(null),
              VM_MANAGER_ID_REMARK),
          varchar("vm_id", r -> address(r.item().vmServer()).map(VmServerAddress::vmId).orElse(null),
              "The ID of the VM."),
          varchar("vm_name", r -> vm(r.item().vmServer()).map(VmServer::vmName).orElse(null), "The name of the VM."),
          varchar("vm_manager_name", r -> vm(r.item().vmServer()).map(VmServer::vmManagerName).orElse(null),
              "The name of the VM manager."),
          varchar("vm_manager_type", r -> vm(r.item().vmServer()).map(VmServer::vmManagerTypeAsString).orElse(null),
              "The type of VM management product."),
          varchar("vm_path", r -> vm(r.item().vmServer()).map(VmServer::vmPath).orElse(null),
              "The VM folder path in the vCenter Server virtual machine inventory tree."),
          varchar("replication_job_id", r -> r.item().replicationJobId(),
              "The ID of the replication job of the server, if any."),
          bool("replication_job_terminated", r -> r.item().replicationJobTerminated(),
              "Indicates whether the replication job is deleted or failed."),
          requiredVarchar("region", Regional::region, REGION_REMARK)),
      List.of(new ForeignKey("replication_job_id", "replication_jobs", "replication_job_id")));

  public static final TableDefinition<Regional<Connector>> CONNECTORS = new TableDefinition<>(
      "connectors",
      "Server Migration Connectors (GetConnectors): the appliances that reach each VM manager.",
      null,
      List.of("connector_id"),
      List.of(
          requiredVarchar("connector_id", r -> r.item().connectorId(), "The ID of the connector."),
          varchar("version", r -> r.item().version(), "The connector version."),
          varchar("status", r -> r.item().statusAsString(), "The status of the connector."),
          varchar("capability_list", r -> r.item().hasCapabilityList()
                  ? String.join(",", r.item().capabilityListAsStrings()) : null,
              "The capabilities of the connector, comma-separated."),
          varchar("vm_manager_name", r -> r.item().vmManagerName(), "The name of the VM manager."),
          varchar("vm_manager_type", r -> r.item().vmManagerTypeAsString(), "The VM management product."),
          varchar("vm_manager_id", r -> r.item().vmManagerId(), "The ID of the VM manager."),
          varchar("ip_address", r -> r.item().ipAddress(), "The IP address of the connector."),
          varchar("mac_address", r -> r.item().macAddress(), "The MAC address of the connector."),
          timestamp("associated_on", r -> r.item().associatedOn(), "The time the connector was associated."),
          requiredVarchar("region", Regional::region, REGION_REMARK)));

  public static final TableDefinition<Regional<AppSummary>> APPS = new TableDefinition<>(
      "apps",
      "Applications (ListApps): one row per application summary, with its launch details flattened.",
      null,
      List.of("app_id"),
      List.of(
          requiredVarchar("app_id", r -> r.item().appId(), "The unique ID of the application."),
          varchar("imported_app_id", r -> r.item().importedAppId(), "The ID of the application."),
          varchar("name", r -> r.item().name(), "The name of the application."),
          varchar("description", r -> r.item().description(), "The description of the application."),
          varchar("status", r -> r.item().statusAsString(), "Status of the application."),
          varchar("status_message", r -> r.item().statusMessage(),
              "A message related to the status of the application."),
          varchar("replication_configuration_status", r -> r.item().replicationConfigurationStatusAsString(),
              "Status of the replication configuration."),
          varchar("replication_status", r -> r.item().replicationStatusAsString(),
              "The replication status of the application."),
          varchar("replication_status_message", r -> r.item().replicationStatusMessage(),
              "A message related to the replication status of the application."),
          timestamp("latest_replication_time", r -> r.item().latestReplicationTime(),
              "The timestamp of the application's most recent successful replication."),
          varchar("launch_configuration_status", r -> r.item().launchConfigurationStatusAsString(),
              "Status of the launch configuration."),
          varchar("launch_status", r -> r.item().launchStatusAsString(), "The launch status of the application."),
          varchar("launch_status_message", r -> r.item().launchStatusMessage(),
              "A message related to the launch status of the application."),
          timestamp("latest_launch_time", r -> launch(r).map(LaunchDetails::latestLaunchTime).orElse(null),
              "The latest time that this application was launched successfully."),
          varchar("stack_name", r -> launch(r).map(LaunchDetails::stackName).orElse(null),
              "The name of the latest stack launched for this application."),
          varchar("stack_id", r -> launch(r).map(LaunchDetails::stackId).orElse(null),
              "The ID of the latest stack launched for this application."),
          timestamp("creation_time", r -> r.item().creationTime(), "The creation time of the application."),
          timestamp("last_modified", r -> r.item().lastModified(), "The last modified time of the application."),
          varchar("role_name", r -> r.item().roleName(),
              "The name of the service role in the customer's account used by Server Migration Service."),
          integer("total_server_groups", r -> r.item().totalServerGroups(),
              "The number of server groups present in the application."),
          integer("total_servers", r -> r.item().totalServers(), "The number of servers present in the application."),
          requiredVarchar("region", Regional::region, REGION_REMARK)));

  /** Every table, in the order they are listed. */
  public static final List<TableDefinition<?>> ALL =
      List.of(REPLICATION_JOBS, REPLICATION_RUNS, SERVERS, CONNECTORS, APPS);

  /** The calls this connection made, newest last (schema {@code sms_meta}). */
  public static final TableDefinition<ApiCall> API_CALLS = new TableDefinition<>(
      "api_calls",
      "The API calls this connection made (the latest 10,000), one row per call: what each statement cost.",
      null,
      List.of(),
      List.of(
          bigint("statement_id", ApiCall::statementId, "Identifies the execution of a statement that made the call."),
          timestamp("started_at", ApiCall::startedAt, "When the call started."),
          varchar("operation", c -> c.operation().wireName(), "The SMS operation, e.g. GetReplicationJobs."),
          varchar("region", ApiCall::region, "The AWS Region called."),
          varchar("parameters", ApiCall::parameters, "The call's parameters and page number."),
          varchar("status", ApiCall::status,
              "OK, NOT_FOUND (an id that does not exist), or the AWS error code."),
          bigint("duration_ms", ApiCall::durationMillis, "Duration of the call, retries included, in ms."),
          varchar("request_id", ApiCall::requestId, "The AWS request id, for AWS support."),
          bool("cache_hit", ApiCall::cacheHit, "Whether the answer came from the cache (cacheTtl) instead of AWS.")));

  /** The tables of schema {@code sms_meta}. */
  public static final List<TableDefinition<?>> META = List.of(API_CALLS);

  private static Optional<VmServer> vm(VmServer server) {
    return Optional.ofNullable(server);
  }

  private static Optional<VmServerAddress> address(VmServer server) {
    return vm(server).map(VmServer::vmServerAddress);
  }

  private static Optional<LaunchDetails> launch(Regional<AppSummary> app) {
    return Optional.ofNullable(app.item().launchDetails());
  }

}
