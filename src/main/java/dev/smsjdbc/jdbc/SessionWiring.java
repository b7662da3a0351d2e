package dev.smsjdbc.jdbc;

import dev.smsjdbc.aws.ApiSession;
import dev.smsjdbc.aws.ClientSettings;
import dev.smsjdbc.aws.ClientSettings.CredentialSource;
import dev.smsjdbc.aws.SessionFactory;
import dev.smsjdbc.emulator.SmsEmulator;

import java.net.URI;
import java.sql.SQLException;
import java.util.List;

/**
 * Turns a connection's validated keys into what the API side is built from. This is the one place that knows
 * {@code demo=true}: it means the bundled emulator's endpoint and credentials, in us-east-1 unless Regions
 * are given. Next to it, {@code archive=} means saved history served in-process ({@link ArchiveBackend}).
 */
final class SessionWiring {
  private SessionWiring() {}

  static ApiSession open(SmsConnectionConfig config) throws SQLException {
    if (config.archive() != null) {
      return ArchiveBackend.open(config);
    }
    if (config.demo()) {
      // The emulator starts in the background, with the SDK clients, while the first query is planned.
      return SessionFactory.create(demoRegions(config), () -> clients(config), settings(config));
    }
    return SessionFactory.create(clients(config), settings(config));
  }

  private static List<String> demoRegions(SmsConnectionConfig config) {
    return config.regions().isEmpty() ? List.of("us-east-1") : config.regions();
  }

  static ClientSettings clients(SmsConnectionConfig config) {
    boolean demo = config.demo();
    URI endpoint = demo ? DemoBackend.endpoint() : config.endpoint();
    List<String> regions = demo ? demoRegions(config) : config.regions();
    ClientSettings.AssumedRole role = config.roleArn() == null ? null
        : new ClientSettings.AssumedRole(config.roleArn(), config.externalId(), config.roleSessionName(),
            demo && config.stsEndpoint() == null ? endpoint : config.stsEndpoint());
    return new ClientSettings(endpoint, regions, credentials(config), role, config.apiCallTimeout(),
        config.retryMode(), config.maxAttempts(), config.maxResponseSize());
  }

  static ApiSession.Settings settings(SmsConnectionConfig config) {
    return new ApiSession.Settings(config.pageSize(), config.maxConcurrency(), config.partialResults(),
        config.maxApiCalls(), config.cacheTtl());
  }

  private static CredentialSource credentials(SmsConnectionConfig config) {
    if (config.demo()) {
      return new CredentialSource.StaticKeys(SmsEmulator.DEMO_ACCESS_KEY_ID, SmsEmulator.DEMO_SECRET_ACCESS_KEY,
          null);
    }
    if (config.accessKeyId() != null && config.secretAccessKey() != null) {
      return new CredentialSource.StaticKeys(config.accessKeyId(), config.secretAccessKey(), config.sessionToken());
    }
    if (config.profile() != null) {
      return new CredentialSource.Profile(config.profile());
    }
    return new CredentialSource.DefaultChain();
  }
}
