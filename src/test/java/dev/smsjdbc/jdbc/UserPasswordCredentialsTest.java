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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code user}/{@code password} of login dialogs are the access key pair when nothing else names credentials. */
class UserPasswordCredentialsTest {
  private static SmsTestDatabase db;

  @BeforeAll static void start() {
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(13).jobs(6).runsPerJob(1).servers(1)
        .connectors(1).apps(1)));
  }

  @AfterAll static void stop() {
    db.close();
  }

  private static String urlWithoutKeys() {
    return "jdbc:sms:region=us-east-1;endpoint=" + db.emulator.endpoint();
  }

  private static Properties login(String user, String password) {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    return p;
  }

  @Test void userAndPasswordAreTheAccessKeyPair() throws SQLException {
    try (Connection c = DriverManager.getConnection(urlWithoutKeys(),
        login(SmsTestDatabase.ACCESS_KEY_ID, SmsTestDatabase.SECRET))) {
      assertEquals(6, SmsTestDatabase.rows(c, "SELECT * FROM replication_jobs").size());
    }
  }

  @Test void userAndPasswordMayComeFromTheUrl() throws SQLException {
    String url = urlWithoutKeys() + ";user=" + SmsTestDatabase.ACCESS_KEY_ID + ";password=" + SmsTestDatabase.SECRET;
    try (Connection c = DriverManager.getConnection(url)) {
      assertEquals(6, SmsTestDatabase.rows(c, "SELECT * FROM replication_jobs").size());
    }
  }

  @Test void aWrongPasswordIsAnAuthorizationErrorOnTheFirstQuery() throws SQLException {
    try (Connection c = DriverManager.getConnection(urlWithoutKeys(),
        login(SmsTestDatabase.ACCESS_KEY_ID, "not/the/right/secret/0000000000000000000"))) {
      SQLException e = assertThrows(SQLException.class, () -> SmsTestDatabase.rows(c, "SELECT * FROM replication_jobs"));
      assertEquals("28000", e.getSQLState());
    }
  }

  @Test void otherCredentialsWinOverUserAndPassword() throws SQLException {
    try (Connection c = DriverManager.getConnection(db.url(), login("AKIAIGNORED000000000", "ignored"))) {
      assertEquals(6, SmsTestDatabase.rows(c, "SELECT * FROM replication_jobs").size());
    }
  }

  @Test void demoIgnoresUserAndPassword() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sms:demo=true", login("someone", "something"))) {
      assertTrue(SmsTestDatabase.rows(c, "SELECT * FROM replication_jobs").size() > 0);
    }
  }

  @Test void emptyUserAndPasswordMeanNothing() throws SQLException {
    SmsConnectionConfig config = SmsConnectionConfig.from(login("", ""));
    assertNull(config.accessKeyId());
    assertNull(config.secretAccessKey());
  }

  @Test void aUserWithoutPasswordIsAnErrorNamingPassword() {
    SQLException e = assertThrows(SQLException.class,
        () -> DriverManager.getConnection(urlWithoutKeys(), login(SmsTestDatabase.ACCESS_KEY_ID, "")));
    assertEquals("HY024", e.getSQLState());
    assertTrue(e.getMessage().contains("'password'"), e.getMessage());
  }

  @Test void thePasswordIsNotInGetUrlOrToString() throws SQLException {
    String url = urlWithoutKeys() + ";user=" + SmsTestDatabase.ACCESS_KEY_ID + ";password=" + SmsTestDatabase.SECRET;
    try (Connection c = DriverManager.getConnection(url)) {
      String shown = c.getMetaData().getURL();
      assertTrue(shown.contains("user=" + SmsTestDatabase.ACCESS_KEY_ID) && !shown.contains(SmsTestDatabase.SECRET), shown);
    }
    String config = SmsConnectionConfig.from(login(SmsTestDatabase.ACCESS_KEY_ID, SmsTestDatabase.SECRET)).toString();
    assertTrue(config.contains("password=****") && !config.contains(SmsTestDatabase.SECRET), config);
  }
}
