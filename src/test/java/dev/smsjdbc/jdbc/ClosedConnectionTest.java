package dev.smsjdbc.jdbc;

import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A closed connection closes its statements and result sets (JDBC), whose use is then an error: 08003 for
 * anything of a closed connection, 55000 for a closed statement or result set, as pgjdbc says.
 */
class ClosedConnectionTest {
  private static final String QUERY = "SELECT * FROM replication_jobs";
  private static SmsTestDatabase db;

  @BeforeAll static void start() {
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(5).jobs(30).runsPerJob(1)), 10);
  }

  @AfterAll static void stop() {
    db.close();
  }

  @Test void anOpenResultSetOfAClosedConnectionFailsWith08003() throws Exception {
    Connection c = db.connect();
    ResultSet rs = c.createStatement().executeQuery(QUERY);
    assertTrue(rs.next());
    c.close();
    assertClosedConnection(assertThrows(SQLException.class, rs::next));
    assertClosedConnection(assertThrows(SQLException.class, () -> rs.getString(1)));
    assertTrue(rs.isClosed());
  }

  @Test void aStatementOfAClosedConnectionFailsWith08003AndIsClosed() throws Exception {
    Connection c = db.connect();
    Statement s = c.createStatement();
    c.close();
    assertClosedConnection(assertThrows(SQLException.class, () -> s.executeQuery(QUERY)));
    assertClosedConnection(assertThrows(SQLException.class, () -> s.setMaxRows(1)));
    assertTrue(s.isClosed());
  }

  @Test void aClosedConnectionFailsWith08003ButCanBeClosedAgainAndIsNotValid() throws Exception {
    Connection c = db.connect();
    c.close();
    assertClosedConnection(assertThrows(SQLException.class, c::createStatement));
    assertClosedConnection(assertThrows(SQLException.class, c::getMetaData));
    assertTrue(c.isClosed());
    assertFalse(c.isValid(1));
    assertDoesNotThrow(c::close);
  }

  @Test void aResultSetOfAClosedStatementFailsWith55000() throws Exception {
    try (Connection c = db.connect()) {
      Statement s = c.createStatement();
      ResultSet rs = s.executeQuery(QUERY);
      assertTrue(rs.next());
      s.close();
      assertEquals("55000", assertThrows(SQLException.class, rs::next).getSQLState());
      assertTrue(rs.isClosed());
    }
  }

  @Test void aClosedStatementFailsWith55000() throws Exception {
    try (Connection c = db.connect()) {
      Statement s = c.createStatement();
      s.close();
      assertEquals("55000", assertThrows(SQLException.class, () -> s.executeQuery(QUERY)).getSQLState());
      assertDoesNotThrow(s::close);
    }
  }

  private static void assertClosedConnection(SQLException e) {
    assertInstanceOf(SQLNonTransientConnectionException.class, e, e::toString);
    assertEquals("08003", e.getSQLState(), e::toString);
  }
}
