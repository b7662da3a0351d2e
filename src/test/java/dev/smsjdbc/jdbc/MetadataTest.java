package dev.smsjdbc.jdbc;

import dev.smsjdbc.emulator.EmulatorData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What GUI tools read from {@code DatabaseMetaData}: tables and columns with remarks and clean types. */
class MetadataTest {
  private static SmsTestDatabase db;

  @BeforeAll static void start() {
    db = new SmsTestDatabase(EmulatorData.generate(5, 3, 1, 1, 1, 1));
  }

  @AfterAll static void stop() {
    db.close();
  }

  @Test void tablesAreListedWithRemarks() throws Exception {
    try (Connection c = db.connect(); ResultSet rs = c.getMetaData().getTables(null, "sms", "%", null)) {
      Map<String, String> remarks = new LinkedHashMap<>();
      while (rs.next()) {
        assertEquals("TABLE", rs.getString("TABLE_TYPE"));
        remarks.put(rs.getString("TABLE_NAME"), rs.getString("REMARKS"));
      }
      assertEquals(java.util.Set.of("replication_jobs", "replication_runs"), remarks.keySet());
      assertTrue(remarks.get("replication_runs").contains("GetReplicationRuns"), remarks.toString());
    }
  }

  @Test void columnsHaveRemarksFromTheApiModel() throws Exception {
    try (Connection c = db.connect();
         ResultSet rs = c.getMetaData().getColumns(null, "sms", "replication_jobs", "frequency")) {
      assertTrue(rs.next());
      assertEquals("The time between consecutive replication runs, in hours.", rs.getString("REMARKS"));
    }
  }

  @Test void copiedRunRemarksAreRewordedForRuns() throws Exception {
    try (Connection c = db.connect();
         ResultSet rs = c.getMetaData().getColumns(null, "sms", "replication_runs", "status_message")) {
      assertTrue(rs.next());
      assertEquals("The description of the current status of the replication run.", rs.getString("REMARKS"));
    }
  }

  @Test void everyColumnHasRemarksAndACleanTypeName() throws Exception {
    try (Connection c = db.connect();
         ResultSet rs = c.getMetaData().getColumns(null, "sms", "replication%", "%")) {
      int n = 0;
      while (rs.next()) {
        n++;
        String column = rs.getString("TABLE_NAME") + "." + rs.getString("COLUMN_NAME");
        assertNotNull(rs.getString("REMARKS"), column);
        String type = rs.getString("TYPE_NAME");
        assertTrue(type.matches("VARCHAR|INTEGER|BOOLEAN|TIMESTAMP"), column + ": " + type);
      }
      assertEquals(23 + 14, n);
    }
  }

  @Test void keyColumnsAreNotNullableAndOthersAre() throws Exception {
    try (Connection c = db.connect()) {
      DatabaseMetaData md = c.getMetaData();
      assertEquals(DatabaseMetaData.columnNoNulls, nullable(md, "replication_jobs", "replication_job_id"));
      assertEquals(DatabaseMetaData.columnNullable, nullable(md, "replication_jobs", "kms_key_id"));
    }
  }

  @Test void timestampColumnsHaveADisplaySize() throws Exception {
    try (Connection c = db.connect();
         ResultSet rs = c.getMetaData().getColumns(null, "sms", "replication_runs", "completed_time")) {
      assertTrue(rs.next());
      assertEquals("TIMESTAMP", rs.getString("TYPE_NAME"));
      assertEquals(23, rs.getInt("COLUMN_SIZE"));
    }
  }

  private static int nullable(DatabaseMetaData md, String table, String column) throws Exception {
    try (ResultSet rs = md.getColumns(null, "sms", table, column)) {
      assertTrue(rs.next());
      return rs.getInt("NULLABLE");
    }
  }
}
