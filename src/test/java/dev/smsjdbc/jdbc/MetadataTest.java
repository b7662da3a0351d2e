package dev.smsjdbc.jdbc;

import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What GUI tools read from {@code DatabaseMetaData}: tables and columns with remarks and clean types, keys and
 * relationships, types, schemas and the driver's name.
 */
class MetadataTest {
  private static SmsTestDatabase db;

  @BeforeAll static void start() {
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(5).jobs(3).runsPerJob(1)
        .servers(1).connectors(1).apps(1)));
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
      assertEquals(Set.of("replication_jobs", "replication_runs", "servers", "connectors", "apps"), remarks.keySet());
      assertTrue(remarks.get("replication_runs").contains("GetReplicationRuns"), remarks.toString());
    }
  }

  @Test void metadataResultSetsHaveNoWarnings() throws Exception {
    try (Connection c = db.connect(); ResultSet rs = c.getMetaData().getTables(null, "sms", "%", null)) {
      assertEquals(null, rs.getWarnings());
      rs.clearWarnings();
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

  @Test void primaryKeysComeFromTheTableDefinitions() throws Exception {
    try (Connection c = db.connect()) {
      DatabaseMetaData md = c.getMetaData();
      assertEquals(List.of(List.of("sms", "replication_jobs", "replication_job_id", (short) 1, "replication_jobs_pk")),
          primaryKeys(md, "replication_jobs"));
      assertEquals(List.of(List.of("sms", "replication_runs", "replication_run_id", (short) 1, "replication_runs_pk")),
          primaryKeys(md, "replication_runs"));
    }
  }

  @Test void runsImportTheKeyOfTheirJob() throws Exception {
    try (Connection c = db.connect();
         ResultSet rs = c.getMetaData().getImportedKeys(null, "sms", "replication_runs")) {
      assertEquals(List.of(RUNS_TO_JOBS), foreignKeys(rs));
    }
  }

  @Test void jobsExportTheirKeyToRunsAndServers() throws Exception {
    try (Connection c = db.connect();
         ResultSet rs = c.getMetaData().getExportedKeys(null, "sms", "replication_jobs")) {
      assertEquals(List.of(RUNS_TO_JOBS, List.of("sms", "replication_jobs", "replication_job_id", "sms", "servers",
          "replication_job_id", "servers_replication_job_id_fk")), foreignKeys(rs));
    }
  }

  @Test void jobsImportTheServerKeyButNoConnectorKey() throws Exception {
    // vm_manager_id is no key of connectors (issue 12): a join path, not a foreign key.
    try (Connection c = db.connect();
         ResultSet rs = c.getMetaData().getImportedKeys(null, "sms", "replication_jobs")) {
      assertEquals(List.of(List.of("sms", "servers", "server_id", "sms",
          "replication_jobs", "server_id", "replication_jobs_server_id_fk")), foreignKeys(rs));
    }
  }

  @Test void crossReferenceFindsTheRelationshipInOneDirectionOnly() throws Exception {
    try (Connection c = db.connect()) {
      DatabaseMetaData md = c.getMetaData();
      try (ResultSet rs = md.getCrossReference(null, "sms", "replication_jobs", null, "sms", "replication_runs")) {
        assertEquals(List.of(RUNS_TO_JOBS), foreignKeys(rs));
      }
      try (ResultSet rs = md.getCrossReference(null, "sms", "replication_runs", null, "sms", "replication_jobs")) {
        assertEquals(List.of(), foreignKeys(rs));
      }
    }
  }

  @Test void foreignKeyRowsHaveTheJdbcColumnsAndRules() throws Exception {
    try (Connection c = db.connect();
         ResultSet rs = c.getMetaData().getImportedKeys(null, "sms", "replication_runs")) {
      assertEquals(14, rs.getMetaData().getColumnCount());
      assertEquals("DEFERRABILITY", rs.getMetaData().getColumnName(14));
      assertTrue(rs.next());
      assertEquals(1, rs.getShort("KEY_SEQ"));
      assertEquals(DatabaseMetaData.importedKeyNoAction, rs.getShort("UPDATE_RULE"));
      assertEquals(DatabaseMetaData.importedKeyNoAction, rs.getShort("DELETE_RULE"));
      assertEquals(DatabaseMetaData.importedKeyNotDeferrable, rs.getShort("DEFERRABILITY"));
      assertEquals("replication_jobs_pk", rs.getString("PK_NAME"));
      assertNull(rs.getString("PKTABLE_CAT"));
    }
  }

  @Test void keysOfAnotherSchemaAreNotReported() throws Exception {
    try (Connection c = db.connect()) {
      DatabaseMetaData md = c.getMetaData();
      assertEquals(List.of(), primaryKeys(md, "metadata", "TABLES"));
      try (ResultSet rs = md.getPrimaryKeys(null, "metadata", "replication_jobs")) {
        assertFalse(rs.next());
      }
    }
  }

  @Test void schemasAreSmsAndSmsMetaOnly() throws Exception {
    try (Connection c = db.connect(); ResultSet rs = c.getMetaData().getSchemas()) {
      List<String> schemas = new ArrayList<>();
      while (rs.next()) {
        schemas.add(rs.getString("TABLE_SCHEM"));
      }
      assertEquals(List.of("sms", "sms_meta"), schemas); // not Calcite's own "metadata" (issue 12)
    }
  }

  @Test void typeInfoCoversEveryColumnType() throws Exception {
    try (Connection c = db.connect(); ResultSet rs = c.getMetaData().getTypeInfo()) {
      Set<String> types = new HashSet<>();
      while (rs.next()) {
        types.add(rs.getString("TYPE_NAME"));
      }
      assertTrue(types.containsAll(Set.of("VARCHAR", "INTEGER", "BOOLEAN", "TIMESTAMP")), types.toString());
    }
  }

  @Test void driverReportsItsOwnNameAndVersion() throws Exception {
    try (Connection c = db.connect()) {
      DatabaseMetaData md = c.getMetaData();
      assertEquals("sms-jdbc", md.getDriverName());
      assertTrue(md.getDriverVersion().startsWith(md.getDriverMajorVersion() + "." + md.getDriverMinorVersion()),
          md.getDriverVersion());
      assertEquals("AWS Server Migration Service", md.getDatabaseProductName());
    }
  }

  /** runs.replication_job_id → jobs.replication_job_id, as PKTABLE_SCHEM, PKTABLE_NAME, ... FK_NAME. */
  private static final List<Object> RUNS_TO_JOBS = List.of("sms", "replication_jobs", "replication_job_id", "sms",
      "replication_runs", "replication_job_id", "replication_runs_replication_job_id_fk");

  private static List<List<Object>> foreignKeys(ResultSet rs) throws Exception {
    List<List<Object>> rows = new ArrayList<>();
    while (rs.next()) {
      rows.add(List.of(rs.getString("PKTABLE_SCHEM"), rs.getString("PKTABLE_NAME"), rs.getString("PKCOLUMN_NAME"),
          rs.getString("FKTABLE_SCHEM"), rs.getString("FKTABLE_NAME"), rs.getString("FKCOLUMN_NAME"),
          rs.getString("FK_NAME")));
    }
    return rows;
  }

  private static List<List<Object>> primaryKeys(DatabaseMetaData md, String table) throws Exception {
    return primaryKeys(md, "sms", table);
  }

  private static List<List<Object>> primaryKeys(DatabaseMetaData md, String schema, String table) throws Exception {
    try (ResultSet rs = md.getPrimaryKeys(null, schema, table)) {
      List<List<Object>> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(List.of(rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME"),
            rs.getShort("KEY_SEQ"), rs.getString("PK_NAME")));
      }
      return rows;
    }
  }

  private static int nullable(DatabaseMetaData md, String table, String column) throws Exception {
    try (ResultSet rs = md.getColumns(null, "sms", table, column)) {
      assertTrue(rs.next());
      return rs.getInt("NULLABLE");
    }
  }
}
