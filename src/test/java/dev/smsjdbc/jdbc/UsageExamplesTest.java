package dev.smsjdbc.jdbc;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.io.Writer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's usage examples: a Java program, a plain JDBC export, and the statements Spark's JDBC source sends. */
class UsageExamplesTest {
  private static final String JOB = "sms-job-b7881e8f6132c67a8";

  @Test void javaProgramReadsTheRunsOfOneJob() throws Exception {
    List<String> failed = new ArrayList<>();
    // As in the README, "From a Java program".
    try (Connection c = DriverManager.getConnection("jdbc:sms:demo=true");
         PreparedStatement ps = c.prepareStatement("SELECT replication_run_id, state, completed_time "
             + "FROM replication_runs WHERE replication_job_id = ? ORDER BY scheduled_start_time DESC")) {
      ps.setString(1, JOB);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Timestamp completed = rs.getTimestamp("completed_time");
          if ("FAILED".equals(rs.getString("state")) && completed != null) {
            failed.add(rs.getString("replication_run_id"));
          }
        }
      }
    }
    assertEquals(4, failed.size(), failed.toString());
  }

  @Test void plainJdbcExportWritesOneCsvLinePerRow() throws Exception {
    Writer out = new StringWriter();
    try (Connection c = DriverManager.getConnection("jdbc:sms:demo=true")) {
      exportCsv(c, "SELECT vm_name, state, latest_ami_id FROM replication_jobs ORDER BY vm_name", out);
    }
    List<String> lines = out.toString().lines().toList();
    assertEquals("vm_name,state,latest_ami_id", lines.get(0));
    assertEquals(1 + 12, lines.size());
    assertTrue(lines.contains("cache-dev-01,PENDING,"), lines.toString());
  }

  /** The export loop of the README's reporting-pipeline example. */
  static void exportCsv(Connection c, String sql, Writer out) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> header = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        header.add(md.getColumnLabel(i));
      }
      out.write(String.join(",", header) + "\n");
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          String value = rs.getString(i);
          row.add(value == null ? "" : value);
        }
        out.write(String.join(",", row) + "\n");
      }
    }
  }

  /**
   * Spark's JDBC data source with {@code query}: a schema probe ({@code WHERE 1=0}), then a select of the
   * quoted columns from the query as a derived table, with fetch size and query timeout set.
   */
  @Test void sparkJdbcSourceStatementsWork() throws Exception {
    String table = "(SELECT replication_job_id, state, scheduled_start_time FROM replication_runs) SPARK_GEN_SUBQ_0";
    try (Connection c = DriverManager.getConnection("jdbc:sms:demo=true")) {
      try (PreparedStatement probe = c.prepareStatement("SELECT * FROM " + table + " WHERE 1=0")) {
        probe.setQueryTimeout(0);
        try (ResultSet rs = probe.executeQuery()) {
          assertFalse(rs.next());
          ResultSetMetaData md = rs.getMetaData();
          assertEquals(3, md.getColumnCount());
          assertEquals("replication_job_id", md.getColumnLabel(1));
          assertEquals(Types.TIMESTAMP, md.getColumnType(3));
          assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(1));
        }
      }
      try (PreparedStatement scan = c.prepareStatement(
          "SELECT \"replication_job_id\",\"state\",\"scheduled_start_time\" FROM " + table + " ",
          ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
        scan.setFetchSize(0);
        scan.setQueryTimeout(0);
        int rows = 0;
        try (ResultSet rs = scan.executeQuery()) {
          while (rs.next()) {
            rows++;
          }
        }
        assertEquals(298, rows);
      }
    }
  }
}
