package dev.smsjdbc.emulator;

import static dev.smsjdbc.emulator.DataGenerator.ACCOUNT_ID;
import static dev.smsjdbc.emulator.DataGenerator.AS_OF;
import static dev.smsjdbc.emulator.DataGenerator.FAILURES;
import static dev.smsjdbc.emulator.DataGenerator.REGION;
import static dev.smsjdbc.emulator.DataGenerator.days;
import static dev.smsjdbc.emulator.DataGenerator.hours;
import static dev.smsjdbc.emulator.DataGenerator.minutes;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Lists;

import dev.smsjdbc.emulator.CatalogGenerator.VmManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import software.amazon.awssdk.services.sms.model.LicenseType;
import software.amazon.awssdk.services.sms.model.ReplicationJob;
import software.amazon.awssdk.services.sms.model.ReplicationJobState;
import software.amazon.awssdk.services.sms.model.ReplicationRun;
import software.amazon.awssdk.services.sms.model.ReplicationRunStageDetails;
import software.amazon.awssdk.services.sms.model.ReplicationRunState;
import software.amazon.awssdk.services.sms.model.ReplicationRunType;
import software.amazon.awssdk.services.sms.model.Server;
import software.amazon.awssdk.services.sms.model.ServerType;
import software.amazon.awssdk.services.sms.model.VmServer;

/**
 * Makes a replication job, its run history and its catalog server from a {@link JobPlan}.
 *
 * <p>A job's runs follow its schedule, and its state agrees with its latest runs: a FAILED job ends
 * with failed runs and has a statusMessage, an ACTIVE job has a next run after {@code AS_OF} unless
 * it is overdue, a COMPLETED (run-once) job has only completed runs, and so on.
 */
final class JobGenerator {
  private static final List<String> RUN_DESCRIPTIONS = List.of(
      "Nightly replication",
      "Manual run before cut-over",
      "再同期 (resync) 🔁",
      "Run after \"disk resize\"",
      "Ops' ad-hoc run");
  private static final List<String> STAGES = List.of(
      "Preparing", "Uploading", "Converting", "Creating AMI");
  /** The job states in which the job's catalog server shows its replication job as terminated. */
  private static final Set<ReplicationJobState> TERMINATED = Set.of(ReplicationJobState.FAILED,
      ReplicationJobState.DELETING, ReplicationJobState.DELETED);

  private final SeededRandom random;
  private final CatalogGenerator catalog;

  JobGenerator(SeededRandom random, CatalogGenerator catalog) {
    this.random = random;
    this.catalog = catalog;
  }

  /** How a job's AMIs are encrypted. */
  enum Encryption {
    NONE, DEFAULT_KEY, KMS_KEY_ID, KMS_KEY_ARN, KMS_ALIAS_ARN
  }

  /**
   * What a job should look like; the generator fills in the rest.
   *
   * @param description null to leave it out
   * @param overdue an ACTIVE job whose next run start time has passed
   * @param runInProgress an ACTIVE job whose latest run is still ACTIVE
   */
  record JobPlan(ReplicationJobState state, VmManager manager, String vmName, int runs,
      int frequencyHours, Encryption encryption, String description, boolean overdue,
      boolean runInProgress) {
  }

  /** A generated job (without replicationRunList), its runs newest first, and its server. */
  record GeneratedJob(ReplicationJob job, List<ReplicationRun> runs, Server server) {
  }

  /** A job, its runs and its catalog entry, following {@code plan}. */
  GeneratedJob job(JobPlan plan) {
    ReplicationJobState state = plan.state();
    boolean runOnce = state == ReplicationJobState.COMPLETED;
    long freq = hours(plan.frequencyHours());
    boolean scheduled = state == ReplicationJobState.ACTIVE || state == ReplicationJobState.FAILING;
    boolean pending = state == ReplicationJobState.PENDING;
    long last = lastScheduled(plan, freq, scheduled);
    ReplicationRunState[] states = runStates(plan);
    int n = states.length;

    String kmsKeyId = kmsKeyId(plan.encryption());
    boolean encrypted = plan.encryption() != Encryption.NONE;
    List<ReplicationRun> oldestFirst = new ArrayList<>();
    String latestAmiId = null;
    long firstScheduled = last;
    for (int i = 0; i < n; i++) {
      long at = last - (n - 1 - i) * freq;
      if (i < n - 1 || states[i] != ReplicationRunState.PENDING) {
        at += random.millis(minutes(2)); // schedulers start a little late
      }
      firstScheduled = i == 0 ? at : firstScheduled;
      ReplicationRun run = run(states[i], Instant.ofEpochMilli(at), encrypted, kmsKeyId);
      latestAmiId = run.amiId() != null ? run.amiId() : latestAmiId;
      oldestFirst.add(run);
    }

    VmServer vmServer = catalog.vmServer(plan.manager(), plan.vmName());
    String jobId = random.id("sms-job-");
    String serverId = random.id("s-");
    ReplicationJob.Builder job = ReplicationJob.builder()
        .replicationJobId(jobId)
        .serverId(serverId)
        .serverType(ServerType.VIRTUAL_MACHINE)
        .vmServer(vmServer)
        .seedReplicationTime(n > 0 ? wholeSecond(firstScheduled) : Instant.ofEpochMilli(last));
    if (!runOnce) {
      job.frequency(plan.frequencyHours());
    }
    if (runOnce || random.chance(0.9)) {
      job.runOnce(runOnce);
    }
    if (scheduled || pending) {
      job.nextReplicationRunStartTime(wholeSecond(pending ? last : last + freq));
    }
    if (random.chance(0.9)) {
      job.licenseType(random.chance(0.6) ? LicenseType.AWS : LicenseType.BYOL);
    }
    job.roleName(random.chance(0.8) ? "sms" : "SMSMigrationRole")
        .latestAmiId(latestAmiId)
        .state(state)
        .statusMessage(switch (state) {
          case FAILED -> random.pick(FAILURES);
          case FAILING ->
              "The latest replication run failed; the job retries at the next scheduled time";
          case PAUSED_ON_FAILURE ->
              "Replication job paused after 3 consecutive failed replication runs";
          default -> null;
        })
        .description(plan.description());
    if (random.chance(0.8)) {
      job.numberOfRecentAmisToKeep(random.pick(List.of(0, 3, 5, 10)));
    }
    job.encrypted(encrypted).kmsKeyId(kmsKeyId);

    Server server = Server.builder()
        .serverId(serverId)
        .serverType(ServerType.VIRTUAL_MACHINE)
        .vmServer(vmServer)
        .replicationJobId(jobId)
        .replicationJobTerminated(TERMINATED.contains(state))
        .build();
    return new GeneratedJob(job.build(), ImmutableList.copyOf(Lists.reverse(oldestFirst)), server);
  }

