package dev.smsjdbc.jdbc;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bin/sms-sql}, the README's quick start, on the demo data with the jar this build packaged
 * ({@code SMS_JDBC_JAR}, so that the launcher does not build while the build runs).
 */
class SmsSqlLauncherIT {
  private static final Path BASEDIR = Path.of(System.getProperty("smsjdbc.basedir"));

  record Result(int status, String out, String err) {}

  @Test void scriptedQueryPrintsCsv() throws Exception {
    Result r = run("-e", "SELECT state, COUNT(*) AS jobs FROM replication_jobs WHERE state = 'FAILED' GROUP BY state");
    assertEquals(0, r.status(), r.err());
    assertEquals("\"state\",\"jobs\"\n\"FAILED\",\"2\"\n", r.out());
  }

  @Test void runsAnExampleFile() throws Exception {
    Result r = run("--format", "tsv", "-f", "sql-examples/09-encrypted-without-kms-key.sql");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("\"vm_name\"\t\"state\""), r.out());
    assertTrue(r.out().contains("\"report-prod-01\""), r.out());
  }

  @Test void failedStatementGivesAnErrorStatusAndNoStackTrace() throws Exception {
    Result r = run("-e", "SELECT no_such_column FROM replication_jobs");
    assertNotEquals(0, r.status());
    assertTrue(r.err().contains("Error: From line 1, column 8 to line 1, column 21: Column 'no_such_column' not found"),
        r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test void debugLogsEveryApiCallWithoutSecrets() throws Exception {
    Result r = run("--debug", "-e",
        "SELECT COUNT(*) AS runs FROM replication_runs WHERE replication_job_id = 'sms-job-7611f6048eb629c2e'");
    assertEquals(0, r.status(), r.err());
    List<String> calls = r.err().lines().filter(l -> l.contains("DEBUG dev.smsjdbc.aws")).toList();
    assertEquals(1, calls.size(), r.err());
    String call = calls.get(0);
    for (String part : List.of("GetReplicationRuns", "replicationJobId=sms-job-7611f6048eb629c2e", "maxResults=",
        "page=1", " ms", "request id ")) {
      assertTrue(call.contains(part), part + " in " + call);
    }
    assertFalse(call.contains("request id null"), call);
    assertFalse(r.err().contains("smsjdbc/demo/NotASecret"), r.err());
  }

  @Test void recordsAClassDataArchiveForLaterStarts() throws Exception {
    Result r = run("-e", "VALUES 1");
    assertEquals(0, r.status(), r.err());
    Path key = BASEDIR.resolve("target/sms-sql.jsa.key");
    assertTrue(Files.exists(BASEDIR.resolve("target/sms-sql.jsa")));
    assertTrue(Files.readString(key).startsWith(System.getProperty("smsjdbc.allJar") + ":"), Files.readString(key));
  }

  @Test void exportWritesAnArchiveThatArchiveQueries() throws Exception {
    Path dir = Files.createTempDirectory("sms-sql-export").resolve("history");
    Result export = run("--export", dir.toString());
    assertEquals(0, export.status(), export.err());
    assertEquals("exported 12 replication jobs and 298 runs of 1 Region(s) to " + dir + "\n", export.err());
    assertTrue(Files.exists(dir.resolve("us-east-1/get-replication-runs/sms-job-7611f6048eb629c2e.json")));
    Result query = run("--archive", dir.toString(), "-e", "SELECT COUNT(*) AS runs FROM replication_runs");
    assertEquals(0, query.status(), query.err());
    assertEquals("\"runs\"\n\"298\"\n", query.out());
  }

  @Test void helpDescribesArchiveAndExport() throws Exception {
    Result r = run("--help");
    assertTrue(r.out().contains("--archive PATH") && r.out().contains("--export DIR"), r.out());
  }

  @Test void helpDescribesTheOptions() throws Exception {
    Result r = run("--help");
    assertEquals(0, r.status());
    for (String option : List.of("--region", "--profile", "--endpoint", "-e", "-f", "--format", "--debug")) {
      assertTrue(r.out().contains(option), option);
    }
  }

  private static Result run(String... args) throws IOException, InterruptedException {
    return run(Map.of("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString()), args);
  }

  /** Runs the launcher with {@code env} added to its environment; an empty value removes the variable. */
  static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", BASEDIR.resolve("bin/sms-sql").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(BASEDIR.toFile());
    builder.environment().put("SMS_JDBC_JAR", System.getProperty("smsjdbc.allJar"));
    builder.environment().remove("JAVA");
    env.forEach((k, v) -> {
      if (v.isEmpty()) {
        builder.environment().remove(k);
      } else {
        builder.environment().put(k, v);
      }
    });
    Path out = Files.createTempFile("sms-sql", ".out");
    Path err = Files.createTempFile("sms-sql", ".err");
    try {
      Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("bin/sms-sql " + String.join(" ", args) + " did not finish in 2 minutes");
      }
      return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
