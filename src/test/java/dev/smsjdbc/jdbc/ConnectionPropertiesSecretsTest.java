package dev.smsjdbc.jdbc;

import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import org.apache.calcite.jdbc.CalciteConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever a user can read back from a connection (the Properties of the unwrapped Calcite connection,
 * client info, {@code getURL()}, {@code getUserName()}) holds no secret access key, session token or
 * password, and the connection still signs with them: the emulator verifies every signature, so a query
 * that succeeds proves the secrets reached the SDK by the driver's own path. A session token with a line
 * break, which the JDK's HTTP client would quote whole in its exception, is refused at connect from the URL,
 * and is not shown when it comes from the default credential chain.
 */
class ConnectionPropertiesSecretsTest {
  private static final String TOKEN = "IQoJb3JpZ2luX2VjEXAMPLE/Secret+Token==";
  private static SmsTestDatabase db;

  @BeforeAll static void start() {
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(41).jobs(3).runsPerJob(1)));
  }

  @AfterAll static void stop() {
    db.close();
  }

  @Test void theUnwrappedConnectionsPropertiesHoldNoSecretAndItsQueriesSucceed() throws SQLException {
    try (Connection c = db.connect("sessionToken=" + TOKEN)) {
      Properties properties = c.unwrap(CalciteConnection.class).getProperties();
      assertNoSecret(properties.toString());
      assertEquals(SmsTestDatabase.ACCESS_KEY_ID, properties.getProperty("accessKeyId"));
      assertEquals(3, SmsTestDatabase.rows(c, "SELECT * FROM replication_jobs").size());
    }
  }

  @Test void secretsGivenAsPropertiesAreNotKeptInTheConnectionsProperties() throws SQLException {
    Properties info = new Properties();
    info.setProperty("SecretAccessKey", SmsTestDatabase.SECRET); // keys match ignoring case
    info.setProperty("sessionToken", TOKEN);
    String url = db.url().replace(";secretAccessKey=" + SmsTestDatabase.SECRET, "");
    try (Connection c = DriverManager.getConnection(url, info)) {
      assertNoSecret(c.unwrap(CalciteConnection.class).getProperties().toString());
      assertEquals(3, SmsTestDatabase.rows(c, "SELECT * FROM replication_jobs").size());
    }
    assertEquals(TOKEN, info.getProperty("sessionToken"), "the caller's Properties are left as they were");
  }

  @Test void aLoginDialogsPasswordIsNotKeptAndTheUserIsTheUserName() throws SQLException {
    Properties login = new Properties();
    login.setProperty("user", SmsTestDatabase.ACCESS_KEY_ID);
    login.setProperty("password", SmsTestDatabase.SECRET);
    String url = "jdbc:sms:region=us-east-1;endpoint=" + db.emulator.endpoint();
    try (Connection c = DriverManager.getConnection(url, login)) {
      assertNoSecret(c.unwrap(CalciteConnection.class).getProperties().toString());
      assertEquals(SmsTestDatabase.ACCESS_KEY_ID, c.getMetaData().getUserName()); // as pgjdbc: the login's user
      assertEquals(3, SmsTestDatabase.rows(c, "SELECT * FROM replication_jobs").size());
    }
  }

  @Test void clientInfoUrlUserNameAndToStringHoldNoSecret() throws SQLException {
    try (Connection c = db.connect("sessionToken=" + TOKEN)) {
      assertNoSecret(c.getClientInfo() + " " + c.getMetaData().getURL() + " " + c.getMetaData().getUserName()
          + " " + c + " " + c.unwrap(CalciteConnection.class).config());
    }
  }

  @Test void aSessionTokenWithALineBreakIsRefusedAtConnectNamingTheKeyNotTheToken() {
    db.emulator.resetCounters();
    SQLException e = assertThrows(SQLException.class, () -> db.connect("sessionToken=IQoJ\r\nX-Forged: " + TOKEN));
    assertEquals("HY024", e.getSQLState());
    assertTrue(e.getMessage().contains("'sessionToken'"), e.getMessage());
    assertNoSecret(shown(e));
    assertEquals(0, db.emulator.requestCount(), "nothing was sent");
  }

  @Test void aSecretAccessKeyOrPasswordWithAControlCharacterIsRefusedLikewise() {
    for (String key : List.of("secretAccessKey", "password")) {
      SQLException e = assertThrows(SQLException.class, () -> db.connect(key + "=ab\u001bcd" + TOKEN));
      assertEquals("HY024", e.getSQLState(), key);
      assertTrue(e.getMessage().contains("'" + key + "'"), e.getMessage());
      assertNoSecret(shown(e));
    }
  }

  @Test void aSessionTokenWithALineBreakFromTheDefaultChainIsNotShownWhenTheCallFails() throws Exception {
    // The SDK's default chain reads the aws.* system properties first; the driver cannot check them at connect.
    Map<String, String> chain = Map.of("aws.accessKeyId", SmsTestDatabase.ACCESS_KEY_ID,
        "aws.secretAccessKey", SmsTestDatabase.SECRET, "aws.sessionToken", "IQoJ\nX-Forged: " + TOKEN);
    chain.forEach(System::setProperty);
    try {
      String[] failure = new String[1];
      String log = ControlCharactersTest.capturedStderr(() -> {
        try (Connection c = DriverManager.getConnection("jdbc:sms:region=us-east-1;endpoint="
            + db.emulator.endpoint() + ";maxAttempts=1")) {
          SQLException e = assertThrows(SQLException.class,
              () -> SmsTestDatabase.rows(c, "SELECT * FROM replication_jobs"));
          assertEquals("28000", e.getSQLState(), e::getMessage);
          assertTrue(e.getMessage().contains("control character"), e.getMessage());
          failure[0] = shown(e);
        }
      });
      assertNoSecret(failure[0]);
      assertNoSecret(log);
    } finally {
      chain.keySet().forEach(System::clearProperty);
    }
  }

  /** Message, toString and stack trace with every cause. */
  private static String shown(Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return e.getMessage() + "\n" + e + "\n" + trace;
  }

  private static void assertNoSecret(String text) {
    assertFalse(text.contains(SmsTestDatabase.SECRET), () -> "secret access key shown: " + text);
    assertFalse(text.contains(TOKEN), () -> "session token shown: " + text);
  }
}
