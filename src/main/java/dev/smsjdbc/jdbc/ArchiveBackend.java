package dev.smsjdbc.jdbc;

import dev.smsjdbc.archive.Archive;
import dev.smsjdbc.archive.ArchiveException;
import dev.smsjdbc.archive.RegionHistory;
import dev.smsjdbc.aws.ApiSession;
import dev.smsjdbc.aws.SessionFactory;
import dev.smsjdbc.emulator.EmulatorData;
import dev.smsjdbc.emulator.InProcessTransport;
import software.amazon.awssdk.http.SdkHttpClient;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saved history behind {@code archive=PATH}: the archive is read at connect, each of its Regions becomes the
 * data of an emulator's operations, and the connection's SDK clients call those in-process
 * ({@link InProcessTransport}), so that every table, pushdown and EXPLAIN is that of a live read. No
 * endpoint, credentials or network: such reads are no API calls, and {@code sms_meta.api_calls} shows none.
 * What the reader noticed (jobs with only embedded runs, files that disagree) becomes the connection's
 * warnings.
 */
final class ArchiveBackend {
  private ArchiveBackend() {}

  static ApiSession open(SmsConnectionConfig config) throws SQLException {
    Path path = config.archive();
    for (ConnectionKey other : new ConnectionKey[] {ConnectionKey.DEMO, ConnectionKey.ENDPOINT,
        ConnectionKey.ROLE_ARN}) {
      boolean given = other == ConnectionKey.DEMO ? config.demo()
          : other == ConnectionKey.ENDPOINT ? config.endpoint() != null : config.roleArn() != null;
      if (given) {
        throw ValueType.invalid(ConnectionKey.ARCHIVE, "archive reads saved history and cannot go with "
            + other.key);
      }
    }
    try {
      Archive archive = Archive.read(path, config.regions());
      Map<String, SdkHttpClient> transports = new LinkedHashMap<>();
      for (RegionHistory region : archive.regions()) {
        transports.put(region.region(), InProcessTransport.serving(EmulatorData.of(region)));
      }
      return SessionFactory.offline(transports, SessionWiring.settings(config), archive.warnings());
    } catch (ArchiveException | IllegalArgumentException e) {
      throw new SQLNonTransientConnectionException(e instanceof ArchiveException ? e.getMessage()
          : "archive " + path + ": " + e.getMessage(), SqlState.CONNECTION_UNABLE_TO_CONNECT.code(), e);
    }
  }
}
