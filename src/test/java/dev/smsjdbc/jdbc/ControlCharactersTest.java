package dev.smsjdbc.jdbc;

import com.sun.net.httpserver.HttpServer;
import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ids, values and server messages with line breaks or terminal escape sequences are quoted as visible
 * escapes ({@code \r\n}, {@code \u001b}) in the driver's DEBUG log, {@code sms_meta.api_calls} and
 * SQLException messages: a log line stays one line (no forged line) and a terminal is not driven. Over real
 * HTTP, against the emulator and a loopback server that answers with a hostile error message.
 */
class ControlCharactersTest {
  /** A job id that would start a forged log line and clear the screen. */
  private static final String ID = "sms-job-x\r\n2099-01-01 INFO forged\u001b[2J";
  private static final String ID_ESCAPED = "sms-job-x\\r\\n2099-01-01 INFO forged\\u001b[2J";

  private static SmsTestDatabase db;

  @BeforeAll static void start() {
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(31).jobs(2).runsPerJob(1)));
  }

  @AfterAll static void stop() {
    db.close();
  }

  @Test void anIdInWhereIsOneEscapedLineInTheDebugLog() throws Exception {
    String log = capturedStderr(() -> {
      try (Connection c = db.connect()) {
        assertEquals(List.of(), SmsTestDatabase.rows(c,
            "SELECT * FROM replication_jobs WHERE replication_job_id = '" + ID + "'"));
      }
    });
    List<String> lines = log.lines().filter(l -> l.contains("DEBUG dev.smsjdbc.aws.SmsApi")).toList();
    assertEquals(1, lines.size(), log);
    assertTrue(lines.get(0).contains("replicationJobId=" + ID_ESCAPED + " maxResults=50 page=1: NOT_FOUND"),
        lines.get(0));
    assertFalse(log.lines().anyMatch(l -> l.contains("dev.smsjdbc") && l.contains("\u001b")), log);
  }

  @Test void anIdBoundAsAParameterIsEscapedInApiCallsParameters() throws SQLException {
    try (Connection c = db.connect()) {
      SmsTestDatabase.rows(c, "SELECT * FROM replication_jobs WHERE replication_job_id = ?", ID);
      assertEquals(List.of(List.of("replicationJobId=" + ID_ESCAPED + " maxResults=50 page=1")),
          SmsTestDatabase.rows(c, "SELECT parameters FROM sms_meta.api_calls"));
    }
  }

  @Test void aServerErrorMessageWithEscapeSequencesIsEscapedInTheSqlException() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      byte[] body = ("{\"__type\":\"OperationNotPermittedException\",\"message\":"
          + "\"denied\\u001b]0;pwned\\u0007\\r\\n2099-01-01 INFO forged\"}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
      exchange.getResponseHeaders().set("x-amzn-RequestId", "req-\u001b[31m-1");
      exchange.sendResponseHeaders(400, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try (Connection c = DriverManager.getConnection("jdbc:sms:region=us-east-1;endpoint=http://127.0.0.1:"
        + server.getAddress().getPort() + ";accessKeyId=AKIAHOSTILE000000001;secretAccessKey=x;maxAttempts=1")) {
      SQLException e = assertThrows(SQLException.class,
          () -> SmsTestDatabase.rows(c, "SELECT * FROM replication_jobs"));
      assertTrue(e.getMessage().contains("OperationNotPermittedException (HTTP 400, request id req-\\u001b[31m-1)"
          + ": denied\\u001b]0;pwned\\u0007\\r\\n2099-01-01 INFO forged"), e.getMessage());
      assertVisible(e.getMessage());
    } finally {
      server.stop(0);
    }
  }

  @Test void aQuotedNameInTheStatementIsEscapedInTheSyntaxError() {
    SQLException e = assertThrows(SQLException.class,
        () -> db.query("SELECT \"vm\u001b[2Jname\" FROM replication_jobs"));
    assertEquals("42000", e.getSQLState());
    assertTrue(e.getMessage().contains("vm\\u001b[2Jname"), e.getMessage());
    assertVisible(e.getMessage());
  }

  @Test void aValueCastInTheStatementIsEscapedInTheDataError() {
    SQLException e = assertThrows(SQLException.class,
        () -> db.query("SELECT cast(vm_name || '\r\n\u001b[2J' AS integer) FROM replication_jobs"));
    assertTrue(e.getMessage().contains("\\r\\n\\u001b[2J"), e.getMessage());
    assertVisible(e.getMessage());
  }

  @Test void aUrlValueWithAControlCharacterIsRefusedNamingTheKeyWithTheValueEscaped() {
    SQLException e = assertThrows(SQLException.class, () -> db.connect("profile=dev\u001b[2J"));
    assertEquals("HY024", e.getSQLState());
    assertTrue(e.getMessage().contains("'profile'") && e.getMessage().contains("'dev\\u001b[2J'"), e.getMessage());
  }

  @Test void anUnknownKeyWithAControlCharacterIsNamedEscaped() {
    SQLException e = assertThrows(SQLException.class, () -> db.connect("regi\r\non=us-east-1"));
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("'regi\\r\\non'"), e.getMessage());
  }

  private static void assertVisible(String message) {
    assertTrue(message.chars().allMatch(ch -> ch >= 0x20 && ch != 0x7f), message);
  }

  /** What the driver and the SDK log while {@code action} runs (slf4j-simple writes to System.err). */
  static String capturedStderr(SecretsTest.SqlAction action) throws Exception {
    PrintStream err = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(err);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
