package dev.smsjdbc.jdbc;

import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Errors a person can read, as pgjdbc writes them: the token at or near a syntax error with its line and column
 * and the text around it, in one line; the closest existing name for an unknown one; a trailing {@code ;}
 * accepted.
 */
class SqlErrorMessagesTest {
  private static SmsTestDatabase db;

  @BeforeAll static void start() {
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(13).jobs(2).runsPerJob(1)));
  }

  @AfterAll static void stop() {
    db.close();
  }

  @Test void aTypoInTheFirstKeywordNamesTheWord() throws Exception {
    assertEquals("Syntax error at or near \"selct\" at line 1, column 1: selct * from replication_jobs",
        syntaxError("selct * from replication_jobs").getMessage());
  }

  @Test void aStatementCutShortSaysWhereItEnds() throws Exception {
    assertEquals("Syntax error: the statement ends unexpectedly at line 1, column 36: "
        + "...* from replication_jobs where", syntaxError("select * from replication_jobs where").getMessage());
  }

  @Test void anErrorOnALaterLineNamesThatLineAndItsText() throws Exception {
    // The parser stops at the first "=" of the two: it is "at or near" the error.
    assertEquals("Syntax error at or near \"=\" at line 3, column 13: where state = = 'ACTIVE'",
        syntaxError("select *\nfrom replication_jobs\nwhere state = = 'ACTIVE'").getMessage());
  }

  @Test void aLongLineIsCutAroundTheError() throws Exception {
    String sql = "select replication_job_id, server_id, server_type, vm_manager_id, vm_id, vm_name from from "
        + "replication_jobs where state = 'ACTIVE' and frequency > 1";
    String message = syntaxError(sql).getMessage();
    assertTrue(message.startsWith("Syntax error at or near \"from\" at line 1, column 87: ..."), message);
    assertTrue(message.endsWith("vm_name from from replication_jobs where st..."), message);
    assertTrue(message.length() < 170, message);
  }

  @Test void syntaxErrorsAreOneLine() throws Exception {
    for (String sql : new String[] {"select * from replication_jobs where", "select 1 from", "select (1 from x",
        "select * from replication_jobs where state = 'x", "select * from replication_jobs order by"}) {
      String message = syntaxError(sql).getMessage();
      assertFalse(message.contains("\n") || message.contains("Was expecting"), message);
      assertTrue(message.contains(" at line 1, column "), message);
    }
  }

  @Test void anUnknownColumnNamesTheClosestColumn() throws Exception {
    assertEquals("From line 1, column 8 to line 1, column 13: Column 'vm_nme' not found in any table; "
        + "did you mean \"vm_name\"?",
        syntaxError("select vm_nme from replication_jobs").getMessage());
  }

  @Test void anUnknownQualifiedColumnNamesTheClosestColumn() throws Exception {
    assertTrue(syntaxError("select j.stat from replication_jobs j").getMessage().endsWith("did you mean \"state\"?"));
  }

  @Test void anUnknownTableNamesTheClosestTable() throws Exception {
    assertEquals("From line 1, column 15 to line 1, column 29: Object 'replication_job' not found; "
        + "did you mean \"replication_jobs\"?",
        syntaxError("select * from replication_job").getMessage());
  }

  @Test void nothingIsSuggestedWhenNoNameIsClose() throws Exception {
    assertEquals("From line 1, column 8 to line 1, column 12: Column 'xyzzy' not found in any table",
        syntaxError("select xyzzy from replication_jobs").getMessage());
  }

  @Test void aTrailingSemicolonIsAccepted() throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM replication_jobs;  \n")) {
      assertTrue(rs.next());
      assertEquals(2, rs.getInt(1));
    }
  }

  @Test void aTrailingSemicolonIsAcceptedWhenPrepared() throws Exception {
    try (Connection c = db.connect();
         PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM replication_jobs WHERE state <> ?;")) {
      ps.setString(1, "none");
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(2, rs.getInt(1));
      }
    }
  }

  @Test void anEmptyStatementSaysSo() throws Exception {
    for (String sql : new String[] {"", "  \n ", ";"}) {
      assertEquals("Syntax error: the statement is empty", syntaxError(sql).getMessage());
    }
  }

  @Test void twoStatementsAreStillAnError() throws Exception {
    assertEquals("Syntax error at or near \";\" at line 1, column 9: select 1; select 2",
        syntaxError("select 1; select 2").getMessage());
  }

  @Test void preparedStatementsGetTheSameMessages() throws Exception {
    try (Connection c = db.connect()) {
      SQLException e = assertThrows(SQLSyntaxErrorException.class, () -> c.prepareStatement("selct 1"));
      assertEquals("42000", e.getSQLState());
      assertEquals("Syntax error at or near \"selct\" at line 1, column 1: selct 1", e.getMessage());
    }
  }

  private static SQLException syntaxError(String sql) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      SQLException e = assertThrows(SQLSyntaxErrorException.class, () -> s.executeQuery(sql));
      assertEquals("42000", e.getSQLState());
      return e;
    }
  }
}
