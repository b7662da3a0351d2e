package dev.smsjdbc.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nothing in an archive is skipped silently: a file that cannot be read fails the connect, naming it. */
class ArchiveErrorsTest {
  private static final String JOB = "{\"replicationJobId\": \"sms-job-0123456789abcdef0\", \"frequency\": 12, "
      + "\"seedReplicationTime\": \"2021-05-26T03:55:24.511000+00:00\"}";
  @TempDir Path dir;

  private Path file(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  /** Connecting fails with 08001 and a message that names {@code file} and holds {@code what}. */
  private void assertFails(String keys, Path file, String what) {
    SQLException e = assertThrows(SQLException.class,
        () -> DriverManager.getConnection("jdbc:sms:archive=" + dir + keys).close());
    assertEquals("08001", e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(what), e.getMessage());
  }

  @Test void invalidJsonNamesTheFileLineAndColumn() throws IOException {
    file("us-east-1/jobs.json", "{\"replicationJobList\": [ " + JOB + " ]}");
    Path bad = file("us-east-1/servers.json", "{\n  \"serverList\": [\n    {\"serverId\": \"s-1\",}\n  ]\n}");
    assertFails("", bad, "not valid JSON at line 3, column 24");
  }

  @Test void jsonThatIsNoSmsReadOutputIsAnError() throws IOException {
    Path bad = file("us-east-1/instances.json", "{\"Reservations\": []}");
    assertFails("", bad, "not the output of an SMS read command");
  }

  @Test void aMemberThatSmsDoesNotHaveIsAnError() throws IOException {
    Path bad = file("us-east-1/jobs.json", "{\"replicationJobList\": [{\"replicationJobId\": \"sms-job-1\", "
        + "\"vmServer\": {\"vmName\": \"web\", \"cpus\": 4}}]}");
    assertFails("", bad, "replicationJobList[0].vmServer has a member 'cpus' that SMS does not have");
  }

  @Test void aValueOfTheWrongTypeIsAnError() throws IOException {
    Path bad = file("us-east-1/jobs.json", "{\"replicationJobList\": [{\"replicationJobId\": \"sms-job-1\", "
        + "\"frequency\": \"12\"}]}");
    assertFails("", bad, "replicationJobList[0].frequency must be an integer, not \"12\"");
  }

  @Test void controlCharactersOfASavedFileAreEscapedInTheMessage() throws IOException {
    Path bad = file("us-east-1/jobs.json", "{\"replicationJobList\": [{\"replicationJobId\": \"sms-job-1\", "
        + "\"vmServer\": {\"vmName\": \"web\", \"x\\u001b[31m\\nforged\": 4}}]}");
    SQLException e = assertThrows(SQLException.class,
        () -> DriverManager.getConnection("jdbc:sms:archive=" + dir).close());
    assertTrue(e.getMessage().contains("x\\u001b[31m\\nforged"), e.getMessage());
    assertTrue(e.getMessage().chars().noneMatch(Character::isISOControl), e.getMessage());
  }

  @Test void aTimestampInNoSavedFormIsAnError() throws IOException {
    Path bad = file("us-east-1/jobs.json", "{\"replicationJobList\": [{\"replicationJobId\": \"sms-job-1\", "
        + "\"seedReplicationTime\": \"26/05/2021 03:55\"}]}");
    assertFails("", bad, "replicationJobList[0].seedReplicationTime: '26/05/2021 03:55' is not a timestamp");
  }

  @Test void aFileOutsideRegionFoldersWithoutARegionKeyIsAnErrorThatSaysHowToFixIt() throws IOException {
    Path bad = file("backup/jobs.json", "{\"replicationJobList\": [" + JOB + "]}");
    assertFails("", bad, "its Region cannot be told. Put it in a folder named after its Region");
  }

  @Test void aFileOutsideRegionFoldersWithSeveralRegionsIsAnError() throws IOException {
    Path bad = file("backup/jobs.json", "{\"replicationJobList\": [" + JOB + "]}");
    assertFails(";regions=us-east-1,eu-west-1", bad, "its Region cannot be told");
  }

  @Test void runsOutputWithoutItsJobMustNameTheJobInTheFileName() throws IOException {
    Path bad = file("us-east-1/runs-of-web-01.json", "{\"replicationRunList\": []}");
    assertFails("", bad, "must name its job in the file name");
  }

  @Test void aFolderWithoutJsonFilesIsAnError() throws IOException {
    file("us-east-1/notes.txt", "nothing saved yet");
    assertFails("", dir, "holds no .json files");
  }

  @Test void aPathThatDoesNotExistIsAnError() {
    Path missing = dir.resolve("no-such-folder");
    SQLException e = assertThrows(SQLException.class,
        () -> DriverManager.getConnection("jdbc:sms:archive=" + missing).close());
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains(missing + ": no such file or folder"), e.getMessage());
  }

  @Test void keysNamingAnEndpointOrCredentialsAreNotUsedAndSaySo() throws Exception {
    file("us-east-1/jobs.json", "{\"replicationJobList\": [" + JOB + "]}");
    try (Connection c = DriverManager.getConnection("jdbc:sms:archive=" + dir
        + ";endpoint=http://127.0.0.1:1;accessKeyId=AKIAUNUSED;secretAccessKey=unused")) {
      assertEquals(List.of(List.of(1L)), SmsTestDatabase.rows(c, "SELECT COUNT(*) FROM replication_jobs"));
      SQLWarning w = c.getWarnings();
      assertEquals("endpoint is not used: archive=" + dir + " reads saved history, without endpoint or "
          + "credentials.", w.getMessage());
      assertTrue(w.getNextWarning().getMessage().startsWith("accessKeyId is not used"));
    }
  }
}
