package dev.smsjdbc.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Values a server sends are checked against the API model, over real HTTP from a hostile server: a value
 * the model does not allow is an {@code SQLDataException} (22000) naming the operation, the member and the
 * request id, asked for once, never a silently different value; and no row comes twice in one scan.
 */
class ServerValuesTest {
  private static final Duration BOUND = Duration.ofSeconds(30);
  private static HostileServer hostile;

  @BeforeAll static void start() throws IOException {
    hostile = new HostileServer();
  }

  @AfterAll static void stop() {
    hostile.close();
  }

  /** The failure of reading {@code sql} from the hostile server's {@code answer}: 22000, asked for once. */
  private static SQLException failure(HostileServer.Answer answer, String sql) {
    hostile.answer(answer);
    SQLException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(SQLException.class, () -> {
      try (Connection c = DriverManager.getConnection(hostile.url())) {
        SmsTestDatabase.rows(c, sql);
      }
    }));
    assertInstanceOf(SQLDataException.class, e, e.getMessage());
    assertEquals("22000", e.getSQLState(), e.getMessage());
    return e;
  }

  private static SQLException jobsFailure(HostileServer.Answer answer) {
    SQLException e = failure(answer, "SELECT * FROM replication_jobs");
    assertEquals(1, hostile.requests(), "not retried: the same answer would come back");
    return e;
  }

  private static void assertMessage(SQLException e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), e.getMessage());
    }
  }

  private static List<List<Object>> rows(HostileServer.Answer answer, String sql) throws SQLException {
    hostile.answer(answer);
    try (Connection c = DriverManager.getConnection(hostile.url())) {
      return SmsTestDatabase.rows(c, sql);
    }
  }

  @Test void aTimestampBeyondYear9999IsAnErrorNamingOperationMemberAndRequestId() {
    SQLException e = jobsFailure(HostileServer.Answer.TIMESTAMP_1E300);
    assertMessage(e, "GetReplicationJobs answered a value the API model does not allow: "
        + "replicationJobList[0].seedReplicationTime = 1e300, which is not a timestamp from 1970-01-01 to "
        + "9999-12-31 (request id hostile-request-1)");
  }

  @Test void aTimestampBeforeTheEpochIsAnError() {
    assertMessage(jobsFailure(HostileServer.Answer.TIMESTAMP_NEGATIVE),
        "replicationJobList[0].seedReplicationTime = -1e18, which is not a timestamp from 1970-01-01");
  }

  @Test void timestampsAtTheEdgesOfTheRangeAreRead() throws SQLException {
    hostile.answer(HostileServer.Answer.TIMESTAMPS_AT_THE_EDGES);
    try (Connection c = DriverManager.getConnection(hostile.url());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT seed_replication_time, next_replication_run_start_time "
            + "FROM replication_jobs")) {
      assertTrue(rs.next());
      assertEquals(Instant.EPOCH, rs.getObject(1, java.time.OffsetDateTime.class).toInstant());
      assertEquals(Instant.parse("9999-12-31T23:59:59.999Z"),
          rs.getObject(2, java.time.OffsetDateTime.class).toInstant());
    }
  }

  @Test void aBooleanThatIsNeitherTrueNorFalseIsAnError() {
    assertMessage(jobsFailure(HostileServer.Answer.BOOLEAN_MAYBE),
        "replicationJobList[0].runOnce = \"maybe\", which is not true or false");
  }

  @Test void aStringWhereANumberBelongsIsAnError() {
    assertMessage(jobsFailure(HostileServer.Answer.STRING_FOR_A_NUMBER),
        "replicationJobList[0].frequency = \"12\", which is not an integer");
  }

  @Test void aNumberTooWideForItsMemberIsAnError() {
    assertMessage(jobsFailure(HostileServer.Answer.NUMBER_TOO_WIDE),
        "replicationJobList[0].frequency = 3000000000, which is not an integer of 32 bits");
  }

  @Test void aJobWithoutItsIdIsAnErrorNotANullKey() {
    assertMessage(jobsFailure(HostileServer.Answer.MISSING_JOB_ID),
        "replicationJobList[1].replicationJobId is missing, and every item of replicationJobList must have it");
  }

  @Test void aJobWhoseIdIsNullIsAnError() {
    assertMessage(jobsFailure(HostileServer.Answer.NULL_JOB_ID), "replicationJobList[0].replicationJobId is missing");
  }

  @Test void aServerWithoutItsIdIsAnError() {
    assertMessage(failure(HostileServer.Answer.MISSING_SERVER_ID, "SELECT * FROM servers"),
        "GetServers answered a value the API model does not allow: serverList[0].serverId is missing");
  }

  @Test void aNullListElementIsAnErrorNamingTheMember() {
    assertMessage(jobsFailure(HostileServer.Answer.NULL_LIST_ELEMENT),
        "replicationJobList[1] = null, and a list element cannot be null");
  }

  @Test void aDeeplyNestedValueIsRefusedWithoutOverflowingTheStack() {
    assertMessage(jobsFailure(HostileServer.Answer.DEEPLY_NESTED),
        "replicationJobList[0].futureMember", "is nested too deeply (64 levels at most)");
  }

  @Test void controlCharactersInAQuotedValueAreEscaped() {
    SQLException e = jobsFailure(HostileServer.Answer.BOOLEAN_WITH_CONTROL_CHARACTERS);
    assertMessage(e, "runOnce = \"\\u001b[31mtrue\\nforged\"");
    assertFalse(e.getMessage().chars().anyMatch(Character::isISOControl), e.getMessage());
  }

  @Test void aLongValueIsShortenedInTheMessage() {
    SQLException e = jobsFailure(HostileServer.Answer.LONG_NUMBER_FOR_A_STRING);
    assertMessage(e, "description = " + "9".repeat(40) + "..., which is not a string");
    assertTrue(e.getMessage().length() < 300, e.getMessage());
  }

  @Test void membersTheModelDoesNotHaveAndNullMembersAreIgnoredAsTheSdkDoes() throws SQLException {
    assertEquals(List.of(List.of("sms-job-hostile", "web")),
        rows(HostileServer.Answer.UNKNOWN_AND_NULL_MEMBERS, "SELECT replication_job_id, vm_name FROM replication_jobs"));
  }

  @Test void aRowRepeatedOnTheNextPageIsAnErrorNamingItsId() {
    SQLException e = failure(HostileServer.Answer.ROW_REPEATED_ON_THE_NEXT_PAGE, "SELECT * FROM replication_jobs");
    assertMessage(e, "GetReplicationJobs answered the item with replicationJobId \"sms-job-b\" twice in one scan");
    assertEquals(2, hostile.requests());
  }

  @Test void aRowRepeatedWithinAPageIsAnError() {
    assertMessage(jobsFailure(HostileServer.Answer.ROW_REPEATED_IN_A_PAGE),
        "replicationJobId \"sms-job-a\" twice in one scan");
  }

  @Test void aRunListedUnderTwoJobsIsAnErrorNamingItsId() {
    assertMessage(failure(HostileServer.Answer.RUN_UNDER_TWO_JOBS, "SELECT * FROM replication_runs"),
        "GetReplicationRuns answered the item with replicationRunId \"sms-run-r\" twice in one scan");
  }

  @Test void aSavedTimestampOutOfRangeIsRefusedToo(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("us-east-1/jobs.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"replicationJobList\": [{\"replicationJobId\": \"sms-job-1\", "
        + "\"seedReplicationTime\": 1e300}]}");
    SQLException e = assertThrows(SQLException.class,
        () -> DriverManager.getConnection("jdbc:sms:archive=" + dir).close());
    assertMessage(e, "replicationJobList[0].seedReplicationTime must be a timestamp from 1970-01-01 to 9999-12-31,"
        + " not 1E+300");
  }
}
