package dev.smsjdbc.jdbc;

import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the secret keys ({@link ConnectionKey#isSecret()}) hide, everywhere alike; {@code externalId} is not
 * one (an identifier kept in plain text in the trust policy), so getURL() and toString() both show it.
 */
class RedactionTest {
  private static SmsTestDatabase db;

  @BeforeAll static void start() {
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(17).jobs(2).runsPerJob(1).servers(1)
        .connectors(1).apps(1)));
  }

  @AfterAll static void stop() {
    db.close();
  }

  @Test void theSecretKeysArePasswordSecretAccessKeyAndSessionToken() {
    for (ConnectionKey key : ConnectionKey.values()) {
      assertEquals(key == ConnectionKey.PASSWORD || key == ConnectionKey.SECRET_ACCESS_KEY
          || key == ConnectionKey.SESSION_TOKEN, key.isSecret(), key.key);
    }
  }

  @Test void externalIdIsShownByGetUrlAndToStringAlike() throws SQLException {
    try (Connection c = db.connect("roleArn=arn:aws:iam::123456789012:role/R", "externalId=ext-42")) {
      assertTrue(c.getMetaData().getURL().contains("externalId=ext-42"), c.getMetaData().getURL());
    }
    Properties p = new Properties();
    p.setProperty("externalId", "ext-42");
    assertTrue(SmsConnectionConfig.from(p).toString().contains("externalId=ext-42"));
  }

  @Test void toStringMasksEverySecretKey() throws SQLException {
    Properties p = new Properties();
    p.setProperty("accessKeyId", "AKIAEXAMPLE");
    p.setProperty("secretAccessKey", "s3cr3t-key");
    p.setProperty("sessionToken", "s3cr3t-token");
    p.setProperty("password", "s3cr3t-password");
    String shown = SmsConnectionConfig.from(p).toString();
    assertFalse(shown.contains("s3cr3t"), shown);
    assertTrue(shown.contains("accessKeyId=AKIAEXAMPLE") && shown.contains("secretAccessKey=****"), shown);
  }

  @Test void aQuotedSecretHoldingASemicolonIsRemovedWhole() throws SQLException {
    assertEquals("region=us-east-1; demo=true",
        SmsConnectionConfig.redactUrlSuffix("region=us-east-1;password='ab;cd'; demo=true"));
    assertEquals("region=us-east-1", SmsConnectionConfig.redactUrlSuffix("region=us-east-1;SecretAccessKey=x;"));
  }

  @Test void anUnterminatedQuoteIsAnErrorThatDoesNotShowTheUrl() {
    SQLException e = assertThrows(SQLException.class,
        () -> DriverManager.getConnection("jdbc:sms:demo=true;secretAccessKey=\"do-not-show"));
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("'secretAccessKey'") && !e.getMessage().contains("do-not-show"), e.getMessage());
  }

  @Test void aLongValueIsShortenedInTheMessage() {
    String value = "x".repeat(5_000);
    SQLException e = assertThrows(SQLException.class, () -> db.connect("apiCallTimeout=" + value));
    assertEquals("HY024", e.getSQLState());
    assertTrue(e.getMessage().contains("'apiCallTimeout'") && e.getMessage().length() < 300, e.getMessage());
  }

  @Test void connectWithNullPropertiesWorks() throws SQLException {
    try (Connection c = DriverManager.getDriver(db.url()).connect(db.url(), null)) {
      assertEquals(2, SmsTestDatabase.rows(c, "SELECT * FROM replication_jobs").size());
    }
  }
}
