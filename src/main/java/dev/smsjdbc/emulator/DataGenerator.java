package dev.smsjdbc.emulator;

import dev.smsjdbc.emulator.CatalogGenerator.VmManager;
import dev.smsjdbc.emulator.JobGenerator.Encryption;
import dev.smsjdbc.emulator.JobGenerator.GeneratedJob;
import dev.smsjdbc.emulator.JobGenerator.JobPlan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.services.sms.model.ReplicationJobState;
import software.amazon.awssdk.services.sms.model.Server;
import software.amazon.awssdk.services.sms.model.ServerCatalogStatus;

/**
 * Makes realistic SMS data from a {@link DataSpec}, the same data for the same spec.
 *
 * <p>Resources are built with the SDK's model builders and enums, so every member and value is one
 * the SMS model has, and the ids have the formats SMS uses ({@code sms-job-}, {@code sms-run-},
 * {@code s-}, {@code c-}, {@code app-} and {@code ami-} followed by 17 hex digits). Time is fixed:
 * every data set describes the world as of {@link #AS_OF}, so output never depends on the clock.
 * Optional members are left out in some rows, and some descriptions hold non-ASCII text and quotes,
 * so that clients meet them.
 *
 * <p>This class draws the random plan; {@link JobGenerator}, {@link CatalogGenerator} and
 * {@link AppGenerator} make the resources, and {@link DemoData} uses them with a hand-written plan.
 */
final class DataGenerator {
  /** The moment the generated data describes. */
  static final Instant AS_OF = Instant.parse("2025-06-30T12:00:00Z");
  static final String ACCOUNT_ID = "123456789012";
  static final String REGION = "us-east-1";

  static final List<String> JOB_DESCRIPTIONS = List.of(
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
  static final List<String> FAILURES = List.of(
      "Failed to upload disk 'Hard disk 2': connection reset by peer",
      "AMI creation failed: the operating system of the VM is not supported",
      "Unable to take a VM snapshot: insufficient space on datastore \"ds-ssd-01\"",
      "The IAM role 'sms' is not authorized to perform ec2:CreateImage",
      "Disk conversion failed: the VMDK is corrupt");
  private static final List<String> APP_NAMES = List.of(
      "Customer portal", "ERP 基幹システム", "Payroll", "Intranet — Wiki", "Data warehouse",
      "Point of sale", "CI farm");
  private static final List<Integer> FREQUENCIES = List.of(12, 24, 24, 24, 48, 72, 168);

  private final DataSpec spec;
  private final SeededRandom random;
  private final CatalogGenerator catalog;
  private final JobGenerator jobs;
  private final AppGenerator apps;

  DataGenerator(DataSpec spec) {
    this.spec = spec;
    this.random = new SeededRandom(spec.seed());
    this.catalog = new CatalogGenerator(random);
    this.jobs = new JobGenerator(random, catalog);
    this.apps = new AppGenerator(random);
  }

  CatalogGenerator catalog() {
    return catalog;
  }

  JobGenerator jobs() {
    return jobs;
  }

  AppGenerator apps() {
    return apps;
  }

  /**
   * The data set of the spec: each job has exactly {@code runsPerJob} runs; the first catalog servers
   * are those of the jobs, and jobs beyond {@code servers} have servers that the catalog does not list.
   */
  EmulatorData generate() {
    List<VmManager> managers = catalog.managers(spec.connectors());
    EmulatorDataBuilder b = new EmulatorDataBuilder()
        .serverCatalog(ServerCatalogStatus.AVAILABLE.toString(), AS_OF.minus(Duration.ofDays(2)));
    List<Server> servers = new ArrayList<>();
    for (int i = 0; i < spec.jobs(); i++) {
      GeneratedJob g = jobs.job(randomPlan(random.pick(managers), spec.runsPerJob()));
      b.job(g.job(), g.runs());
      if (servers.size() < spec.servers()) {
        servers.add(g.server());
      }
    }
    while (servers.size() < spec.servers()) {
      servers.add(catalog.server(random.pick(managers), catalog.vmName()));
    }
    servers.forEach(b::server);
    for (int i = 0; i < spec.connectors(); i++) {
      b.connector(catalog.connector(managers.get(i), random.chance(0.8)));
    }
    for (int i = 0; i < spec.apps(); i++) {
      String name = APP_NAMES.get(i % APP_NAMES.size())
          + (i < APP_NAMES.size() ? "" : " " + (i / APP_NAMES.size() + 1));
      b.app(apps.app(name, random.chance(0.7) ? random.pick(JOB_DESCRIPTIONS) : null));
    }
    return b.build();
  }

  private JobPlan randomPlan(VmManager manager, int runs) {
    ReplicationJobState state = ReplicationJobState.PENDING;
    if (runs > 0) {
      state = random.weighted(new int[] {55, 8, 10, 8, 7, 4, 3, 5},
          ReplicationJobState.ACTIVE, ReplicationJobState.FAILING, ReplicationJobState.FAILED,
          ReplicationJobState.PAUSED_ON_FAILURE, ReplicationJobState.COMPLETED,
          ReplicationJobState.DELETING, ReplicationJobState.DELETED, ReplicationJobState.PENDING);
      if (state == ReplicationJobState.PENDING && runs > 1) {
        // A pending job has not run yet: at most its first run is scheduled.
        state = ReplicationJobState.ACTIVE;
      }
    }
    boolean active = state == ReplicationJobState.ACTIVE;
    boolean overdue = active && random.chance(0.08);
    Encryption encryption = random.weighted(new int[] {55, 10, 10, 15, 10}, Encryption.values());
    return new JobPlan(state, manager, catalog.vmName(), runs, random.pick(FREQUENCIES), encryption,
        random.chance(0.75) ? random.pick(JOB_DESCRIPTIONS) : null, overdue,
        active && !overdue && random.chance(0.15));
  }

  static long days(long n) {
    return Duration.ofDays(n).toMillis();
  }

  static long hours(long n) {
    return Duration.ofHours(n).toMillis();
  }

  static long minutes(long n) {
    return Duration.ofMinutes(n).toMillis();
  }
}
