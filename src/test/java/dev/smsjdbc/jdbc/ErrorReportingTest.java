package dev.smsjdbc.jdbc;

import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every failure reaches the user as an SQLException whose SQLState names the kind of failure, whose message
 * names the cause, and whose cause is the AWS SDK's exception where there is one.
 */
class ErrorReportingTest {
  private static SmsTestDatabase db;

  @BeforeAll static void start() {
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(9).jobs(30).runsPerJob(3)
        .servers(2).connectors(1).apps(1)), 10);
  }

  @AfterAll static void stop() {
    db.close();
  }

  @AfterEach void clearFaults() {
    db.emulator.faults().clear();
  }

  @Test void wrongSecretIsAnAuthorizationErrorWithCodeAndRequestId() {
    String url = db.url().replace(SmsTestDatabase.SECRET, "not/the/right/secret/0000000000000000000");
    SQLException e = assertThrows(SQLException.class, () -> query(url, "SELECT * FROM replication_jobs"));
    assertInstanceOf(SQLInvalidAuthorizationSpecException.class, e);
    assertEquals("28000", e.getSQLState());
    assertTrue(e.getMessage().contains("InvalidSignatureException") && e.getMessage().contains("request id"),
        e.getMessage());
    assertInstanceOf(AwsServiceException.class, e.getCause());
  }

  @Test void unknownAccessKeyIsAnAuthorizationError() {
    String url = db.url().replace(SmsTestDatabase.ACCESS_KEY_ID, "AKIAUNKNOWN000000000");
    SQLException e = assertThrows(SQLException.class, () -> query(url, "SELECT * FROM replication_jobs"));
    assertEquals("28000", e.getSQLState());
    assertTrue(e.getMessage().contains("UnrecognizedClientException"), e.getMessage());
  }

  @Test void unreachableEndpointIsAConnectionError() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String url = db.url("maxAttempts=1").replace(db.emulator.endpoint().toString(), "http://127.0.0.1:" + port);
    SQLException e = assertThrows(SQLException.class, () -> query(url, "SELECT * FROM replication_jobs"));
    assertInstanceOf(SQLNonTransientConnectionException.class, e);
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("Cannot reach"), e.getMessage());
  }

  @Test void serverFaultMidQueryNamesTheAwsErrorAndRequestId() throws Exception {
    db.emulator.faults().failAfter(1, 503);
    try (Connection c = db.connect("maxAttempts=2"); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT * FROM replication_jobs")) {
      SQLException e = assertThrows(SQLException.class, () -> {
        while (rs.next()) {
          // read until the failing page
        }
      });
      assertInstanceOf(SQLTransientConnectionException.class, e);
      assertEquals("08S01", e.getSQLState());
      assertTrue(e.getMessage().contains("ServiceUnavailable") && e.getMessage().contains("request id"),
          e.getMessage());
      assertInstanceOf(AwsServiceException.class, e.getCause());
    }
  }

  @Test void badSqlIsASyntaxErrorWithItsPosition() throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT no_such_column FROM replication_jobs"));
      assertInstanceOf(SQLSyntaxErrorException.class, e);
      assertEquals("42000", e.getSQLState());
      assertTrue(e.getMessage().contains("line 1, column 8") && e.getMessage().contains("no_such_column"),
          e.getMessage());
    }
  }

  @Test void unparsableSqlIsASyntaxErrorWithItsPosition() throws Exception {
    try (Connection c = db.connect()) {
      SQLException e = assertThrows(SQLException.class, () -> c.prepareStatement("SELEC * FROM replication_jobs"));
      assertEquals("42000", e.getSQLState());
      assertTrue(e.getMessage().contains("line 1, column 1"), e.getMessage());
    }
  }

  @Test void unknownTableIsASyntaxError() throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM replication_jbos"));
      assertEquals("42000", e.getSQLState());
      assertTrue(e.getMessage().contains("REPLICATION_JBOS") || e.getMessage().contains("replication_jbos"),
          e.getMessage());
    }
  }

  @Test void apiCallTimeoutIsATimeout() throws Exception {
    db.emulator.faults().latency(java.time.Duration.ofSeconds(3));
    SQLException e = assertThrows(SQLException.class,
        () -> query(db.url("apiCallTimeout=300ms"), "SELECT * FROM replication_jobs"));
    assertInstanceOf(SQLTimeoutException.class, e);
    assertEquals("HYT00", e.getSQLState());
    assertTrue(e.getMessage().contains("apiCallTimeout"), e.getMessage());
  }

  private static void query(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        // drain
      }
    }
  }
}
