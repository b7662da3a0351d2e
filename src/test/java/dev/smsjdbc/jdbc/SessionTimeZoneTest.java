package dev.smsjdbc.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One session time zone ({@code timeZone}) for TIMESTAMP text, literals, parameters and values: a value
 * read from a table and written back into a filter, as text in the client's zone or with setTimestamp,
 * finds its row in any zone, the repeated autumn hour included. The suite's JVM runs in Europe/Berlin;
 * each test names its session zone in the URL, as a client in that zone would get by default.
 */
class SessionTimeZoneTest {
  /** Formatted as Spark writes a pushed timestamp filter and DBeaver a "filter by value". */
  private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  /** 01:30:00.250 in New York on 2024-11-03, first in EDT, then an hour later in EST. */
  private static final Instant NEW_YORK_EDT = Instant.parse("2024-11-03T05:30:00.250Z");
  private static final Instant NEW_YORK_EST = Instant.parse("2024-11-03T06:30:00.250Z");
  /** 02:45:00.125 in Berlin on 2024-10-27, first in CEST, then an hour later in CET. */
  private static final Instant BERLIN_CEST = Instant.parse("2024-10-27T00:45:00.125Z");
  private static final Instant BERLIN_CET = Instant.parse("2024-10-27T01:45:00.125Z");

  private static SmsTestDatabase db;
  /** scheduled_start_time of every run, by run id, as the API has it. */
  private static final Map<String, Instant> STARTS = new LinkedHashMap<>();
  private static final Map<String, String> JOB_OF_RUN = new LinkedHashMap<>();

