package dev.smsjdbc.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.Lists;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Makes realistic SMS data from a seed, the same data for the same seed.
 *
 * <p>All values come from the model's enums and the id formats SMS uses ({@code sms-job-},
 * {@code sms-run-}, {@code s-}, {@code c-}, {@code app-} and {@code ami-} followed by 17 hex
 * digits). Time is fixed: every data set describes the world as of {@link #AS_OF}, so output never
 * depends on the clock. A job's runs follow its schedule, and its state agrees with its latest runs
 * (a FAILED job ends with failed runs and has a statusMessage, an ACTIVE job has a next run after
 * {@code AS_OF} unless it is overdue, ...). Optional members are left out in some rows, and some
 * descriptions hold non-ASCII text and quotes, so that clients meet them.
 *
 * <p>{@link DemoData} uses the same building blocks with a hand-written plan.
 */
final class DataGenerator {
  /** The moment the generated data describes. */
  static final Instant AS_OF = Instant.parse("2025-06-30T12:00:00Z");
  static final String ACCOUNT_ID = "123456789012";
  static final String REGION = "us-east-1";

  private static final List<String> JOB_DESCRIPTIONS = List.of(
      "Web front end for the customer portal",
      "Primary ERP database (Oracle 19c)",
      "東京データセンターのファイルサーバー",
      "Serveur de fichiers — Montréal, réplique nº 2",
      "Build agent 🚀 for the CI farm",
      "Legacy \"golden\" image, do not touch",
      "O'Reilly's reporting box",
      "Caisse du café de Zürich — crème brûlée",
      "Mail relay 📧 (Exchange 2013)",
      "It's the \"temporary\" server from 2014");
  private static final List<String> RUN_DESCRIPTIONS = List.of(
      "Nightly replication",
      "Manual run before cut-over",
      "再同期 (resync) 🔁",
      "Run after \"disk resize\"",
      "Ops' ad-hoc run");
  private static final List<String> FAILURES = List.of(
      "Failed to upload disk 'Hard disk 2': connection reset by peer",
      "AMI creation failed: the operating system of the VM is not supported",
      "Unable to take a VM snapshot: insufficient space on datastore \"ds-ssd-01\"",
      "The IAM role 'sms' is not authorized to perform ec2:CreateImage",
      "Disk conversion failed: the VMDK is corrupt");
  private static final List<String> VM_ROLES = List.of(
      "web", "app", "db", "file", "mail", "erp", "crm", "build", "dc", "cache", "etl", "report");
  private static final List<String> ENVIRONMENTS = List.of("prod", "stg", "dev", "qa");
  private static final List<String> DATACENTERS = List.of("DC1", "Tokyo", "Frankfurt");
  private static final List<String> APP_NAMES = List.of(
      "Customer portal", "ERP 基幹システム", "Payroll", "Intranet — Wiki", "Data warehouse",
      "Point of sale", "CI farm");
  private static final List<String> STAGES = List.of(
      "Preparing", "Uploading", "Converting", "Creating AMI");
  private static final List<Integer> FREQUENCIES = List.of(12, 24, 24, 24, 48, 72, 168);
  private static final List<String> CONNECTOR_VERSIONS = List.of("1.1.2.0", "1.1.1.0", "1.0.13.0");

  private final Random random;
  private int vmSerial;

  DataGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** A VM manager (vCenter, SCVMM or Hyper-V manager) that servers and connectors belong to. */
  record VmManager(String type, String id, String name) {
  }

  /** How a job's AMIs are encrypted. */
  enum Encryption {
    NONE, DEFAULT_KEY, KMS_KEY_ID, KMS_KEY_ARN, KMS_ALIAS_ARN
  }

  /**
   * What a job should look like; the generator fills in the rest.
   *
   * @param state the job state, a {@code ReplicationJobState}
   * @param description null to leave it out
   * @param overdue an ACTIVE job whose next run start time has passed
   * @param runInProgress an ACTIVE job whose latest run is still ACTIVE
   */
  record JobPlan(String state, VmManager manager, String vmName, int runs, int frequencyHours,
      Encryption encryption, String description, boolean overdue, boolean runInProgress) {
  }

  /** A generated job (without replicationRunList), its runs newest first, and its server. */
  record GeneratedJob(ObjectNode job, List<ObjectNode> runs, ObjectNode server) {
  }

  EmulatorData generate(int jobs, int runsPerJob, int servers, int connectors, int apps) {
    if (jobs < 0 || runsPerJob < 0 || servers < 0 || connectors < 0 || apps < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
    List<VmManager> managers = new ArrayList<>();
    for (int i = 0; i < Math.max(1, connectors); i++) {
      managers.add(manager(List.of("VSPHERE", "SCVMM", "HYPERV-MANAGER").get(i % 3), i / 3 + 1));
    }
    EmulatorData.Builder b = new EmulatorData.Builder()
        .serverCatalog("AVAILABLE", AS_OF.minus(Duration.ofDays(2)));
    List<ObjectNode> catalog = new ArrayList<>();
    for (int i = 0; i < jobs; i++) {
      GeneratedJob g = job(randomPlan(pick(managers), runsPerJob));
      b.job(g.job(), g.runs());
      if (catalog.size() < servers) {
        catalog.add(g.server());
      }
    }
    while (catalog.size() < servers) {
      catalog.add(server(pick(managers), vmName()));
    }
    catalog.forEach(b::server);
    for (int i = 0; i < connectors; i++) {
      b.connector(connector(managers.get(i), chance(0.8)));
    }
    for (int i = 0; i < apps; i++) {
      String name = APP_NAMES.get(i % APP_NAMES.size())
          + (i < APP_NAMES.size() ? "" : " " + (i / APP_NAMES.size() + 1));
      b.app(app(name, chance(0.7) ? pick(JOB_DESCRIPTIONS) : null));
    }
    return b.build();
  }

  private JobPlan randomPlan(VmManager manager, int runs) {
    String state;
    if (runs == 0) {
      state = "PENDING";
    } else {
      state = weighted(new String[] {"ACTIVE", "FAILING", "FAILED", "PAUSED_ON_FAILURE",
          "COMPLETED", "DELETING", "DELETED", "PENDING"}, new int[] {55, 8, 10, 8, 7, 4, 3, 5});
      if (state.equals("PENDING") && runs > 1) {
        state = "ACTIVE"; // a pending job has not run yet: at most its first run is scheduled
      }
    }
    boolean active = state.equals("ACTIVE");
    boolean overdue = active && chance(0.08);
    Encryption encryption = weighted(Encryption.values(), new int[] {55, 10, 10, 15, 10});
    return new JobPlan(state, manager, vmName(), runs, pick(FREQUENCIES), encryption,
        chance(0.75) ? pick(JOB_DESCRIPTIONS) : null, overdue, active && !overdue && chance(0.15));
  }

  VmManager manager(String type, int number) {
    String host = switch (type) {
      case "VSPHERE" -> "vcenter";
      case "SCVMM" -> "scvmm";
      default -> "hyperv-mgr";
    };
    return new VmManager(type, uuid(), String.format(Locale.ROOT, "%s%02d.corp.example.com", host,
        number));
  }

  String vmName() {
    return String.format(Locale.ROOT, "%s-%s-%02d", pick(VM_ROLES), pick(ENVIRONMENTS),
        1 + random.nextInt(20));
  }

  /** A job, its runs and its catalog entry, following {@code plan}. */
  GeneratedJob job(JobPlan plan) {
    String state = plan.state();
    boolean runOnce = state.equals("COMPLETED");
    long freq = Duration.ofHours(plan.frequencyHours()).toMillis();
    boolean scheduled = state.equals("ACTIVE") || state.equals("FAILING");

    // When the newest run was scheduled: recent for jobs that still run, earlier for ended ones.
    long now = AS_OF.toEpochMilli();
    long last;
    if (state.equals("PENDING")) {
      last = now + hours(1) + wholeSeconds(hours(23));
    } else if (plan.runInProgress()) {
      last = now - minutes(10) - millis(hours(3));
    } else if (plan.overdue()) {
      last = now - freq - hours(3) - millis(hours(17));
    } else if (scheduled) {
      // Leaves room for the run to finish (at most 5 h) and for the next one to be due after AS_OF.
      last = now - hours(8) - millis(Math.max(hours(1), freq - hours(10)));
    } else {
      last = now - Duration.ofDays(1).toMillis() - millis(Duration.ofDays(29).toMillis());
    }

    String[] states = new String[plan.runs()];
    for (int i = 0; i < states.length; i++) {
      double r = random.nextDouble();
      states[i] = r < 0.86 ? "COMPLETED" : r < 0.94 ? "FAILED" : "MISSED";
    }
    int n = states.length;
    int forcedFailures = switch (state) {
      case "FAILING" -> 1;
      case "FAILED" -> 2;
      case "PAUSED_ON_FAILURE" -> 3;
      default -> 0;
    };
    for (int i = Math.max(0, n - forcedFailures); i < n; i++) {
      states[i] = "FAILED";
    }
    if (n > 0 && forcedFailures == 0) {
      states[n - 1] = state.equals("PENDING") ? "PENDING"
          : plan.runInProgress() ? "ACTIVE" : "COMPLETED";
    }
    if (runOnce) {
      Arrays.fill(states, "COMPLETED");
    }

    String kmsKeyId = kmsKeyId(plan.encryption());
    boolean encrypted = plan.encryption() != Encryption.NONE;
    List<ObjectNode> oldestFirst = new ArrayList<>();
    String latestAmiId = null;
    long firstScheduled = last;
    for (int i = 0; i < n; i++) {
      long at = last - (n - 1 - i) * freq;
      if (i < n - 1 || !states[i].equals("PENDING")) {
        at += millis(minutes(2)); // schedulers start a little late
      }
      firstScheduled = i == 0 ? at : firstScheduled;
      ObjectNode run = run(states[i], Instant.ofEpochMilli(at), encrypted, kmsKeyId);
      if (run.has("amiId")) {
        latestAmiId = run.get("amiId").asText();
      }
      oldestFirst.add(run);
    }

    ObjectNode vmServer = vmServer(plan.manager(), plan.vmName());
    String jobId = id("sms-job-");
    String serverId = id("s-");
    ObjectNode job = WireJson.object();
    job.put("replicationJobId", jobId);
    job.put("serverId", serverId);
    job.put("serverType", "VIRTUAL_MACHINE");
    job.set("vmServer", vmServer);
    job.set("seedReplicationTime", WireJson.epochSeconds(
        Instant.ofEpochMilli(n > 0 ? firstScheduled - firstScheduled % 1000 : last)));
    if (!runOnce) {
      job.put("frequency", plan.frequencyHours());
    }
    if (runOnce || chance(0.9)) {
      job.put("runOnce", runOnce);
    }
    if (scheduled || state.equals("PENDING")) {
      long next = state.equals("PENDING") ? last : last + freq;
      job.set("nextReplicationRunStartTime",
          WireJson.epochSeconds(Instant.ofEpochMilli(next - next % 1000)));
    }
    if (chance(0.9)) {
      job.put("licenseType", chance(0.6) ? "AWS" : "BYOL");
    }
    job.put("roleName", chance(0.8) ? "sms" : "SMSMigrationRole");
    if (latestAmiId != null) {
      job.put("latestAmiId", latestAmiId);
    }
    job.put("state", state);
    switch (state) {
      case "FAILED" -> job.put("statusMessage", pick(FAILURES));
      case "FAILING" -> job.put("statusMessage",
          "The latest replication run failed; the job retries at the next scheduled time");
      case "PAUSED_ON_FAILURE" -> job.put("statusMessage",
          "Replication job paused after 3 consecutive failed replication runs");
      default -> {
      }
    }
    if (plan.description() != null) {
      job.put("description", plan.description());
    }
    if (chance(0.8)) {
      job.put("numberOfRecentAmisToKeep", pick(List.of(0, 3, 5, 10)));
    }
    job.put("encrypted", encrypted);
    if (kmsKeyId != null) {
      job.put("kmsKeyId", kmsKeyId);
    }

    ObjectNode server = WireJson.object();
    server.put("serverId", serverId);
    server.put("serverType", "VIRTUAL_MACHINE");
    server.set("vmServer", vmServer.deepCopy());
    server.put("replicationJobId", jobId);
    server.put("replicationJobTerminated",
        state.equals("FAILED") || state.equals("DELETING") || state.equals("DELETED"));
    return new GeneratedJob(job, ImmutableList.copyOf(Lists.reverse(oldestFirst)), server);
  }

  private ObjectNode run(String state, Instant scheduledStart, boolean encrypted, String kmsKeyId) {
    ObjectNode run = WireJson.object();
    run.put("replicationRunId", id("sms-run-"));
    run.put("state", state);
    run.put("type", chance(0.1) ? "ON_DEMAND" : "AUTOMATIC");
    Instant completed = null;
    switch (state) {
      case "COMPLETED" -> {
        if (chance(0.9)) {
          run.set("stageDetails", stageDetails(STAGES.get(STAGES.size() - 1), "100%"));
        }
        if (chance(0.3)) {
          run.put("statusMessage", "Replication run completed successfully");
        }
        run.put("amiId", id("ami-"));
        completed = scheduledStart.plusMillis(minutes(25) + millis(hours(5) - minutes(25)));
      }
      case "FAILED" -> {
        run.set("stageDetails", stageDetails(pick(STAGES), (5 + random.nextInt(90)) + "%"));
        run.put("statusMessage", pick(FAILURES));
        completed = scheduledStart.plusMillis(minutes(3) + millis(hours(2)));
      }
      case "ACTIVE" -> run.set("stageDetails",
          stageDetails(pick(STAGES.subList(0, STAGES.size() - 1)), (1 + random.nextInt(99)) + "%"));
      case "MISSED" -> run.put("statusMessage",
          "The replication run missed its scheduled start time: the connector was offline");
      default -> {
      }
    }
    run.set("scheduledStartTime", WireJson.epochSeconds(scheduledStart));
    if (completed != null) {
      run.set("completedTime", WireJson.epochSeconds(completed));
    }
    if (chance(0.25)) {
      run.put("description", pick(RUN_DESCRIPTIONS));
    }
    run.put("encrypted", encrypted);
    if (kmsKeyId != null) {
      run.put("kmsKeyId", kmsKeyId);
    }
    return run;
  }

  private static ObjectNode stageDetails(String stage, String progress) {
    ObjectNode details = WireJson.object();
    details.put("stage", stage);
    details.put("stageProgress", progress);
    return details;
  }

  private ObjectNode vmServer(VmManager manager, String vmName) {
    ObjectNode vmServer = WireJson.object();
    ObjectNode address = vmServer.putObject("vmServerAddress");
    address.put("vmManagerId", manager.id());
    address.put("vmId",
        manager.type().equals("VSPHERE") ? "vm-" + (1000 + 7 * vmSerial++) : uuid());
    vmServer.put("vmName", vmName);
    vmServer.put("vmManagerName", manager.name());
    vmServer.put("vmManagerType", manager.type());
    if (manager.type().equals("VSPHERE")) { // a folder path in the vCenter inventory tree
      vmServer.put("vmPath", "/" + pick(DATACENTERS) + "/vm/" + pick(ENVIRONMENTS) + "/" + vmName);
    }
    return vmServer;
  }

  /** A catalog server that no replication job uses. */
  ObjectNode server(VmManager manager, String vmName) {
    ObjectNode server = WireJson.object();
    server.put("serverId", id("s-"));
    server.put("serverType", "VIRTUAL_MACHINE");
    server.set("vmServer", vmServer(manager, vmName));
    return server;
  }

  ObjectNode connector(VmManager manager, boolean healthy) {
    ObjectNode c = WireJson.object();
    c.put("connectorId", id("c-"));
    c.put("version", pick(CONNECTOR_VERSIONS));
    c.put("status", healthy ? "HEALTHY" : "UNHEALTHY");
    ArrayNode capabilities = c.putArray("capabilityList").add(manager.type());
    if (manager.type().equals("VSPHERE")) {
      capabilities.add("SNAPSHOT_BATCHING");
      if (chance(0.5)) {
        capabilities.add("SMS_OPTIMIZED");
      }
    }
    c.put("vmManagerName", manager.name());
    c.put("vmManagerType", manager.type());
    c.put("vmManagerId", manager.id());
    c.put("ipAddress", String.format(Locale.ROOT, "10.%d.%d.%d",
        random.nextInt(256), random.nextInt(256), 1 + random.nextInt(254)));
    // VMware and Hyper-V organizationally unique identifiers.
    c.put("macAddress", String.format(Locale.ROOT, "%s:%02x:%02x:%02x",
        manager.type().equals("VSPHERE") ? "00:50:56" : "00:15:5d",
        random.nextInt(256), random.nextInt(256), random.nextInt(256)));
    if (healthy || chance(0.5)) {
      c.set("associatedOn", WireJson.epochSeconds(AS_OF.minusMillis(
          Duration.ofDays(30).toMillis() + millis(Duration.ofDays(400).toMillis()))));
    }
    return c;
  }

  /** An application summary; {@code description} null to leave it out. */
  ObjectNode app(String name, String description) {
    return app(name, description, false);
  }

  /**
   * An application summary; {@code description} null to leave it out; {@code launched} to have it
   * replicated and launched (with launchDetails) rather than at a random point of its life.
   */
  ObjectNode app(String name, String description, boolean launched) {
    ObjectNode a = WireJson.object();
    a.put("appId", id("app-"));
    if (chance(0.4)) {
      a.put("importedAppId", "d-application-" + hex(15));
    }
    a.put("name", name);
    if (description != null) {
      a.put("description", description);
    }
    a.put("status", launched ? "ACTIVE" : weighted(
        new String[] {"ACTIVE", "CREATING", "UPDATING", "DELETE_FAILED"}, new int[] {80, 7, 8, 5}));
    if (a.get("status").asText().equals("DELETE_FAILED")) {
      a.put("statusMessage", "Could not delete the CloudFormation stack of the application");
    }
    Instant created = AS_OF.minusMillis(
        Duration.ofDays(10).toMillis() + millis(Duration.ofDays(300).toMillis()));
    boolean configured = launched || chance(0.8);
    a.put("replicationConfigurationStatus", configured ? "CONFIGURED" : "NOT_CONFIGURED");
    String replication = launched ? "REPLICATED" : configured
        ? pick(List.of("REPLICATED", "REPLICATED", "DELTA_REPLICATED", "REPLICATION_IN_PROGRESS",
            "REPLICATION_FAILED", "PARTIALLY_REPLICATED"))
        : "READY_FOR_CONFIGURATION";
    a.put("replicationStatus", replication);
    if (replication.equals("REPLICATION_FAILED")) {
      a.put("replicationStatusMessage", pick(FAILURES));
    }
    boolean replicated = replication.contains("REPLICATED");
    if (replicated) {
      a.set("latestReplicationTime", WireJson.epochSeconds(AS_OF.minusMillis(millis(hours(72)))));
    }
    boolean launchConfigured = launched || replicated && chance(0.7);
    a.put("launchConfigurationStatus", launchConfigured ? "CONFIGURED" : "NOT_CONFIGURED");
    String launch = launched ? "LAUNCHED" : launchConfigured
        ? pick(List.of("LAUNCHED", "LAUNCHED", "READY_FOR_LAUNCH", "LAUNCH_FAILED"))
        : "READY_FOR_CONFIGURATION";
    a.put("launchStatus", launch);
    if (launch.equals("LAUNCH_FAILED")) {
      a.put("launchStatusMessage", "Stack creation failed: the subnet has no free IP addresses");
    }
    if (launch.equals("LAUNCHED")) {
      String stackName = "sms-app-" + hex(8);
      ObjectNode details = a.putObject("launchDetails");
      details.set("latestLaunchTime", WireJson.epochSeconds(AS_OF.minusMillis(millis(hours(48)))));
      details.put("stackName", stackName);
      details.put("stackId", "arn:aws:cloudformation:" + REGION + ":" + ACCOUNT_ID + ":stack/"
          + stackName + "/" + uuid());
    }
    a.set("creationTime", WireJson.epochSeconds(created));
    a.set("lastModified", WireJson.epochSeconds(
        created.plusMillis(millis(Duration.between(created, AS_OF).toMillis()))));
    a.put("roleName", "sms");
    int groups = 1 + random.nextInt(4);
    a.put("totalServerGroups", groups);
    a.put("totalServers", groups + random.nextInt(6));
    return a;
  }

  private String kmsKeyId(Encryption encryption) {
    String prefix = "arn:aws:kms:" + REGION + ":" + ACCOUNT_ID + ":";
    return switch (encryption) {
      case NONE, DEFAULT_KEY -> null; // the account's default EBS key
      case KMS_KEY_ID -> uuid();
      case KMS_KEY_ARN -> prefix + "key/" + uuid();
      case KMS_ALIAS_ARN -> prefix + "alias/sms-migration";
    };
  }

  /** {@code prefix} and 17 lowercase hex digits, the form of SMS and EC2 ids. */
  String id(String prefix) {
    return prefix + hex(17);
  }

  private String hex(int digits) {
    StringBuilder sb = new StringBuilder(digits);
    for (int i = 0; i < digits; i++) {
      sb.append(Character.forDigit(random.nextInt(16), 16));
    }
    return sb.toString();
  }

  private String uuid() {
    String h = hex(32);
    return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-"
        + "89ab".charAt(random.nextInt(4)) + h.substring(17, 20) + "-" + h.substring(20);
  }

  private boolean chance(double p) {
    return random.nextDouble() < p;
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private <T> T weighted(T[] values, int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = random.nextInt(total);
    for (int i = 0; i < values.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return values[i];
      }
    }
    throw new AssertionError();
  }

  /** A random duration below {@code bound} milliseconds, with a millisecond fraction. */
  private long millis(long bound) {
    return (long) (random.nextDouble() * bound);
  }

  private long wholeSeconds(long bound) {
    return millis(bound) / 1000 * 1000;
  }

  private static long hours(long n) {
    return Duration.ofHours(n).toMillis();
  }

  private static long minutes(long n) {
    return Duration.ofMinutes(n).toMillis();
  }
}
