package dev.smsjdbc.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Start-up measurements in fresh JVMs: JVM start to the first row of a query ({@link FirstRow}), and
 * sqlline's time to its prompt and to the answer of the first query typed at it; plus the class-data
 * sharing archive for the launcher.
 */
final class Startup {
  static final String DEMO_URL = "jdbc:sms:demo=true";
  static final String COUNT_JOBS = "SELECT count(*) FROM replication_jobs";
  private static final long TIMEOUT_SECONDS = 120;

  /** One fresh JVM: wall time from process start to the first row, and the child's own split. */
  record FirstRowSample(double wallMs, long connectMs, long queryMs, String value, long toMainMs,
      long processCpuMs, long mainCpuMs, long classes) {}

  /** One sqlline session: process start to prompt, and prompt (query sent) to its answer. */
  record PromptSample(double promptMs, double answerMs) {}

  private Startup() {}

  /** The java binary of this JVM, for the child JVMs. */
  static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static List<String> command(List<String> jvmFlags, String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    command.addAll(jvmFlags);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(List.of(args));
    return command;
  }

  /**
   * Runs {@link FirstRow} in a fresh JVM. The wall time runs from just before the process is started to the
   * moment its FIRST_ROW line is read, less the pause (a user's think time between connect and query).
   */
  static FirstRowSample firstRow(List<String> jvmFlags, String url, String sql, long pauseMillis)
      throws IOException, InterruptedException {
    return firstRow(javaBinary(), jvmFlags, System.getProperty("java.class.path"), url, sql, pauseMillis);
  }

  /** As above, with that java binary and class path (a plain client: the driver's jar and the client's). */
  static FirstRowSample firstRow(String java, List<String> jvmFlags, String classPath, String url, String sql,
      long pauseMillis) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(jvmFlags);
    command.addAll(List.of("-cp", classPath, FirstRow.class.getName(), url, sql, Long.toString(pauseMillis)));
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    long t0 = System.nanoTime();
    Process p = pb.start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("FIRST_ROW ")) {
          double wall = (System.nanoTime() - t0) / 1e6 - pauseMillis;
          String[] w = line.split(" ");
          p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
          return new FirstRowSample(wall, Long.parseLong(w[3]), Long.parseLong(w[4]), w[1], Long.parseLong(w[5]),
              Long.parseLong(w[6]), Long.parseLong(w[7]), Long.parseLong(w[8]));
        }
      }
    } finally {
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    throw new IOException("FirstRow printed no row (exit " + p.exitValue() + "): " + pb.command());
  }

  static List<String> sqllineCommand(List<String> jvmFlags, String url) {
    List<String> flags = new ArrayList<>(jvmFlags);
    flags.add("-Dorg.jline.terminal.dumb=true");
    return command(flags, "sqlline.SqlLine", "-u", url, "-n", "", "-p", "",
        "--connectInteractionMode=notAskCredentials", "--isolation=TRANSACTION_NONE", "--fastConnect=true",
        "--outputformat=csv");
  }

  /**
   * A sqlline session as a person has it: waits for the prompt, types {@code SELECT count(*) FROM
   * replication_jobs;}, waits for the answer, types further statements, then {@code !quit}.
   */
  static PromptSample sqlline(List<String> jvmFlags, List<String> moreStatements)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(sqllineCommand(jvmFlags, DEMO_URL))
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    long t0 = System.nanoTime();
    Process p = pb.start();
    try {
      InputStream out = p.getInputStream();
      OutputStream in = p.getOutputStream();
      StringBuilder seen = new StringBuilder();
      readUntil(out, seen, "jdbc:sms:demo=true> ", 0);
      double prompt = (System.nanoTime() - t0) / 1e6;
      int mark = seen.length();
      long t1 = System.nanoTime();
      in.write((COUNT_JOBS + ";\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
      readUntil(out, seen, "'12'", mark);
      double answer = (System.nanoTime() - t1) / 1e6;
      for (String statement : moreStatements) {
        mark = seen.length();
        in.write((statement + ";\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
        readUntil(out, seen, "jdbc:sms:demo=true> ", mark);
      }
      in.write("!quit\n".getBytes(StandardCharsets.UTF_8));
      in.close();
      return new PromptSample(prompt, answer);
    } finally {
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  private static void readUntil(InputStream in, StringBuilder seen, String marker, int from) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (seen.indexOf(marker, from) < 0) {
      int b = in.read();
      if (b < 0 || System.nanoTime() > deadline) {
        throw new IOException("sqlline ended before '" + marker + "': " + seen);
      }
      seen.append((char) b);
    }
  }

  /**
   * Writes a dynamic class-data sharing archive: one sqlline session on the demo data (connect, a count, a
   * join with an aggregate), archived at exit. Returns the flag that uses it, or null if it failed.
   */
  static String createArchive(Path archive, List<String> jvmFlags) throws IOException, InterruptedException {
    Files.deleteIfExists(archive);
    List<String> flags = new ArrayList<>(jvmFlags);
    flags.add("-XX:ArchiveClassesAtExit=" + archive);
    sqlline(flags, List.of(
        "SELECT r.state, count(*) FROM replication_runs r JOIN replication_jobs j"
            + " ON r.replication_job_id = j.replication_job_id GROUP BY r.state",
        "SELECT * FROM replication_jobs WHERE replication_job_id = 'sms-job-0'"));
    // The archive is written as the JVM exits, after sqlline's !quit.
    return Files.isRegularFile(archive) ? "-XX:SharedArchiveFile=" + archive : null;
  }
}
