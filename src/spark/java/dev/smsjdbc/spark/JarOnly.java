package dev.smsjdbc.spark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The all jar alone in its own class loader, beside Spark but not under it: the emulator it bundles (started
 * through its command line, as {@code java -cp sms-jdbc-all.jar dev.smsjdbc.emulator.SmsEmulator} would) and
 * plain JDBC, the reference Spark's answers are compared with.
 */
final class JarOnly implements AutoCloseable {
  static final String ACCESS_KEY_ID = "AKIASPARKTEST0000001";
  static final String SECRET = "spark/Test/Secret/0123456789abcdefghij";

  private final URLClassLoader loader;
  private final Object emulator;
  private final Driver driver;
  final String endpoint;

  JarOnly(Path jar, String... dataOptions) throws Exception {
    loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    Method start = loader.loadClass("dev.smsjdbc.emulator.CommandLine")
        .getDeclaredMethod("start", String[].class, PrintStream.class);
    start.setAccessible(true);
    List<String> args = new ArrayList<>(List.of("--port", "0", "--access-key-id", ACCESS_KEY_ID,
        "--secret-access-key", SECRET));
    args.addAll(List.of(dataOptions));
    ByteArrayOutputStream banner = new ByteArrayOutputStream();
    emulator = start.invoke(null, args.toArray(String[]::new), new PrintStream(banner, true, StandardCharsets.UTF_8));
    endpoint = emulator.getClass().getMethod("endpoint").invoke(emulator).toString();
    driver = (Driver) loader.loadClass("dev.smsjdbc.jdbc.SmsDriver").getConstructor().newInstance();
  }

  /** A URL for the emulator; {@code regionKey} is {@code region=...} or {@code regions=...}. */
  String url(String regionKey) {
    return "jdbc:sms:" + regionKey + ";endpoint=" + endpoint + ";accessKeyId=" + ACCESS_KEY_ID
        + ";secretAccessKey=" + SECRET;
  }

  /** The rows of a query by plain JDBC, each value as {@link Rows#text} writes it. */
  List<String> rows(String url, String sql) throws Exception {
    try (Connection c = driver.connect(url, new Properties()); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.add(rs.getObject(i));
        }
        rows.add(Rows.text(row));
      }
      return Rows.sorted(rows);
    }
  }

  int calls(String operation) throws Exception {
    return (int) emulator.getClass().getMethod("requestCount", String.class).invoke(emulator, operation);
  }

  int calls() throws Exception {
    return (int) emulator.getClass().getMethod("requestCount").invoke(emulator);
  }

  void resetCounters() throws Exception {
    emulator.getClass().getMethod("resetCounters").invoke(emulator);
  }

  @Override public void close() throws Exception {
    ((AutoCloseable) emulator).close();
    loader.close();
  }
}