  /** When the newest run was scheduled: recent for jobs that still run, earlier for ended ones. */
  private long lastScheduled(JobPlan plan, long freq, boolean scheduled) {
    long now = AS_OF.toEpochMilli();
    if (plan.state() == ReplicationJobState.PENDING) {
      return now + hours(1) + random.wholeSeconds(hours(23));
    } else if (plan.runInProgress()) {
      return now - minutes(10) - random.millis(hours(3));
    } else if (plan.overdue()) {
      return now - freq - hours(3) - random.millis(hours(17));
    } else if (scheduled) {
      // Leaves room for the run to finish (at most 5 h) and for the next one to be due after AS_OF.
      return now - hours(8) - random.millis(Math.max(hours(1), freq - hours(10)));
    }
    return now - days(1) - random.millis(days(29));
  }

  /** The states of the job's runs, oldest first, ending as the job's state requires. */
  private ReplicationRunState[] runStates(JobPlan plan) {
    ReplicationRunState[] states = new ReplicationRunState[plan.runs()];
    for (int i = 0; i < states.length; i++) {
      double r = random.nextDouble();
      states[i] = r < 0.86 ? ReplicationRunState.COMPLETED
          : r < 0.94 ? ReplicationRunState.FAILED : ReplicationRunState.MISSED;
    }
    int n = states.length;
    int forcedFailures = switch (plan.state()) {
      case FAILING -> 1;
      case FAILED -> 2;
      case PAUSED_ON_FAILURE -> 3;
      default -> 0;
    };
    for (int i = Math.max(0, n - forcedFailures); i < n; i++) {
      states[i] = ReplicationRunState.FAILED;
    }
    if (n > 0 && forcedFailures == 0) {
      states[n - 1] = plan.state() == ReplicationJobState.PENDING ? ReplicationRunState.PENDING
          : plan.runInProgress() ? ReplicationRunState.ACTIVE : ReplicationRunState.COMPLETED;
    }
    if (plan.state() == ReplicationJobState.COMPLETED) {
      Arrays.fill(states, ReplicationRunState.COMPLETED);
    }
    return states;
  }

  private ReplicationRun run(ReplicationRunState state, Instant scheduledStart, boolean encrypted,
      String kmsKeyId) {
    ReplicationRun.Builder run = ReplicationRun.builder()
        .replicationRunId(random.id("sms-run-"))
        .state(state)
        .type(random.chance(0.1) ? ReplicationRunType.ON_DEMAND : ReplicationRunType.AUTOMATIC);
    Instant completed = null;
    switch (state) {
      case COMPLETED -> {
        if (random.chance(0.9)) {
          run.stageDetails(stageDetails(STAGES.get(STAGES.size() - 1), "100%"));
        }
        if (random.chance(0.3)) {
          run.statusMessage("Replication run completed successfully");
        }
        run.amiId(random.id("ami-"));
        completed = scheduledStart.plusMillis(minutes(25) + random.millis(hours(5) - minutes(25)));
      }
      case FAILED -> {
        run.stageDetails(stageDetails(random.pick(STAGES), (5 + random.nextInt(90)) + "%"))
            .statusMessage(random.pick(FAILURES));
        completed = scheduledStart.plusMillis(minutes(3) + random.millis(hours(2)));
      }
      case ACTIVE -> run.stageDetails(stageDetails(random.pick(STAGES.subList(0, STAGES.size() - 1)),
          (1 + random.nextInt(99)) + "%"));
      case MISSED -> run.statusMessage(
          "The replication run missed its scheduled start time: the connector was offline");
      default -> {
      }
    }
    run.scheduledStartTime(scheduledStart).completedTime(completed);
    if (random.chance(0.25)) {
      run.description(random.pick(RUN_DESCRIPTIONS));
    }
    return run.encrypted(encrypted).kmsKeyId(kmsKeyId).build();
  }

  private static ReplicationRunStageDetails stageDetails(String stage, String progress) {
    return ReplicationRunStageDetails.builder().stage(stage).stageProgress(progress).build();
  }

  private String kmsKeyId(Encryption encryption) {
    String prefix = "arn:aws:kms:" + REGION + ":" + ACCOUNT_ID + ":";
    return switch (encryption) {
      case NONE, DEFAULT_KEY -> null; // the account's default EBS key
      case KMS_KEY_ID -> random.uuid();
      case KMS_KEY_ARN -> prefix + "key/" + random.uuid();
      case KMS_ALIAS_ARN -> prefix + "alias/sms-migration";
    };
  }

  private static Instant wholeSecond(long epochMilli) {
    return Instant.ofEpochMilli(epochMilli - epochMilli % 1000);
  }
}
