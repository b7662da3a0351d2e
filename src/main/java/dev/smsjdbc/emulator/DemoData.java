package dev.smsjdbc.emulator;

import static software.amazon.awssdk.services.sms.model.ReplicationJobState.ACTIVE;
import static software.amazon.awssdk.services.sms.model.ReplicationJobState.COMPLETED;
import static software.amazon.awssdk.services.sms.model.ReplicationJobState.FAILED;
import static software.amazon.awssdk.services.sms.model.ReplicationJobState.FAILING;
import static software.amazon.awssdk.services.sms.model.ReplicationJobState.PAUSED_ON_FAILURE;
import static software.amazon.awssdk.services.sms.model.ReplicationJobState.PENDING;

import dev.smsjdbc.emulator.CatalogGenerator.VmManager;
import dev.smsjdbc.emulator.JobGenerator.Encryption;
import dev.smsjdbc.emulator.JobGenerator.GeneratedJob;
import dev.smsjdbc.emulator.JobGenerator.JobPlan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.services.sms.model.ReplicationJobState;
import software.amazon.awssdk.services.sms.model.Server;
import software.amazon.awssdk.services.sms.model.ServerCatalogStatus;
import software.amazon.awssdk.services.sms.model.VmManagerType;

/**
 * The plan of the curated demo data set, checked in as {@code demo-data.json} and served by
 * {@link SmsEmulator#startDemo()}.
 *
 * <p>Twelve jobs with 298 runs in all, on four VM managers (two vCenters, SCVMM, Hyper-V), chosen
 * so that queries have something to find: FAILED and PAUSED_ON_FAILURE jobs, a FAILING job whose
 * latest run failed, an ACTIVE job that is overdue for its next run (its next run start time lies
 * before {@link DataGenerator#AS_OF}, 2025-06-30T12:00:00Z, and its connector is UNHEALTHY), a run
 * in progress, a pending job, a run-once job, encrypted jobs with a KMS key id, key ARN or alias
 * ARN and one encrypted with the default key (no kmsKeyId), plus 16 catalog servers, 4 connectors
 * and 3 apps. Descriptions include Japanese, accented letters, emoji and both kinds of quote.
 *
 * <p>The data is a pure function of this plan and a fixed seed, made by the generators of
 * {@link DataGenerator}. To regenerate the resource after a change here or in a generator, run
 * {@code main} from the project directory;
 * {@code DemoDataTest} fails while the checked-in file differs from what this class builds.
 */
final class DemoData {
  static final long SEED = 20240611L;
  static final Path RESOURCE = Path.of("src/main/resources/dev/smsjdbc/emulator/demo-data.json");

  private DemoData() {
  }

  static EmulatorData build() {
    DataGenerator g = new DataGenerator(DataSpec.seed(SEED));
    CatalogGenerator catalog = g.catalog();
    VmManager vcenter1 = catalog.manager(VmManagerType.VSPHERE, 1);
    VmManager vcenter2 = catalog.manager(VmManagerType.VSPHERE, 2);
    VmManager scvmm = catalog.manager(VmManagerType.SCVMM, 1);
    VmManager hyperv = catalog.manager(VmManagerType.HYPERV_MANAGER, 1);

    List<JobPlan> plans = List.of(
        plan(ACTIVE, vcenter1, "web-prod-01", 48, 12, Encryption.NONE,
            "Web front end for the customer portal"),
        plan(ACTIVE, vcenter1, "db-prod-01", 40, 24, Encryption.KMS_KEY_ARN,
            "Primary ERP database (Oracle 19c)"),
        new JobPlan(ACTIVE, vcenter2, "file-tokyo-01", 30, 24, Encryption.NONE,
            "東京データセンターのファイルサーバー", false, true),
        plan(FAILED, scvmm, "erp-prod-01", 25, 24, Encryption.NONE,
            "Legacy \"golden\" ERP image, do not touch"),
        plan(PAUSED_ON_FAILURE, hyperv, "mail-prod-01", 20, 12, Encryption.KMS_KEY_ID,
            "Mail relay 📧 (Exchange 2013)"),
        plan(FAILING, vcenter2, "build-dev-01", 35, 12, Encryption.NONE,
            "Build agent 🚀 for the CI farm"),
        new JobPlan(ACTIVE, scvmm, "report-prod-01", 22, 24, Encryption.DEFAULT_KEY,
            "O'Reilly's reporting box", true, false),
        plan(ACTIVE, hyperv, "pos-zurich-01", 30, 48, Encryption.KMS_ALIAS_ARN,
            "Caisse du café de Zürich — crème brûlée"),
        plan(COMPLETED, vcenter1, "crm-stg-01", 1, 24, Encryption.NONE, null),
        plan(PENDING, hyperv, "cache-dev-01", 1, 24, Encryption.NONE, null),
        plan(FAILED, scvmm, "etl-prod-01", 18, 24, Encryption.KMS_KEY_ARN,
            "It's the \"temporary\" ETL server from 2014"),
        plan(ACTIVE, vcenter1, "intranet-prod-01", 28, 168, Encryption.NONE,
            "Intranet — wiki et portail RH"));

    EmulatorDataBuilder b = new EmulatorDataBuilder().serverCatalog(
        ServerCatalogStatus.AVAILABLE.toString(), DataGenerator.AS_OF.minusSeconds(2 * 86_400));
    List<Server> servers = new ArrayList<>();
    for (JobPlan plan : plans) {
      GeneratedJob job = g.jobs().job(plan);
      b.job(job.job(), job.runs());
      servers.add(job.server());
    }
    servers.add(catalog.server(vcenter1, "dc-prod-01"));
    servers.add(catalog.server(vcenter2, "print-prod-01"));
    servers.add(catalog.server(scvmm, "sql-dev-02"));
    servers.add(catalog.server(hyperv, "jump-prod-01"));
    servers.forEach(b::server);

    b.connector(catalog.connector(vcenter1, true));
    b.connector(catalog.connector(vcenter2, true));
    b.connector(catalog.connector(scvmm, false)); // why report-prod-01 is overdue
    b.connector(catalog.connector(hyperv, true));

    AppGenerator apps = g.apps();
    b.app(apps.app("Customer portal", "Web front end and database of the customer portal", true));
    b.app(apps.app("ERP 基幹システム", "ERP — 東京 and Zürich sites"));
    b.app(apps.app("Payroll", null));
    return b.build();
  }

  private static JobPlan plan(ReplicationJobState state, VmManager manager, String vmName, int runs,
      int frequencyHours, Encryption encryption, String description) {
    return new JobPlan(state, manager, vmName, runs, frequencyHours, encryption, description,
        false, false);
  }

  /** Writes the demo data set to the resource file, or to the path given as the only argument. */
  public static void main(String[] args) {
    Path target = args.length > 0 ? Path.of(args[0]) : RESOURCE;
    build().save(target);
    System.out.println("wrote " + target.toAbsolutePath());
  }
}
