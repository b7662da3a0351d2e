package dev.smsjdbc.jdbc;

import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connecting: URL keys, Properties, validation, registration, identifiers, the default schema. */
class ConnectionTest {
  private static SmsTestDatabase db;

  @BeforeAll static void start() {
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(5).jobs(10).runsPerJob(3)
        .servers(2).connectors(1).apps(1)));
  }

  @AfterAll static void stop() {
    db.close();
  }

  @Test void driverIsRegisteredAsAJavaSqlDriverService() {
    assertTrue(ServiceLoader.load(Driver.class).stream().anyMatch(p -> p.type() == SmsDriver.class));
  }

  @Test void driverManagerFindsTheDriverForJdbcSmsUrls() throws SQLException {
    assertInstanceOf(SmsDriver.class, DriverManager.getDriver("jdbc:sms:demo=true"));
  }

  @Test void driverDoesNotAcceptOtherUrls() throws SQLException {
    assertEquals(null, new SmsDriver().connect("jdbc:postgresql://localhost/x", new Properties()));
  }

  @Test void everyKeyMayComeFromProperties() throws SQLException {
    Properties p = new Properties();
    p.setProperty("region", "us-east-1");
    p.setProperty("endpoint", db.emulator.endpoint().toString());
    p.setProperty("accessKeyId", SmsTestDatabase.ACCESS_KEY_ID);
    p.setProperty("secretAccessKey", SmsTestDatabase.SECRET);
    p.setProperty("pageSize", "4");
    try (Connection c = DriverManager.getConnection("jdbc:sms:", p)) {
      db.emulator.resetCounters();
      assertEquals(10, SmsTestDatabase.rows(c, "SELECT * FROM replication_jobs").size());
      db.assertCalls(3, 0);
    }
  }

  @Test void urlKeysOverrideProperties() throws SQLException {
    Properties p = new Properties();
    p.setProperty("pageSize", "oops");
    try (Connection c = DriverManager.getConnection(db.url("pageSize=5"), p)) {
      db.emulator.resetCounters();
      SmsTestDatabase.rows(c, "SELECT * FROM replication_jobs");
      db.assertCalls(2, 0);
    }
  }

  @Test void unknownKeyIsAnErrorNamingTheValidKeys() {
    SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:sms:regon=us-east-1"));
    assertTrue(e.getMessage().contains("'regon'"), e.getMessage());
    assertTrue(e.getMessage().contains("Valid keys: region, regions,") && e.getMessage().contains("accessKeyId"),
        e.getMessage());
    assertEquals("08001", e.getSQLState());
  }

  @Test void malformedValueIsAnErrorNamingTheKey() {
    SQLException e = assertThrows(SQLException.class, () -> db.connect("pageSize=fifty"));
    assertTrue(e.getMessage().contains("'pageSize'"), e.getMessage());
    assertEquals("HY024", e.getSQLState());
    SQLException demo = assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:sms:demo=yes"));
    assertTrue(demo.getMessage().contains("'demo'"), demo.getMessage());
    SQLException timeout = assertThrows(SQLException.class, () -> db.connect("apiCallTimeout=soon"));
    assertTrue(timeout.getMessage().contains("'apiCallTimeout'"), timeout.getMessage());
  }

  @Test void unknownRegionIsAnErrorNamingTheKey() {
    SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:sms:region=us-middle-9"));
    assertTrue(e.getMessage().contains("'region'") && e.getMessage().contains("us-middle-9"), e.getMessage());
  }

  @Test void calciteKeysAndGuiCredentialsAreAccepted() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "");
    p.setProperty("password", "");
    try (Connection c = DriverManager.getConnection(db.url("caseSensitive=false"), p)) {
      assertFalse(c.isClosed());
    }
  }

  @Test void anEndpointOverrideWorksWithoutARegion() throws SQLException {
    String url = db.url().replace("region=us-east-1;", "");
    try (Connection c = DriverManager.getConnection(url)) {
      // AWS_REGION or the profile's region if the environment has one, else us-east-1; never EC2 metadata.
      assertEquals(10, SmsTestDatabase.rows(c, "SELECT * FROM replication_jobs").size());
    }
  }

  @Test void smsIsTheDefaultSchema() throws SQLException {
    try (Connection c = db.connect()) {
      assertEquals("sms", c.getSchema());
      assertEquals(10, SmsTestDatabase.rows(c, "SELECT * FROM sms.replication_jobs").size());
    }
  }

  @Test void unquotedIdentifiersAreCaseInsensitive() throws SQLException {
    try (Connection c = db.connect()) {
      for (String table : List.of("replication_jobs", "REPLICATION_JOBS", "\"replication_jobs\"", "Replication_Jobs")) {
        assertEquals(10, SmsTestDatabase.rows(c, "SELECT Replication_Job_Id FROM " + table).size(), table);
      }
      assertEquals("\"", c.getMetaData().getIdentifierQuoteString());
    }
  }

  @Test void demoNeedsNoCredentials() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sms:demo=true");
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT count(*) FROM replication_jobs")) {
      assertTrue(rs.next());
      assertEquals(EmulatorData.demo().replicationJobs().size(), rs.getLong(1));
    }
  }

  @Test void urlShownByMetadataHasNoSecret() throws SQLException {
    try (Connection c = db.connect()) {
      String url = c.getMetaData().getURL();
      assertFalse(url.contains(SmsTestDatabase.SECRET), url);
      assertTrue(url.contains("accessKeyId=" + SmsTestDatabase.ACCESS_KEY_ID), url);
    }
  }

  @Test void everyKeyIsDocumentedInTheReadme() throws Exception {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
    for (ConnectionKey key : ConnectionKey.values()) {
      assertTrue(readme.contains("| `" + key.key + "` |"), key.key + " is missing from the README's key table");
    }
  }

  @Test void driverReportsItsOwnNameAndProduct() throws SQLException {
    try (Connection c = db.connect()) {
      assertEquals("sms-jdbc", c.getMetaData().getDriverName());
      assertEquals("AWS Server Migration Service", c.getMetaData().getDatabaseProductName());
    }
  }
}
