package dev.smsjdbc.jdbc;

import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code Driver.getPropertyInfo}, as DBeaver's "Driver properties" tab shows it: the accepted keys only. */
class DriverPropertyInfoTest {
  private static SmsTestDatabase db;

  @BeforeAll static void start() {
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(7).jobs(3).runsPerJob(1).servers(1)
        .connectors(1).apps(1)));
  }

  @AfterAll static void stop() {
    db.close();
  }

  private static Map<String, DriverPropertyInfo> info(String url, Properties properties) throws SQLException {
    return Arrays.stream(DriverManager.getDriver(url).getPropertyInfo(url, properties))
        .collect(Collectors.toMap(p -> p.name, Function.identity()));
  }

  @Test void listsExactlyTheKeysConnectAccepts() throws SQLException {
    List<String> names = Arrays.stream(DriverManager.getDriver("jdbc:sms:").getPropertyInfo("jdbc:sms:", new Properties()))
        .map(p -> p.name).toList();
    assertEquals(Arrays.stream(ConnectionKey.values()).map(k -> k.key).toList(), names);
    assertTrue(names.containsAll(List.of("region", "accessKeyId", "demo", "user", "password", "caseSensitive")), names::toString);
  }

  @Test void offersNoCalciteInternalsButCaseSensitive() throws SQLException {
    for (String internal : List.of("model", "lex", "schemaFactory", "FACTORY", "DRUID_FETCH", "SCHEMA", "schema",
        "fun", "typeSystem", "parserFactory")) {
      assertFalse(info("jdbc:sms:", new Properties()).containsKey(internal), internal);
    }
  }

  @Test void everyPropertyHasADescriptionAndIsOptional() throws SQLException {
    for (DriverPropertyInfo p : info("jdbc:sms:", new Properties()).values()) {
      assertTrue(p.description != null && p.description.length() > 10, p.name);
      assertFalse(p.required, p.name);
    }
  }

  @Test void booleanAndChoiceKeysOfferTheirChoices() throws SQLException {
    Map<String, DriverPropertyInfo> info = info("jdbc:sms:", new Properties());
    assertArrayEquals(new String[] {"true", "false"}, info.get("demo").choices);
    assertArrayEquals(new String[] {"true", "false"}, info.get("caseSensitive").choices);
    assertArrayEquals(new String[] {"standard", "adaptive", "legacy"}, info.get("retryMode").choices);
    assertNull(info.get("pageSize").choices);
  }

  @Test void valueIsTheGivenOneElseTheDefault() throws SQLException {
    Properties p = new Properties();
    p.setProperty("maxattempts", "3");
    Map<String, DriverPropertyInfo> info = info("jdbc:sms:pageSize=7;region=eu-west-1", p);
    assertEquals("7", info.get("pageSize").value);
    assertEquals("eu-west-1", info.get("region").value);
    assertEquals("3", info.get("maxAttempts").value);
    assertEquals("8", info.get("maxConcurrency").value);
    assertEquals("standard", info.get("retryMode").value);
    assertNull(info.get("profile").value);
  }

  @Test void secretsAreShownEmpty() throws SQLException {
    Properties p = new Properties();
    p.setProperty("password", "the-password");
    Map<String, DriverPropertyInfo> info = info("jdbc:sms:secretAccessKey=the-secret;sessionToken=the-token", p);
    assertEquals("", info.get("secretAccessKey").value);
    assertEquals("", info.get("sessionToken").value);
    assertEquals("", info.get("password").value);
  }

  @Test void nullInfoIsTreatedAsEmpty() throws SQLException {
    DriverPropertyInfo[] info = DriverManager.getDriver("jdbc:sms:").getPropertyInfo("jdbc:sms:demo=true", null);
    assertEquals(ConnectionKey.values().length, info.length);
  }

  @Test void anotherDriversUrlGivesNoProperties() throws SQLException {
    Driver driver = DriverManager.getDriver("jdbc:sms:");
    assertEquals(0, driver.getPropertyInfo("jdbc:postgresql://localhost/x", null).length);
    assertEquals(0, driver.getPropertyInfo("jdbc:postgresql://localhost/x", new Properties()).length);
  }

  /** A one-file archive, the sample value of {@code archive}. */
  private static java.nio.file.Path savedHistory() {
    try {
      java.nio.file.Path file = java.nio.file.Files.createTempDirectory("archive").resolve("us-east-1")
          .resolve("jobs.json");
      java.nio.file.Files.createDirectories(file.getParent());
      java.nio.file.Files.writeString(file, "{\"replicationJobList\": []}");
      return file;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test void everyListedKeyIsAcceptedByConnect() throws SQLException {
    // Sample values for the keys without a default; connecting contacts nothing, so roleArn and profile
    // need not exist.
    Map<String, String> samples = new java.util.HashMap<>(Map.of("region", "us-east-1", "regions", "us-east-1",
        "profile", "unused", "sessionToken", "token", "roleArn", "arn:aws:iam::123456789012:role/R", "externalId", "ext",
        "stsEndpoint", db.emulator.endpoint().toString(), "apiCallTimeout", "30s", "user", "u", "password", "p"));
    samples.put("archive", savedHistory().toString());
    Properties p = new Properties();
    for (DriverPropertyInfo property : info("jdbc:sms:", new Properties()).values()) {
      String value = property.value != null && !property.value.isEmpty() ? property.value : samples.get(property.name);
      if (value != null) {
        p.setProperty(property.name, value);
      }
    }
    try (Connection c = DriverManager.getConnection(db.url(), p)) {
      assertFalse(c.isClosed());
    }
    for (DriverPropertyInfo property : info("jdbc:sms:", new Properties()).values()) {
      assertTrue(p.containsKey(property.name) || db.url().contains(property.name + "="), property.name);
    }
  }
}
