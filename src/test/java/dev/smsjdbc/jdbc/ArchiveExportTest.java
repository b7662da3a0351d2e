package dev.smsjdbc.jdbc;

import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import dev.smsjdbc.emulator.SmsEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bin/sms-sql --export DIR URL} writes what the URL reads as an archive in the AWS CLI's format, and
 * reading the export back gives the same answers.
 */
class ArchiveExportTest {
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
  private static SmsEmulator emulator;
  private static String live;
  @TempDir Path dir;

  @BeforeAll static void start() {
    // Two Regions with different data, pages of 10, and more runs per job than a page holds.
    emulator = SmsEmulator.builder()
        .data(EmulatorData.generate(DataSpec.seed(3).jobs(7).runsPerJob(23).servers(9).connectors(2).apps(3)))
        .data("eu-west-1", EmulatorData.generate(DataSpec.seed(4).jobs(3).runsPerJob(4).servers(3).connectors(1)
            .apps(1)))
        .credentials(SmsTestDatabase.ACCESS_KEY_ID, SmsTestDatabase.SECRET).pageCap(10).start();
    live = "jdbc:sms:regions=us-east-1,eu-west-1;endpoint=" + emulator.endpoint() + ";accessKeyId="
        + SmsTestDatabase.ACCESS_KEY_ID + ";secretAccessKey=" + SmsTestDatabase.SECRET;
  }

  @AfterAll static void stop() {
    emulator.close();
  }

  @Test void anExportReadsBackToTheSameAnswers() throws Exception {
    Path export = dir.resolve("export");
    String summary = ArchiveExport.export(export, live, QUIET, false);
    assertEquals("exported 10 replication jobs and 173 runs of 2 Region(s) to " + export, summary);
    ArchiveCliTest.assertSameTables(live, "jdbc:sms:archive=" + export + ";regions=us-east-1,eu-west-1");
  }

  @Test void anExportHasAFolderPerRegionAndAFilePerCommandAndJob() throws Exception {
    Path export = dir.resolve("export");
    ArchiveExport.export(export, live, QUIET, false);
    try (Stream<Path> files = Files.walk(export)) {
      List<String> names = files.filter(Files::isRegularFile).map(f -> export.relativize(f).toString())
          .filter(f -> !f.contains("/get-replication-runs/")).sorted().toList();
      assertEquals(List.of("eu-west-1/get-connectors.json", "eu-west-1/get-replication-jobs.json",
          "eu-west-1/get-servers.json", "eu-west-1/list-apps.json", "us-east-1/get-connectors.json",
          "us-east-1/get-replication-jobs.json", "us-east-1/get-servers.json", "us-east-1/list-apps.json"), names);
    }
    try (Stream<Path> runs = Files.list(export.resolve("us-east-1/get-replication-runs"))) {
      assertEquals(7, runs.count());
    }
    String jobs = Files.readString(export.resolve("us-east-1/get-replication-jobs.json"));
    assertTrue(jobs.startsWith("{\n    \"replicationJobList\": [\n"), jobs);
    assertTrue(jobs.matches("(?s).*\"seedReplicationTime\": \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?"
        + "\\+00:00\".*"), "ISO 8601 timestamps as the CLI prints them");
  }

  @Test void anExportOfAnArchiveIsTheSameArchive() throws Exception {
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    ArchiveExport.export(first, live, QUIET, false);
    ArchiveExport.export(second, "jdbc:sms:archive=" + first, QUIET, false);
    try (Stream<Path> files = Files.walk(first)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertEquals(Files.readString(f), Files.readString(second.resolve(first.relativize(f))), f.toString());
      }
    }
  }

  @Test void onATerminalTheExportShowsAProgressLine() throws Exception {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    ArchiveExport.export(dir.resolve("export"), live, new PrintStream(progress, true, StandardCharsets.UTF_8), true);
    String shown = progress.toString(StandardCharsets.UTF_8);
    assertTrue(shown.contains("\rexporting us-east-1: runs of 7/7 jobs, 161 runs"), shown);
    assertTrue(shown.contains("\rexporting eu-west-1: runs of 3/3 jobs, 12 runs"), shown);
  }

  @Test void theExportRefusesAFolderThatIsNotEmpty() throws IOException {
    Files.writeString(dir.resolve("old.json"), "{}");
    SQLException e = assertThrows(SQLException.class, () -> ArchiveExport.export(dir, live, QUIET, false));
    assertTrue(e.getMessage().contains("is not empty"), e.getMessage());
  }
}
