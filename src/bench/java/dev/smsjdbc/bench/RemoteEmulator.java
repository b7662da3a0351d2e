package dev.smsjdbc.bench;

import dev.smsjdbc.emulator.SmsEmulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The benchmark's handle on an {@link EmulatorServer} child process. */
final class RemoteEmulator implements AutoCloseable {
  /** API calls since the last reset. */
  record Calls(int jobs, int runs, int total) {}

  final String name;
  final int jobs;
  final int runsPerJob;
  private final Process process;
  private final BufferedReader out;
  private final PrintStream in;
  private final String endpoint;

  private RemoteEmulator(String name, int jobs, int runsPerJob, Process process) throws IOException {
    this.name = name;
    this.jobs = jobs;
    this.runsPerJob = runsPerJob;
    this.process = process;
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
    String ready = out.readLine();
    if (ready == null || !ready.startsWith("READY ")) {
      process.destroyForcibly();
      throw new IOException("emulator " + name + " did not start: " + ready + " (see its log)");
    }
    this.endpoint = ready.substring("READY ".length());
  }

  static RemoteEmulator start(String name, long seed, int jobs, int runsPerJob, String maxHeap, Path logDir)
      throws IOException {
    return start(name, seed, jobs, runsPerJob, 50, maxHeap, logDir);
  }

  /** An emulator that serves at most {@code pageCap} items per page. */
  static RemoteEmulator start(String name, long seed, int jobs, int runsPerJob, int pageCap, String maxHeap,
      Path logDir) throws IOException {
    List<String> command = new ArrayList<>(List.of(Startup.javaBinary(), "-Xmx" + maxHeap, "-XX:+UseParallelGC",
        "-cp", System.getProperty("java.class.path"), EmulatorServer.class.getName()));
    command.addAll(Arrays.asList(Long.toString(seed), Integer.toString(jobs), Integer.toString(runsPerJob),
        Integer.toString(pageCap)));
    Process process = new ProcessBuilder(command)
        .redirectError(logDir.resolve("emulator-" + name + ".log").toFile())
        .start();
    return new RemoteEmulator(name, jobs, runsPerJob, process);
  }

  String endpoint() {
    return endpoint;
  }

  /** A driver URL for this emulator, with extra {@code key=value} pairs. */
  String url(String... extra) {
    StringBuilder url = new StringBuilder("jdbc:sms:region=us-east-1;endpoint=" + endpoint
        + ";accessKeyId=" + SmsEmulator.DEMO_ACCESS_KEY_ID + ";secretAccessKey=" + SmsEmulator.DEMO_SECRET_ACCESS_KEY);
    for (String e : extra) {
      url.append(';').append(e);
    }
    return url.toString();
  }

  private String command(String line) {
    in.println(line);
    try {
      String answer = out.readLine();
      if (answer == null || answer.startsWith("ERROR")) {
        throw new IllegalStateException("emulator " + name + ": " + line + " -> " + answer);
      }
      return answer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void latency(long millis) {
    command("latency " + millis);
  }

  void reset() {
    command("reset");
  }

  Calls calls() {
    String[] w = command("counts").split(" ");
    return new Calls(Integer.parseInt(w[1]), Integer.parseInt(w[2]), Integer.parseInt(w[3]));
  }

  /** The CPU time the emulator's JVM has used so far (all its threads), in nanoseconds; -1 if unknown. */
  long cpuNanos() {
    return process.toHandle().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
  }

  /** {@code n} job ids spread over the listing. */
  List<String> ids(int n) {
    return List.of(command("ids " + n).substring("IDS ".length()).split(","));
  }

  @Override public void close() {
    in.println("quit");
    in.close();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
