package dev.smsjdbc.jdbc;

import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JDBC 4.2's getObject(column, Class), as pgjdbc answers it; TIMESTAMPs in the session's zone. */
class GetObjectTest {
  private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
  private static SmsTestDatabase db;
  private static String jobId;
  private static Instant seed;

  @BeforeAll static void start() {
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(41).jobs(2).runsPerJob(1)));
    var job = db.emulator.data().replicationJobs().get(0);
    jobId = job.get("replicationJobId").asText();
    seed = Instant.ofEpochMilli(job.get("seedReplicationTime").decimalValue().movePointRight(3).longValueExact());
  }

  @AfterAll static void stop() {
    db.close();
  }

  /** A row of the first job, in a session in Asia/Kolkata (+05:30, not the JVM's Europe/Berlin). */
  private static ResultSet row(Statement s) throws SQLException {
    ResultSet rs = s.executeQuery("SELECT seed_replication_time AS seed, CAST(NULL AS TIMESTAMP) AS no_time, "
        + "frequency, CAST(NULL AS INTEGER) AS no_int, vm_name, vm_name IS NOT NULL AS named, CAST(frequency AS DECIMAL(10, 2)) AS dec_value, "
        + "CAST(frequency AS BIGINT) AS big, CAST(frequency AS DOUBLE) AS dbl "
        + "FROM replication_jobs WHERE replication_job_id = '" + jobId + "'");
    assertTrue(rs.next());
    return rs;
  }

  @Test void timestampsAsJavaTimeTypes() throws SQLException {
    try (Connection c = db.connect("timeZone=" + KOLKATA.getId()); Statement s = c.createStatement();
         ResultSet rs = row(s)) {
      ZonedDateTime inKolkata = seed.atZone(KOLKATA);
      assertEquals(seed, rs.getObject(1, Instant.class));
      assertEquals(seed, rs.getObject("seed", Instant.class));
      assertEquals(inKolkata.toLocalDateTime(), rs.getObject(1, LocalDateTime.class));
      assertEquals(inKolkata.toOffsetDateTime(), rs.getObject(1, OffsetDateTime.class));
      assertEquals(inKolkata, rs.getObject(1, ZonedDateTime.class));
      assertEquals(inKolkata.toLocalDate(), rs.getObject(1, LocalDate.class));
      assertEquals(Date.valueOf(inKolkata.toLocalDate()), rs.getObject(1, Date.class));
      assertEquals(Timestamp.from(seed), rs.getObject(1, Timestamp.class));
      assertEquals(Timestamp.from(seed), rs.getObject(1));
      assertEquals(Timestamp.from(seed), rs.getTimestamp("seed"));
      assertEquals(rs.getString(1), rs.getObject(1, String.class));
    }
  }

  @Test void aNullTimestampIsNullAsEveryType() throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = row(s)) {
      for (Class<?> type : List.of(Instant.class, LocalDateTime.class, OffsetDateTime.class, ZonedDateTime.class,
          LocalDate.class, Date.class, Timestamp.class, String.class)) {
        assertNull(rs.getObject("no_time", type), type.getName());
      }
      assertNull(rs.getTimestamp(2));
      assertTrue(rs.wasNull());
    }
  }

  @Test void numbersTextAndBooleansAsBoxedTypes() throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = row(s)) {
      int frequency = rs.getInt("frequency");
      assertEquals(frequency, rs.getObject("frequency", Integer.class));
      assertEquals((long) frequency, rs.getObject("frequency", Long.class));
      assertEquals((short) frequency, rs.getObject("frequency", Short.class));
      assertEquals((byte) frequency, rs.getObject("frequency", Byte.class));
      assertEquals((double) frequency, rs.getObject("dbl", Double.class));
      assertEquals((float) frequency, rs.getObject("dbl", Float.class));
      assertEquals((long) frequency, rs.getObject("big", Long.class));
      assertEquals(0, new BigDecimal(frequency).compareTo(rs.getObject("dec_value", BigDecimal.class)));
      assertEquals(String.valueOf(frequency), rs.getObject("frequency", String.class));
      assertEquals(rs.getString("vm_name"), rs.getObject("vm_name", String.class));
      assertEquals(true, rs.getObject("named", Boolean.class));
    }
  }

  @Test void aNullNumberIsNullNotZero() throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = row(s)) {
      for (Class<?> type : List.of(Integer.class, Long.class, Short.class, Double.class, BigDecimal.class,
          String.class)) {
        assertNull(rs.getObject("no_int", type), type.getName());
      }
    }
  }

  @Test void aConversionThatCannotBeIsAnSqlException() throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = row(s)) {
      SQLException e = assertThrows(SQLException.class, () -> rs.getObject("seed", Integer.class));
      assertEquals("07006", e.getSQLState());
      assertTrue(e.getMessage().contains("java.lang.Integer"), e.getMessage());
      SQLException other = assertThrows(SQLException.class, () -> rs.getObject("vm_name", Instant.class));
      assertTrue(other.getSQLState() != null, other::toString);
    }
  }
}
