package dev.smsjdbc.jdbc;

import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The secret access key and the session token never appear in a message, a log line at any level, a
 * {@code toString()}, {@code getURL()} or client info, in succeeding and failing runs alike. The test logs
 * the driver at TRACE and the AWS SDK at DEBUG (test {@code simplelogger.properties}) and captures it all.
 */
class SecretsTest {
  private static final String TOKEN = "IQoJb3JpZ2luX2VjEXAMPLE/SessionToken/Secret+Value==";
  private static SmsTestDatabase db;

  @BeforeAll static void start() {
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(23).jobs(15).runsPerJob(3)
        .servers(2).connectors(1).apps(1)), 5);
  }

  @AfterAll static void stop() {
    db.close();
  }

  @Test void secretsAppearNowhereInSucceedingOrFailingRuns() throws Exception {
    List<String> seen = new ArrayList<>();
    String logs = capture(() -> {
      // Succeeding: static keys with a session token, from the URL and from Properties.
      try (Connection c = db.connect("sessionToken=" + TOKEN); Statement s = c.createStatement()) {
        seen.add(c.toString());
        seen.add(s.toString());
        seen.add(c.getMetaData().getURL());
        seen.add(String.valueOf(c.getClientInfo()));
        try (ResultSet rs = s.executeQuery("SELECT * FROM replication_runs")) {
          seen.add(rs.toString());
          SmsTestDatabase.rows(rs);
        }
      }
      Properties p = new Properties();
      p.setProperty("secretAccessKey", SmsTestDatabase.SECRET);
      p.setProperty("sessionToken", TOKEN);
      try (Connection c = DriverManager.getConnection(db.url().replace(";secretAccessKey=" + SmsTestDatabase.SECRET, ""), p)) {
        seen.add(c.getMetaData().getURL());
        SmsTestDatabase.rows(c, "SELECT count(*) FROM replication_jobs");
      }
      // Failing: wrong signature, invalid values next to the secret, server faults, a timeout.
      seen.add(failure(() -> db.connect("sessionToken=" + TOKEN, "region=nowhere-1")));
      seen.add(failure(() -> db.connect("sessionToken=" + TOKEN, "regon=us-east-1")));
      seen.add(failure(() -> db.connect("sessionToken=" + TOKEN, "pageSize=0")));
      seen.add(failure(() -> DriverManager.getConnection(db.url().replace(SmsTestDatabase.ACCESS_KEY_ID, "AKIAOTHER00000000000")
          + ";sessionToken=" + TOKEN).createStatement().executeQuery("SELECT * FROM replication_jobs")));
      db.emulator.faults().failAfter(1, 500);
      seen.add(failure(() -> {
        try (Connection c = db.connect("sessionToken=" + TOKEN, "maxAttempts=2")) {
          SmsTestDatabase.rows(c, "SELECT * FROM replication_runs");
        }
      }));
      db.emulator.faults().clear();
      Properties all = new Properties();
      all.setProperty("accessKeyId", SmsTestDatabase.ACCESS_KEY_ID);
      all.setProperty("secretAccessKey", SmsTestDatabase.SECRET);
      all.setProperty("sessionToken", TOKEN);
      seen.add(SmsConnectionConfig.from(all).toString());
    });
    assertTrue(logs.contains("GetReplicationRuns"), "the driver's DEBUG log was captured");
    assertTrue(logs.contains("software.amazon.awssdk"), "the AWS SDK's DEBUG log was captured");
    String all = logs + String.join("\n", seen);
    assertFalse(all.contains(SmsTestDatabase.SECRET), "secret access key leaked");
    int at = all.indexOf(TOKEN);
    assertFalse(at >= 0, () -> "session token leaked: " + all.substring(Math.max(0, at - 300), at + 100));
  }

  /** Runs {@code action}, which must fail, and returns everything its exception shows. */
  private static String failure(SqlAction action) {
    try {
      action.run();
    } catch (Exception e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      return e.getMessage() + "\n" + e + "\n" + trace;
    }
    throw new AssertionError("expected a failure");
  }

  private static String capture(SqlAction action) throws Exception {
    PrintStream err = System.err;
    PrintStream out = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream tee = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    System.setErr(tee);
    System.setOut(tee);
    try {
      action.run();
    } finally {
      System.setErr(err);
      System.setOut(out);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @FunctionalInterface
  interface SqlAction {
    void run() throws Exception;
  }
}
