package dev.smsjdbc.jdbc;

import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A read-only source without transactions, as JDBC allows and connection pools and Spark expect. */
class TransactionsTest {
  private static SmsTestDatabase db;

  @BeforeAll static void start() {
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(11).jobs(3).runsPerJob(2)));
  }

  @AfterAll static void stop() {
    db.close();
  }

  @Test void aNewConnectionIsInAutoCommitMode() throws SQLException {
    try (Connection c = db.connect()) {
      assertTrue(c.getAutoCommit());
    }
  }

  @Test void autoCommitIsRememberedBothWays() throws SQLException {
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      assertFalse(c.getAutoCommit());
      c.setAutoCommit(true);
      assertTrue(c.getAutoCommit());
    }
  }

  @Test void commitAndRollbackDoNothingInAutoCommitMode() throws SQLException {
    try (Connection c = db.connect()) {
      c.commit();
      c.rollback();
      assertEquals(3, SmsTestDatabase.rows(c, "SELECT * FROM replication_jobs").size());
    }
  }

  @Test void commitAndRollbackDoNothingWithAutoCommitOff() throws SQLException {
    // HikariCP with autoCommit=false rolls back on close; Spark commits after each partition.
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      assertEquals(3, SmsTestDatabase.rows(c, "SELECT * FROM replication_jobs").size());
      c.commit();
      assertEquals(6, SmsTestDatabase.rows(c, "SELECT * FROM replication_runs").size());
      c.rollback();
      assertEquals(3, SmsTestDatabase.rows(c, "SELECT * FROM replication_jobs").size());
    }
  }

  @Test void theConnectionIsReadOnlyWhateverSetReadOnlyAsks() throws SQLException {
    try (Connection c = db.connect()) {
      assertTrue(c.isReadOnly());
      c.setReadOnly(false);
      assertTrue(c.isReadOnly());
      c.setReadOnly(true);
      assertTrue(c.isReadOnly());
    }
  }

  @Test void everyIsolationLevelIsAcceptedAndTheIsolationIsNone() throws SQLException {
    try (Connection c = db.connect()) {
      assertEquals(Connection.TRANSACTION_NONE, c.getTransactionIsolation());
      for (int level : new int[] {Connection.TRANSACTION_NONE, Connection.TRANSACTION_READ_UNCOMMITTED,
          Connection.TRANSACTION_READ_COMMITTED, Connection.TRANSACTION_REPEATABLE_READ,
          Connection.TRANSACTION_SERIALIZABLE}) {
        c.setTransactionIsolation(level);
        assertEquals(Connection.TRANSACTION_NONE, c.getTransactionIsolation());
      }
    }
  }

  @Test void anIsolationLevelThatIsNoConstantIsAnSqlExceptionHy024() throws SQLException {
    try (Connection c = db.connect()) {
      SQLException e = assertThrows(SQLException.class, () -> c.setTransactionIsolation(3));
      assertEquals("HY024", e.getSQLState());
      assertTrue(e.getMessage().contains("isolation level 3"), e.getMessage());
    }
  }

  @Test void theDatabaseMetaDataSaysTheSame() throws SQLException {
    try (Connection c = db.connect()) {
      DatabaseMetaData md = c.getMetaData();
      assertTrue(md.isReadOnly());
      assertFalse(md.supportsTransactions());
      assertEquals(Connection.TRANSACTION_NONE, md.getDefaultTransactionIsolation());
    }
  }

  @Test void settingsAreKeptPerConnection() throws SQLException {
    try (Connection a = db.connect(); Connection b = db.connect()) {
      a.setAutoCommit(false);
      assertTrue(b.getAutoCommit());
    }
  }

  @Test void transactionMethodsOnAClosedConnectionAreSqlExceptions() throws SQLException {
    Connection c = db.connect();
    c.close();
    assertThrows(SQLException.class, c::commit);
    assertThrows(SQLException.class, c::rollback);
    assertThrows(SQLException.class, () -> c.setAutoCommit(false));
  }
}
