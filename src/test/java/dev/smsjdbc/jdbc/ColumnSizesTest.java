package dev.smsjdbc.jdbc;

import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Sizes and digits as pgjdbc reports them for the same PostgreSQL types (text/varchar without length,
 * boolean, integer, bigint, timestamp(3)), the same in {@code getColumns} and in {@code ResultSetMetaData}.
 */
class ColumnSizesTest {
  /** pgjdbc's figures: COLUMN_SIZE = precision, DECIMAL_DIGITS = scale, CHAR_OCTET_LENGTH = COLUMN_SIZE. */
  private record Expected(String table, String column, int precision, int scale, int displaySize) {}

  private static final List<Expected> PGJDBC = List.of(
      new Expected("sms.replication_jobs", "vm_name", Integer.MAX_VALUE, 0, Integer.MAX_VALUE),
      new Expected("sms.replication_jobs", "run_once", 1, 0, 1),
      new Expected("sms.replication_jobs", "frequency", 10, 0, 11),
      new Expected("sms_meta.api_calls", "statement_id", 19, 0, 20),
      new Expected("sms.replication_jobs", "seed_replication_time", 23, 3, 23));

  private static SmsTestDatabase db;

  @BeforeAll static void start() {
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(15).jobs(1).runsPerJob(1)));
  }

  @AfterAll static void stop() {
    db.close();
  }

  @Test void getColumnsReportsPgjdbcSizes() throws Exception {
    try (Connection c = db.connect()) {
      for (Expected e : PGJDBC) {
        String[] name = e.table().split("\\.");
        try (ResultSet rs = c.getMetaData().getColumns(null, name[0], name[1], e.column())) {
          rs.next();
          assertEquals(e.precision(), rs.getInt("COLUMN_SIZE"), e.column());
          assertEquals(e.scale(), rs.getInt("DECIMAL_DIGITS"), e.column());
          assertEquals(e.precision(), rs.getInt("CHAR_OCTET_LENGTH"), e.column());
        }
      }
    }
  }

  @Test void resultSetMetaDataReportsPgjdbcSizes() throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      for (Expected e : PGJDBC) {
        try (ResultSet rs = s.executeQuery("SELECT " + e.column() + " FROM " + e.table())) {
          assertSizes(e, rs.getMetaData());
        }
      }
    }
  }

  @Test void preparedStatementMetaDataReportsPgjdbcSizesBeforeExecution() throws Exception {
    try (Connection c = db.connect()) {
      for (Expected e : PGJDBC) {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + e.column() + " FROM " + e.table())) {
          assertSizes(e, ps.getMetaData());
        }
      }
    }
  }

  @Test void everyColumnHasTheSameSizesInBothPlaces() throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement();
         ResultSet tables = c.getMetaData().getTables(null, null, "%", null)) {
      while (tables.next()) {
        String table = tables.getString("TABLE_SCHEM") + "." + tables.getString("TABLE_NAME");
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0");
             ResultSet columns = c.getMetaData().getColumns(null, tables.getString("TABLE_SCHEM"),
                 tables.getString("TABLE_NAME"), "%")) {
          ResultSetMetaData md = rs.getMetaData();
          for (int i = 1; columns.next(); i++) {
            String where = table + "." + columns.getString("COLUMN_NAME");
            assertEquals(columns.getString("COLUMN_NAME"), md.getColumnName(i), where);
            assertEquals(columns.getInt("COLUMN_SIZE"), md.getPrecision(i), where);
            assertEquals(columns.getInt("DECIMAL_DIGITS"), md.getScale(i), where);
            assertEquals(columns.getInt("DATA_TYPE"), md.getColumnType(i), where);
          }
        }
      }
    }
  }

  @Test void expressionsGetTheSizesOfTheirType() throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM replication_jobs")) {
      assertSizes(new Expected("", "COUNT(*)", 19, 0, 20), rs.getMetaData());
    }
  }

  @Test void timestampTextKeepsItsThreeFractionDigits() throws Exception {
    // Avatica formats getString by the column's precision: the pgjdbc sizes must not reach it.
    try (Connection c = db.connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT CAST('2024-12-16 19:32:21.5' AS TIMESTAMP(3)) FROM replication_jobs")) {
      rs.next();
      assertEquals("2024-12-16 19:32:21.500", rs.getString(1));
    }
  }

  private static void assertSizes(Expected e, ResultSetMetaData md) throws Exception {
    assertEquals(e.precision(), md.getPrecision(1), e.column());
    assertEquals(e.scale(), md.getScale(1), e.column());
    assertEquals(e.displaySize(), md.getColumnDisplaySize(1), e.column());
  }
}
