package dev.smsjdbc.jdbc;

import dev.smsjdbc.archive.CliArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import static dev.smsjdbc.jdbc.SmsTestDatabase.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code archive=} reads what the real AWS CLI saved from an emulator, in both of its timestamp formats, and
 * answers as the emulator itself does for the same data: every table and column, the region column, pushdown
 * and EXPLAIN.
 */
class ArchiveCliTest {
  static final List<String> TABLES = List.of("replication_jobs", "replication_runs", "servers", "connectors",
      "apps");
  private static Path archive;

  @BeforeAll static void save() {
    archive = CliArchive.demo();
  }

  static String url(String... keys) {
    return "jdbc:sms:archive=" + archive + (keys.length == 0 ? "" : ";" + String.join(";", keys));
  }

  /** Every table of both connections, row by row, in order. */
  static void assertSameTables(String expectedUrl, String actualUrl) throws SQLException {
    try (Connection expected = DriverManager.getConnection(expectedUrl);
         Connection actual = DriverManager.getConnection(actualUrl)) {
      for (String table : TABLES) {
        List<List<Object>> want = rows(expected, "SELECT * FROM " + table);
        assertFalse(want.isEmpty(), table);
        assertEquals(want, rows(actual, "SELECT * FROM " + table), table);
      }
    }
  }

  @Test void cliOutputWithIso8601TimestampsAnswersAsTheEmulator() throws SQLException {
    assertSameTables("jdbc:sms:demo=true;region=us-east-1", url("region=us-east-1"));
  }

  @Test void cliOutputWithWireTimestampsAnswersAsTheEmulator() throws SQLException {
    assertSameTables("jdbc:sms:demo=true;region=eu-west-1", url("region=eu-west-1"));
  }

  @Test void withoutRegionKeysEveryRegionOfTheArchiveIsRead() throws SQLException {
    assertSameTables("jdbc:sms:demo=true;regions=eu-west-1,us-east-1", url());
  }

  @Test void regionsSelectAmongTheArchivesRegions() throws SQLException {
    try (Connection c = DriverManager.getConnection(url("regions=us-east-1"))) {
      assertEquals(List.of(List.of("us-east-1")), rows(c, "SELECT DISTINCT region FROM replication_runs"));
    }
  }

  @Test void aCompleteCliArchiveGivesNoWarnings() throws SQLException {
    try (Connection c = DriverManager.getConnection(url())) {
      assertNull(c.getWarnings());
    }
  }

  @Test void readingTheArchiveMakesNoApiCalls() throws SQLException {
    try (Connection c = DriverManager.getConnection(url())) {
      rows(c, "SELECT COUNT(*) FROM replication_runs");
      rows(c, "SELECT * FROM replication_jobs WHERE replication_job_id = 'sms-job-7611f6048eb629c2e'");
      assertEquals(List.of(List.of(0L)), rows(c, "SELECT COUNT(*) FROM sms_meta.api_calls"));
    }
  }

  @Test void aKeyThatIsNotInTheArchiveGivesNoRows() throws SQLException {
    try (Connection c = DriverManager.getConnection(url())) {
      assertTrue(rows(c, "SELECT * FROM replication_runs WHERE replication_job_id = 'sms-job-000000000000000'")
          .isEmpty());
      assertTrue(rows(c, "SELECT * FROM replication_jobs WHERE replication_job_id = 'sms-job-000000000000000'")
          .isEmpty());
    }
  }

  @Test void explainIsThatOfALiveRead() throws SQLException {
    String sql = "EXPLAIN PLAN FOR SELECT state, COUNT(*) FROM replication_runs "
        + "WHERE replication_job_id IN ('sms-job-7611f6048eb629c2e', 'x') GROUP BY state";
    try (Connection live = DriverManager.getConnection("jdbc:sms:demo=true;regions=eu-west-1,us-east-1");
         Connection saved = DriverManager.getConnection(url())) {
      assertEquals(rows(live, sql), rows(saved, sql));
    }
  }
}
