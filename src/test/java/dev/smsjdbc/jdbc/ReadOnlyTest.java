package dev.smsjdbc.jdbc;

import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The driver is read-only and says so in one line, with SQLState 0A000, before planning (no API call): what
 * DBeaver's grid sends on Save, and DDL that tools generate.
 */
class ReadOnlyTest {
  private static SmsTestDatabase db;

  @BeforeAll static void start() {
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(12).jobs(2).runsPerJob(1)));
  }

  @AfterAll static void stop() {
    db.close();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "UPDATE | UPDATE sms.replication_jobs SET description = 'x' WHERE replication_job_id = 'sms-job-1'",
      "DELETE | DELETE FROM replication_jobs",
      "INSERT | INSERT INTO connectors (connector_id) VALUES ('c-1')",
      "MERGE | MERGE INTO connectors c USING apps a ON c.connector_id = a.app_id "
          + "WHEN MATCHED THEN UPDATE SET version = 'x'",
      "CREATE | CREATE TABLE t (x INT)",
      "DROP | DROP TABLE replication_jobs",
      "ALTER | ALTER TABLE replication_jobs ADD COLUMN x INT",
      "TRUNCATE | TRUNCATE TABLE replication_jobs"})
  void writesAreRefusedInOneLine(String verb, String sql) throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      db.emulator.resetCounters();
      assertRefused(verb, () -> s.execute(sql));
      assertRefused(verb, () -> s.executeUpdate(sql));
      assertRefused(verb, () -> s.executeQuery(sql));
      assertEquals(0, db.emulator.requestCount(), "refused before any API call");
    }
  }

  @Test void preparedWritesAreRefusedWhenPrepared() throws Exception {
    try (Connection c = db.connect()) {
      assertRefused("UPDATE", () -> c.prepareStatement(
          "UPDATE sms.replication_jobs SET description=? WHERE replication_job_id=?"));
      assertRefused("DELETE", () -> c.prepareStatement("DELETE FROM sms.replication_jobs WHERE replication_job_id=?"));
      assertRefused("INSERT", () -> c.prepareStatement("INSERT INTO sms.connectors (connector_id) VALUES (?)"));
    }
  }

  @Test void aRefusedWriteLeavesTheConnectionUsable() throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      assertRefused("DELETE", () -> s.executeUpdate("DELETE FROM replication_jobs"));
      assertEquals(2, SmsTestDatabase.rows(c, "SELECT * FROM replication_jobs").size());
    }
  }

  private static void assertRefused(String verb, Executable call) {
    SQLFeatureNotSupportedException e = assertThrows(SQLFeatureNotSupportedException.class, call);
    assertEquals("0A000", e.getSQLState());
    assertEquals("sms-jdbc is read-only: " + verb + " is not supported", e.getMessage());
  }
}
