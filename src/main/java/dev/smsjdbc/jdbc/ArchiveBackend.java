package dev.smsjdbc.jdbc;

import com.google.common.cache.Cache;
import com.google.common.base.Throwables;
import com.google.common.cache.CacheBuilder;
import com.google.common.util.concurrent.UncheckedExecutionException;
import dev.smsjdbc.api.VisibleText;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ExecutionException;
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
  /**
   * Archives read lately, so that the connections of a pool share one copy instead of each reading it: a
   * copy is used while its files are unchanged (path, size, modification time), and kept softly, so that it
   * never holds memory the JVM needs.
   */
  private static final Cache<Key, Loaded> LOADED = CacheBuilder.newBuilder().maximumSize(4).softValues().build();

  private record Key(Path path, List<String> regions, String fingerprint) {}

  /** An archive's Regions as emulator data (immutable, so shared), and what reading it noticed. */
  private record Loaded(Map<String, EmulatorData> regions, List<String> warnings) {}

  private ArchiveBackend() {}

  private static Loaded load(Path path, List<String> regions) {
    Path absolute = path.toAbsolutePath().normalize();
    Key key = new Key(absolute, regions, Archive.fingerprint(absolute));
    try {
      // Connections opening together read the archive once.
      return LOADED.get(key, () -> {
        Archive archive = Archive.read(absolute, regions);
        Map<String, EmulatorData> data = new LinkedHashMap<>();
        for (RegionHistory region : archive.regions()) {
          data.put(region.region(), EmulatorData.of(region));
        }
        return new Loaded(data, archive.warnings());
      });
    } catch (UncheckedExecutionException | ExecutionException e) {
      Throwables.throwIfUnchecked(e.getCause());
      throw new IllegalStateException(e.getCause());
    }
  }

  static ApiSession open(SmsConnectionConfig config) throws SQLException {
    Path path = config.archive();
    // Saved history needs no endpoint or identity; keys naming one are reported, not silently dropped.
    List<String> notices = new ArrayList<>();
    for (ConnectionKey unused : List.of(ConnectionKey.DEMO, ConnectionKey.ENDPOINT, ConnectionKey.ROLE_ARN,
        ConnectionKey.PROFILE, ConnectionKey.ACCESS_KEY_ID)) {
      boolean given = unused == ConnectionKey.DEMO ? config.demo()
          : unused == ConnectionKey.ENDPOINT ? config.endpoint() != null
          : unused == ConnectionKey.ROLE_ARN ? config.roleArn() != null
          : unused == ConnectionKey.PROFILE ? config.profile() != null : config.accessKeyId() != null;
      if (given) {
        notices.add(unused.key + " is not used: archive=" + path + " reads saved history, without endpoint or "
            + "credentials.");
      }
    }
    try {
      Loaded loaded = load(path, config.regions());
      Map<String, SdkHttpClient> transports = new LinkedHashMap<>();
      loaded.regions().forEach((region, data) -> transports.put(region, InProcessTransport.serving(data)));
      loaded.warnings().forEach(warning -> notices.add(VisibleText.of(warning)));
      return SessionFactory.offline(transports, SessionWiring.settings(config), notices);
    } catch (ArchiveException | IllegalArgumentException e) {
      // A saved file may come from anyone: what it holds is quoted escaped and shortened, as a server's text.
      String message = e instanceof ArchiveException ? e.getMessage() : "archive " + path + ": " + e.getMessage();
      throw new SQLNonTransientConnectionException(VisibleText.quoted(String.valueOf(message), 1000),
          SqlState.CONNECTION_UNABLE_TO_CONNECT.code(), e);
    }
  }
}
