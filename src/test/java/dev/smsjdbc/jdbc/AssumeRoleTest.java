package dev.smsjdbc.jdbc;

import dev.smsjdbc.emulator.EmulatorData;
import dev.smsjdbc.emulator.RecordedRequest;
import dev.smsjdbc.emulator.SmsEmulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code roleArn}: the driver assumes the role through STS (the emulator's) with the base credentials of the URL,
 * and signs every SMS call with the role's temporary credentials.
 */
class AssumeRoleTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/SmsReadOnly";
  private static final String EXTERNAL_ID = "acme-7f3a9c";
  private static final String JOBS = "SELECT replication_job_id FROM replication_jobs ORDER BY 1";
  private static final String RUNS = "SELECT COUNT(*) FROM replication_runs";

  private static SmsEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = SmsEmulator.builder().data(EmulatorData.demo())
        .credentials(SmsTestDatabase.ACCESS_KEY_ID, SmsTestDatabase.SECRET)
        .assumableRole(ROLE, EXTERNAL_ID).start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @BeforeEach
  void reset() {
    emulator.resetCounters();
  }

  private static Connection connect(String... keys) throws SQLException {
    StringBuilder url = new StringBuilder("jdbc:sms:region=us-east-1;endpoint=" + emulator.endpoint()
        + ";stsEndpoint=" + emulator.endpoint() + ";accessKeyId=" + SmsTestDatabase.ACCESS_KEY_ID
        + ";secretAccessKey=" + SmsTestDatabase.SECRET);
    for (String key : keys) {
      url.append(';').append(key);
    }
    return DriverManager.getConnection(url.toString(), new Properties());
  }

  private static List<RecordedRequest> assumeRoles() {
    return emulator.requestLog().stream().filter(r -> r.operation().equals("AssumeRole")).toList();
  }

  private static List<RecordedRequest> smsRequests() {
    return emulator.requestLog().stream().filter(r -> !r.operation().equals("AssumeRole")).toList();
  }

  @Test
  void smsCallsAreSignedWithTheAssumedRolesCredentials() throws SQLException {
    List<List<Object>> expected;
    try (Connection base = connect()) {
      expected = SmsTestDatabase.rows(base, JOBS);
    }
    assertEquals(12, expected.size());
    emulator.resetCounters();

    try (Connection c = connect("roleArn=" + ROLE, "externalId=" + EXTERNAL_ID)) {
      assertEquals(0, emulator.requestCount(), "nothing is called at connect time");
      assertEquals(expected, SmsTestDatabase.rows(c, JOBS));

      List<RecordedRequest> assumed = assumeRoles();
      assertEquals(1, assumed.size(), emulator.requestLog()::toString);
      RecordedRequest assumeRole = assumed.get(0);
      assertEquals(200, assumeRole.status());
      assertEquals(SmsTestDatabase.ACCESS_KEY_ID, assumeRole.accessKeyId());
      assertEquals(ROLE, assumeRole.parameters().get("RoleArn").asText());
      assertEquals("sms-jdbc", assumeRole.parameters().get("RoleSessionName").asText());
      assertEquals(EXTERNAL_ID, assumeRole.parameters().get("ExternalId").asText());
      assertEquals(0, emulator.requestLog().indexOf(assumeRole), "AssumeRole comes first");

      Set<String> signers = smsRequests().stream().map(RecordedRequest::accessKeyId).collect(Collectors.toSet());
      assertEquals(1, signers.size(), signers::toString);
      String temporaryKey = signers.iterator().next();
      assertTrue(temporaryKey.startsWith("ASIA"), temporaryKey);
      assertTrue(smsRequests().stream().allMatch(r -> r.status() == 200), emulator.requestLog()::toString);

      // The credentials are cached until shortly before they expire (an hour): no second AssumeRole.
      assertEquals(List.of(List.of(298L)), SmsTestDatabase.rows(c, RUNS));
      assertEquals(1, assumeRoles().size());
      assertTrue(smsRequests().size() > 2);
      assertEquals(Set.of(temporaryKey),
          smsRequests().stream().map(RecordedRequest::accessKeyId).collect(Collectors.toSet()));
    }
  }

  @Test
  void roleSessionNameIsSent() throws SQLException {
    try (Connection c = connect("roleArn=" + ROLE, "externalId=" + EXTERNAL_ID, "roleSessionName=nightly.report")) {
      SmsTestDatabase.rows(c, JOBS);
    }
    assertEquals("nightly.report", assumeRoles().get(0).parameters().get("RoleSessionName").asText());
  }

  @Test
  void aRoleTheBaseIdentityMayNotAssumeIsAnAuthorizationError() throws SQLException {
    String other = "arn:aws:iam::123456789012:role/Administrator";
    for (String[] keys : List.of(new String[] {"roleArn=" + other},
        new String[] {"roleArn=" + ROLE, "externalId=not-ours"}, new String[] {"roleArn=" + ROLE})) {
      emulator.resetCounters();
      String role = keys[0].substring("roleArn=".length());
      try (Connection c = connect(keys)) {
        SQLException e = assertThrows(SQLException.class, () -> SmsTestDatabase.rows(c, JOBS));
        assertInstanceOf(SQLInvalidAuthorizationSpecException.class, e, e::toString);
        assertEquals("28000", e.getSQLState(), e::toString);
        assertTrue(e.getMessage().contains("AssumeRole") && e.getMessage().contains(role), e.getMessage());
        assertTrue(e.getMessage().contains("AccessDenied"), e.getMessage());
        assertFalse(e.getMessage().contains(SmsTestDatabase.SECRET), e.getMessage());
      }
      assertEquals(1, assumeRoles().size(), "AccessDenied is not retried: " + emulator.requestLog());
      assertTrue(smsRequests().isEmpty(), () -> "no SMS call without credentials: " + emulator.requestLog());
    }
  }

  @Test
  void anUnreachableStsIsAConnectionError() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String url = "jdbc:sms:region=us-east-1;endpoint=" + emulator.endpoint() + ";stsEndpoint=http://127.0.0.1:"
        + closedPort + ";accessKeyId=" + SmsTestDatabase.ACCESS_KEY_ID + ";secretAccessKey="
        + SmsTestDatabase.SECRET + ";roleArn=" + ROLE + ";externalId=" + EXTERNAL_ID + ";maxAttempts=1";
    try (Connection c = DriverManager.getConnection(url, new Properties())) {
      SQLException e = assertThrows(SQLException.class, () -> SmsTestDatabase.rows(c, JOBS));
      assertEquals("08001", e.getSQLState(), e::toString);
      assertTrue(e.getMessage().contains("AssumeRole") && e.getMessage().contains(ROLE), e.getMessage());
    }
    assertEquals(0, emulator.requestCount());
  }

  @Test
  void closingTheConnectionLeavesNoStsThread() throws SQLException {
    try (Connection c = connect("roleArn=" + ROLE, "externalId=" + EXTERNAL_ID)) {
      SmsTestDatabase.rows(c, JOBS);
      SmsTestDatabase.rows(c, RUNS);
    }
    assertEquals(1, assumeRoles().size());
    Set<String> stsThreads = Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.startsWith("sdk-cache") || n.contains("sts-assume-role") || n.contains("credentials-provider"))
        .collect(Collectors.toSet());
    assertEquals(Set.of(), stsThreads);
  }
}