  @BeforeAll static void start() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = (ObjectNode) mapper.readTree(
        EmulatorData.generate(DataSpec.seed(31).jobs(4).runsPerJob(6)).toJson());
    JsonNode firstJobRuns = root.get("replicationJobs").get(0).get("replicationRunList");
    Instant[] repeatedHours = {NEW_YORK_EDT, NEW_YORK_EST, BERLIN_CEST, BERLIN_CET};
    for (int i = 0; i < repeatedHours.length; i++) {
      ((ObjectNode) firstJobRuns.get(i)).put("scheduledStartTime",
          BigDecimal.valueOf(repeatedHours[i].toEpochMilli(), 3));
    }
    EmulatorData data = EmulatorData.fromJson(mapper.writeValueAsString(root));
    db = new SmsTestDatabase(data);
    for (ObjectNode job : data.replicationJobs()) {
      String jobId = job.get("replicationJobId").asText();
      for (ObjectNode run : data.replicationRuns(jobId)) {
        String runId = run.get("replicationRunId").asText();
        STARTS.put(runId, Instant.ofEpochMilli(run.get("scheduledStartTime").decimalValue().movePointRight(3)
            .longValueExact()));
        JOB_OF_RUN.put(runId, jobId);
      }
    }
  }

  @AfterAll static void stop() {
    db.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "America/Los_Angeles", "Asia/Kolkata", "America/New_York", "Europe/Berlin"})
  void getStringShowsTheWallClockInTheSessionZone(String zoneId) throws SQLException {
    ZoneId zone = ZoneId.of(zoneId);
    try (Connection c = connect(zone); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT replication_run_id, scheduled_start_time, CAST(scheduled_start_time AS VARCHAR) FROM replication_runs")) {
      int n = 0;
      while (rs.next()) {
        String wallClock = TEXT.withZone(zone).format(STARTS.get(rs.getString(1)));
        assertEquals(wallClock, rs.getString(2));
        assertEquals(wallClock.substring(0, 19), rs.getString(3)); // Calcite's CAST drops the millis
        n++;
      }
      assertEquals(STARTS.size(), n);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "America/Los_Angeles", "Asia/Kolkata", "America/New_York", "Europe/Berlin"})
  void getTimestampIsTheInstantOutsideTheRepeatedHour(String zoneId) throws SQLException {
    ZoneId zone = ZoneId.of(zoneId);
    Map<String, Instant> read = startsRead(zone);
    int checked = 0;
    for (Map.Entry<String, Instant> e : STARTS.entrySet()) {
      if (!inRepeatedHour(e.getValue(), zone)) {
        assertEquals(e.getValue(), read.get(e.getKey()), e.getKey());
        checked++;
      }
    }
    assertTrue(checked >= STARTS.size() - 2, "checked " + checked);
  }

  @ParameterizedTest
  @ValueSource(strings = {"America/New_York", "Europe/Berlin"})
  void inTheRepeatedHourBothInstantsShowOneWallClockAndReadAsTheEarlier(String zoneId) throws SQLException {
    ZoneId zone = ZoneId.of(zoneId);
    Instant earlier = zone.equals(NEW_YORK) ? NEW_YORK_EDT : BERLIN_CEST;
    Instant later = zone.equals(NEW_YORK) ? NEW_YORK_EST : BERLIN_CET;
    assertTrue(inRepeatedHour(earlier, zone) && inRepeatedHour(later, zone));
    Map<String, Instant> read = startsRead(zone);
    for (Map.Entry<String, Instant> e : STARTS.entrySet()) {
      if (e.getValue().equals(earlier) || e.getValue().equals(later)) {
        assertEquals(earlier, read.get(e.getKey()), e.getKey());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "America/Los_Angeles", "Asia/Kolkata", "America/New_York", "Europe/Berlin"})
  void aValueWrittenBackAsTextInTheClientsZoneFindsItsRowWithAndWithoutPushdown(String zoneId) throws SQLException {
    ZoneId zone = ZoneId.of(zoneId);
    try (Connection c = connect(zone)) {
      for (Map.Entry<String, Instant> e : startsRead(zone).entrySet()) {
        String text = TEXT.withZone(zone).format(e.getValue());
        String filter = "scheduled_start_time = '" + text + "'";
        // the job id is pushed down to the API; the timestamp is compared by Calcite either way
        Set<String> pushed = runIds(c, "SELECT replication_run_id FROM replication_runs WHERE replication_job_id = '"
            + JOB_OF_RUN.get(e.getKey()) + "' AND " + filter);
        assertTrue(pushed.contains(e.getKey()), zoneId + " " + text + ": " + pushed);
        assertEquals(expectedRuns(text, zone, JOB_OF_RUN.get(e.getKey())), pushed, text);
      }
      // a full scan, as Spark's pushed filters run, for the values of the repeated hours
      for (Instant instant : List.of(NEW_YORK_EDT, NEW_YORK_EST, BERLIN_CEST, BERLIN_CET)) {
        String text = TEXT.withZone(zone).format(instant);
        Set<String> scanned = runIds(c, "SELECT replication_run_id FROM replication_runs "
            + "WHERE scheduled_start_time = TIMESTAMP '" + text + "'");
        assertEquals(expectedRuns(text, zone, null), scanned, text);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "America/Los_Angeles", "Asia/Kolkata", "America/New_York", "Europe/Berlin"})
  void aValueWrittenBackWithSetTimestampOrSetStringFindsItsRow(String zoneId) throws SQLException {
    ZoneId zone = ZoneId.of(zoneId);
    try (Connection c = connect(zone); PreparedStatement ps = c.prepareStatement(
        "SELECT replication_run_id FROM replication_runs WHERE replication_job_id = ? AND scheduled_start_time = ?")) {
      for (Map.Entry<String, Instant> e : startsRead(zone).entrySet()) {
        ps.setString(1, JOB_OF_RUN.get(e.getKey()));
        ps.setTimestamp(2, Timestamp.from(e.getValue()));
        assertTrue(runIds(ps).contains(e.getKey()), zoneId + " setTimestamp " + e.getValue());
        ps.setString(2, TEXT.withZone(zone).format(e.getValue()));
        assertTrue(runIds(ps).contains(e.getKey()), zoneId + " setString " + e.getValue());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "America/Los_Angeles", "Asia/Kolkata", "America/New_York"})
  void aValueWrittenBackAsAJavaTimeObjectFindsItsRow(String zoneId) throws SQLException {
    ZoneId zone = ZoneId.of(zoneId);
    try (Connection c = connect(zone); PreparedStatement ps = c.prepareStatement(
        "SELECT replication_run_id FROM replication_runs WHERE replication_job_id = ? AND scheduled_start_time = ?")) {
      for (Map.Entry<String, Instant> e : startsRead(zone).entrySet()) {
        ps.setString(1, JOB_OF_RUN.get(e.getKey()));
        Instant start = e.getValue();
        for (Object value : List.of(start, start.atOffset(ZoneOffset.ofHours(3)), start.atZone(BERLIN),
            LocalDateTime.ofInstant(start, zone))) {
          ps.setObject(2, value);
          assertTrue(runIds(ps).contains(e.getKey()), zoneId + " setObject " + value.getClass().getSimpleName());
        }
        ps.setObject(2, LocalDateTime.ofInstant(start, zone), Types.TIMESTAMP);
        assertTrue(runIds(ps).contains(e.getKey()), zoneId + " setObject with its type");
      }
    }
  }

  @Test void aLocalDateIsTheStartOfThatDayInTheSessionZone() throws SQLException {
    ZoneId zone = ZoneId.of("Asia/Kolkata");
    Instant median = STARTS.values().stream().sorted().toList().get(STARTS.size() / 2);
    LocalDate day = LocalDate.ofInstant(median, zone);
    long expected = STARTS.values().stream().filter(i -> !i.isBefore(day.atStartOfDay(zone).toInstant())).count();
    try (Connection c = connect(zone); PreparedStatement ps = c.prepareStatement(
        "SELECT replication_run_id FROM replication_runs WHERE scheduled_start_time >= ?")) {
      ps.setObject(1, day);
      assertEquals(expected, runIds(ps).size());
    }
  }

  @Test void setObjectOfATimestampWithItsTypeSetsTheValue() throws SQLException {
    Map.Entry<String, Instant> run = STARTS.entrySet().iterator().next();
    try (Connection c = connect(ZoneOffset.UTC); PreparedStatement ps = c.prepareStatement(
        "SELECT replication_run_id FROM replication_runs WHERE replication_job_id = ? AND scheduled_start_time = ?")) {
      ps.setString(1, JOB_OF_RUN.get(run.getKey()));
      ps.setObject(2, Timestamp.from(run.getValue()), Types.TIMESTAMP);
      assertTrue(runIds(ps).contains(run.getKey()));
    }
  }

  @Test void setObjectWithAScaleSetsTheValue() throws SQLException {
    Map.Entry<String, Instant> run = STARTS.entrySet().iterator().next();
    try (Connection c = connect(ZoneOffset.UTC); PreparedStatement ps = c.prepareStatement(
        "SELECT replication_run_id FROM replication_runs WHERE replication_job_id = ? AND scheduled_start_time = ?")) {
      ps.setObject(1, JOB_OF_RUN.get(run.getKey()), Types.VARCHAR, 0);
      ps.setObject(2, Timestamp.from(run.getValue()), Types.TIMESTAMP, 3);
      assertTrue(runIds(ps).contains(run.getKey()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "America/Los_Angeles", "Asia/Kolkata"})
  void aRangeFilterCountsTheInstantsOnItsSide(String zoneId) throws SQLException {
    // Spark's ">=" on a pushed timestamp: 44 rows instead of 43 when literals were read in UTC.
    ZoneId zone = ZoneId.of(zoneId);
    List<Instant> sorted = STARTS.values().stream().sorted().toList();
    Instant median = sorted.get(sorted.size() / 2);
    long expected = sorted.stream().filter(i -> !i.isBefore(median)).count();
    try (Connection c = connect(zone)) {
      Set<String> rows = runIds(c, "SELECT replication_run_id FROM replication_runs WHERE scheduled_start_time >= '"
          + TEXT.withZone(zone).format(median) + "'");
      assertEquals(expected, rows.size());
    }
  }

  @Test void withoutTheKeyTheSessionIsInTheJvmsZone() throws SQLException {
    ZoneId jvm = TimeZone.getDefault().toZoneId();
    try (Connection c = java.sql.DriverManager.getConnection(db.url().replace(";" + SmsTestDatabase.UTC, ""));
         Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
             "SELECT replication_run_id, scheduled_start_time FROM replication_runs")) {
      while (rs.next()) {
        assertEquals(TEXT.withZone(jvm).format(STARTS.get(rs.getString(1))), rs.getString(2));
        // what Timestamp.toString() shows in the JVM's zone, Spark's way of writing a filter
        assertEquals(rs.getString(2), rs.getTimestamp(2).toString().replaceFirst("\\.(\\d{2})$", ".$10")
            .replaceFirst("\\.(\\d)$", ".$100"));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "America/Los_Angeles", "Asia/Kolkata"})
  void currentTimestampIsNowInTheSessionZone(String zoneId) throws SQLException {
    ZoneId zone = ZoneId.of(zoneId);
    try (Connection c = connect(zone); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT CURRENT_TIMESTAMP, CAST(CURRENT_TIMESTAMP AS VARCHAR)")) {
      assertTrue(rs.next());
      Instant now = Instant.now();
      long skewSeconds = Math.abs(Duration.between(now, rs.getTimestamp(1).toInstant()).toSeconds());
      assertTrue(skewSeconds < 60, "CURRENT_TIMESTAMP is " + skewSeconds + " s from now");
      LocalDateTime wall = LocalDateTime.parse(rs.getString(2).replace(' ', 'T'));
      assertTrue(Math.abs(Duration.between(LocalDateTime.ofInstant(now, zone), wall).toSeconds()) < 60, rs.getString(2));
    }
  }

  @Test void anUnknownZoneIsRejectedNamingTheKey() {
    SQLException e = assertThrows(SQLException.class, () -> db.connect("timeZone=Mars/Olympus_Mons").close());
    assertEquals("HY024", e.getSQLState());
    assertTrue(e.getMessage().contains("'timeZone'") && e.getMessage().contains("Mars/Olympus_Mons"), e.getMessage());
  }

  @Test void anOffsetIsAZone() throws SQLException {
    ZoneId zone = ZoneId.of("-08:00");
    Map<String, Instant> read = startsRead(zone);
    assertEquals(STARTS, read);
  }

  private static Connection connect(ZoneId zone) throws SQLException {
    return db.connect("timeZone=" + zone.getId());
  }

  /** getTimestamp of every run's scheduled_start_time in a session in {@code zone}. */
  private static Map<String, Instant> startsRead(ZoneId zone) throws SQLException {
    Map<String, Instant> read = new LinkedHashMap<>();
    try (Connection c = connect(zone); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT replication_run_id, scheduled_start_time FROM replication_runs")) {
      while (rs.next()) {
        read.put(rs.getString(1), rs.getTimestamp(2).toInstant());
      }
    }
    return read;
  }

  /** The runs (of one job, or all) whose start has this wall clock in {@code zone}. */
  private static Set<String> expectedRuns(String text, ZoneId zone, String jobId) {
    Set<String> runs = new HashSet<>();
    STARTS.forEach((run, instant) -> {
      if (TEXT.withZone(zone).format(instant).equals(text) && (jobId == null || jobId.equals(JOB_OF_RUN.get(run)))) {
        runs.add(run);
      }
    });
    return runs;
  }

  private static boolean inRepeatedHour(Instant instant, ZoneId zone) {
    return zone.getRules().getValidOffsets(LocalDateTime.ofInstant(instant, zone)).size() > 1;
  }

  private static Set<String> runIds(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return ids(rs);
    }
  }

  private static Set<String> runIds(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      return ids(rs);
    }
  }

  private static Set<String> ids(ResultSet rs) throws SQLException {
    List<String> ids = new ArrayList<>();
    while (rs.next()) {
      ids.add(rs.getString(1));
    }
    return new HashSet<>(ids);
  }
}
