package dev.smsjdbc.emulator;

import static dev.smsjdbc.emulator.DataGenerator.ACCOUNT_ID;
import static dev.smsjdbc.emulator.DataGenerator.AS_OF;
import static dev.smsjdbc.emulator.DataGenerator.FAILURES;
import static dev.smsjdbc.emulator.DataGenerator.REGION;
import static dev.smsjdbc.emulator.DataGenerator.days;
import static dev.smsjdbc.emulator.DataGenerator.hours;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import software.amazon.awssdk.services.sms.model.AppLaunchConfigurationStatus;
import software.amazon.awssdk.services.sms.model.AppLaunchStatus;
import software.amazon.awssdk.services.sms.model.AppReplicationConfigurationStatus;
import software.amazon.awssdk.services.sms.model.AppReplicationStatus;
import software.amazon.awssdk.services.sms.model.AppStatus;
import software.amazon.awssdk.services.sms.model.AppSummary;
import software.amazon.awssdk.services.sms.model.LaunchDetails;

/**
 * Makes what ListApps serves: application summaries at some point of their life, with the statuses and
 * messages that go together (a failed replication has a message, only a launched app has
 * launchDetails, ...).
 */
final class AppGenerator {
  private static final List<AppReplicationStatus> CONFIGURED_REPLICATION = List.of(
      AppReplicationStatus.REPLICATED, AppReplicationStatus.REPLICATED,
      AppReplicationStatus.DELTA_REPLICATED, AppReplicationStatus.REPLICATION_IN_PROGRESS,
      AppReplicationStatus.REPLICATION_FAILED, AppReplicationStatus.PARTIALLY_REPLICATED);
  /** The replication statuses after which an app has a latest replication time and may launch. */
  private static final Set<AppReplicationStatus> REPLICATED = Set.of(
      AppReplicationStatus.REPLICATED, AppReplicationStatus.DELTA_REPLICATED,
      AppReplicationStatus.PARTIALLY_REPLICATED);
  private static final List<AppLaunchStatus> CONFIGURED_LAUNCH = List.of(
      AppLaunchStatus.LAUNCHED, AppLaunchStatus.LAUNCHED, AppLaunchStatus.READY_FOR_LAUNCH,
      AppLaunchStatus.LAUNCH_FAILED);

  private final SeededRandom random;

  AppGenerator(SeededRandom random) {
    this.random = random;
  }

  /** An application summary; {@code description} null to leave it out. */
  AppSummary app(String name, String description) {
    return app(name, description, false);
  }

  /**
   * An application summary; {@code description} null to leave it out; {@code launched} to have it
   * replicated and launched (with launchDetails) rather than at a random point of its life.
   */
  AppSummary app(String name, String description, boolean launched) {
    AppSummary.Builder a = AppSummary.builder().appId(random.id("app-"));
    if (random.chance(0.4)) {
      a.importedAppId("d-application-" + random.hex(15));
    }
    a.name(name).description(description);
    AppStatus status = launched ? AppStatus.ACTIVE : random.weighted(new int[] {80, 7, 8, 5},
        AppStatus.ACTIVE, AppStatus.CREATING, AppStatus.UPDATING, AppStatus.DELETE_FAILED);
    a.status(status);
    if (status == AppStatus.DELETE_FAILED) {
      a.statusMessage("Could not delete the CloudFormation stack of the application");
    }
    Instant created = AS_OF.minusMillis(days(10) + random.millis(days(300)));
    boolean configured = launched || random.chance(0.8);
    AppReplicationStatus replication = phaseStatus(launched, configured, AppReplicationStatus.REPLICATED,
        CONFIGURED_REPLICATION, AppReplicationStatus.READY_FOR_CONFIGURATION);
    if (replication == AppReplicationStatus.REPLICATION_FAILED) {
      a.replicationStatusMessage(random.pick(FAILURES));
    }
    boolean replicated = REPLICATED.contains(replication);
    if (replicated) {
      a.latestReplicationTime(AS_OF.minusMillis(random.millis(hours(72))));
    }
    boolean launchConfigured = launched || replicated && random.chance(0.7);
    AppLaunchStatus launch = phaseStatus(launched, launchConfigured, AppLaunchStatus.LAUNCHED,
        CONFIGURED_LAUNCH, AppLaunchStatus.READY_FOR_CONFIGURATION);
    a.replicationConfigurationStatus(configured ? AppReplicationConfigurationStatus.CONFIGURED
            : AppReplicationConfigurationStatus.NOT_CONFIGURED)
        .replicationStatus(replication)
        .launchConfigurationStatus(launchConfigured ? AppLaunchConfigurationStatus.CONFIGURED
            : AppLaunchConfigurationStatus.NOT_CONFIGURED)
        .launchStatus(launch);
    switch (launch) {
      case LAUNCH_FAILED ->
          a.launchStatusMessage("Stack creation failed: the subnet has no free IP addresses");
      case LAUNCHED -> a.launchDetails(launchDetails());
      default -> {
      }
    }
    a.creationTime(created)
        .lastModified(created.plusMillis(random.millis(Duration.between(created, AS_OF).toMillis())))
        .roleName("sms");
    int groups = 1 + random.nextInt(4);
    return a.totalServerGroups(groups).totalServers(groups + random.nextInt(6)).build();
  }

  private LaunchDetails launchDetails() {
    String stackName = "sms-app-" + random.hex(8);
    return LaunchDetails.builder()
        .latestLaunchTime(AS_OF.minusMillis(random.millis(hours(48))))
        .stackName(stackName)
        .stackId("arn:aws:cloudformation:" + REGION + ":" + ACCOUNT_ID + ":stack/" + stackName + "/"
            + random.uuid())
        .build();
  }

  /**
   * The status of a phase of an app's life (replication, launch): {@code doneStatus} when the app is
   * through it, one of {@code configured} at random when it is configured, else {@code unconfigured}.
   */
  private <S> S phaseStatus(boolean done, boolean isConfigured, S doneStatus, List<S> configured,
      S unconfigured) {
    return done ? doneStatus : isConfigured ? random.pick(configured) : unconfigured;
  }
}
