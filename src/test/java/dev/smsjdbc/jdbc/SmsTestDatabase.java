package dev.smsjdbc.jdbc;

import dev.smsjdbc.emulator.EmulatorData;
import dev.smsjdbc.emulator.SmsEmulator;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An emulator on loopback and JDBC connections to it through {@link DriverManager}: the real driver, the
 * real SDK client and real HTTP. Tests read the emulator's counters to assert exact API calls.
 */
final class SmsTestDatabase implements AutoCloseable {
  static final String ACCESS_KEY_ID = "AKIATESTDRIVER000001";
  static final String SECRET = "test/Secret/Key/Do-Not-Leak-0123456789";

  /** The session zone of {@link #url}. */
  static final String UTC = "timeZone=UTC";

  final SmsEmulator emulator;

  SmsTestDatabase(EmulatorData data) {
    this(data, 50);
  }

  SmsTestDatabase(EmulatorData data, int pageCap) {
    this.emulator = SmsEmulator.builder().data(data).credentials(ACCESS_KEY_ID, SECRET).pageCap(pageCap).start();
  }

  /**
   * The URL of a connection to the emulator, with {@code extraKeys} (a key given again replaces the default).
   * Sessions are in UTC ({@code timeZone=UTC}), so that tests read the API's UTC times whatever the JVM's
   * zone; tests of the session zone give theirs, or remove it for the JVM's.
   */
  String url(String... extraKeys) {
    Map<String, String> keys = new LinkedHashMap<>();
    for (String pair : List.of("region=us-east-1", "endpoint=" + emulator.endpoint(), "accessKeyId=" + ACCESS_KEY_ID,
        "secretAccessKey=" + SECRET, UTC)) {
      keys.put(pair.substring(0, pair.indexOf('=')).toLowerCase(Locale.ROOT), pair);
    }
    for (String pair : extraKeys) { // a key given again replaces the default: the driver refuses a key twice
      keys.put((pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair).toLowerCase(Locale.ROOT), pair);
    }
    return "jdbc:sms:" + String.join(";", keys.values());
  }

  Connection connect(String... extraKeys) throws SQLException {
    return DriverManager.getConnection(url(extraKeys), new Properties());
  }

  /** Runs a query on a new connection and returns its rows; counters are reset first. */
  List<List<Object>> query(String sql, Object... params) throws SQLException {
    try (Connection c = connect()) {
      emulator.resetCounters();
      return rows(c, sql, params);
    }
  }

  static List<List<Object>> rows(Connection c, String sql, Object... params) throws SQLException {
    if (params.length == 0) {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        return rows(rs);
      }
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rows(rs);
      }
    }
  }

  static List<List<Object>> rows(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    List<List<Object>> rows = new ArrayList<>();
    while (rs.next()) {
      List<Object> row = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        row.add(rs.getObject(i));
      }
      rows.add(row);
    }
    return rows;
  }

  /** Reads and closes {@code rs}; returns how many rows it had. */
  static int count(ResultSet rs) throws SQLException {
    try (rs) {
      int n = 0;
      while (rs.next()) {
        n++;
      }
      return n;
    }
  }

  /**
   * Waits (5 s at most) until no request has reached the emulator for 300 ms: a call that a stopped scan
   * had in flight finishes in the background and must not count in the next test.
   */
  void awaitQuiet() throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    int seen = emulator.requestCount();
    long quietSince = System.nanoTime();
    while (System.nanoTime() - quietSince < 300_000_000L && System.nanoTime() < deadline) {
      Thread.sleep(50);
      int now = emulator.requestCount();
      if (now != seen) {
        seen = now;
        quietSince = System.nanoTime();
      }
    }
  }

  /** Asserts the API calls made since the last reset, per operation. */
  void assertCalls(int getReplicationJobs, int getReplicationRuns) {
    assertEquals(getReplicationJobs, emulator.requestCount("GetReplicationJobs"),
        () -> "GetReplicationJobs calls; log: " + emulator.requestLog());
    assertEquals(getReplicationRuns, emulator.requestCount("GetReplicationRuns"),
        () -> "GetReplicationRuns calls; log: " + emulator.requestLog());
  }

  @Override public void close() {
    emulator.close();
  }
}
