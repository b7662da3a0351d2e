package dev.smsjdbc.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.sms.SmsClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The standalone emulator: {@code java -cp ... dev.smsjdbc.emulator.SmsEmulator [options]}. */
class CommandLineTest {
  private static final Pattern LISTENING =
      Pattern.compile("SMS emulator listening on (http://127\\.0\\.0\\.1:(\\d+))");

  private static String capture(java.util.function.Consumer<PrintStream> action) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      action.accept(out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpListsEveryOption() throws Exception {
    String out = capture(o -> {
      try {
        assertNull(CommandLine.start(new String[] {"--help"}, o));
      } catch (CommandLine.UsageException e) {
        throw new AssertionError(e);
      }
    });
    for (String option : List.of("--port", "--data", "--demo", "--seed", "--jobs",
        "--runs-per-job", "--servers", "--connectors", "--apps", "--save-data", "--access-key-id",
        "--secret-access-key", "--bind", "--page-cap", "--embedded-runs", "--latency-ms",
        "--help")) {
      assertTrue(out.contains(option), option);
    }
  }

  @Test
  void unknownOptionIsAUsageErrorWithExitCode2() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = CommandLine.run(new String[] {"--frobnicate"}, System.out,
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option --frobnicate"));
    assertThrows(CommandLine.UsageException.class,
        () -> CommandLine.start(new String[] {"--port", "http"}, System.out));
    assertThrows(CommandLine.UsageException.class,
        () -> CommandLine.start(new String[] {"--demo", "--jobs", "3"}, System.out));
    assertThrows(CommandLine.UsageException.class,
        () -> CommandLine.start(new String[] {"--access-key-id", "AKIAX"}, System.out));
  }

  @Test
  void optionsConfigureTheEmulator(@TempDir Path dir) throws Exception {
    Path saved = dir.resolve("generated.json");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SmsEmulator emulator = CommandLine.start(new String[] {
        "--seed", "9", "--jobs", "30", "--runs-per-job", "4", "--servers", "35",
        "--connectors", "2", "--apps", "3", "--save-data", saved.toString(),
        "--page-cap", "10", "--embedded-runs", "2",
        "--access-key-id", "AKIACLI0000000000000", "--secret-access-key", "cli-secret",
        "--port", "0", "--bind", "127.0.0.1"},
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try (emulator;
         SmsClient client = TestClients.client(emulator,
             AwsBasicCredentials.create("AKIACLI0000000000000", "cli-secret"), false)) {
      Matcher m = LISTENING.matcher(bytes.toString(StandardCharsets.UTF_8).trim());
      assertTrue(m.matches(), bytes.toString(StandardCharsets.UTF_8));
      assertEquals(emulator.endpoint(), URI.create(m.group(1)));
      assertEquals(EmulatorData.generate(DataSpec.seed(9).jobs(30).runsPerJob(4)
          .servers(35).connectors(2).apps(3)), EmulatorData.load(saved));
      var page = client.getReplicationJobs(r -> r.maxResults(50));
      assertEquals(10, page.replicationJobList().size());
      assertEquals(2, page.replicationJobList().get(0).replicationRunList().size());
    }
  }

  @Test
  void dataFileIsServed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("data.json");
    EmulatorData data = EmulatorData.generate(DataSpec.seed(5).jobs(3).runsPerJob(2)
        .servers(3).connectors(1).apps(1));
    data.save(file);
    try (SmsEmulator emulator = CommandLine.start(
        new String[] {"--data", file.toString(), "--latency-ms", "1"}, new PrintStream(
            new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
      assertEquals(data, emulator.data());
    }
  }

  @Test
  void standaloneProcessPrintsItsEndpointAndServesUntilKilled() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "-cp",
        System.getProperty("java.class.path"), SmsEmulator.class.getName(), "--port", "0", "--demo")
        .redirectErrorStream(true)
        .start();
    try {
      BufferedReader reader = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
        try {
          for (String l; (l = reader.readLine()) != null; ) {
            if (l.startsWith("SMS emulator listening on")) {
              return l;
            }
          }
          return null;
        } catch (java.io.IOException e) {
          return null;
        }
      });
      String first = line.get(30, TimeUnit.SECONDS);
      assertNotNull(first, "no endpoint line");
      Matcher m = LISTENING.matcher(first);
      assertTrue(m.matches(), first);
      try (SmsClient client = TestClients.client(URI.create(m.group(1)), AwsBasicCredentials.create(
          SmsEmulator.DEMO_ACCESS_KEY_ID, SmsEmulator.DEMO_SECRET_ACCESS_KEY), false)) {
        assertEquals(12, client.getReplicationJobs(r -> { }).replicationJobList().size());
      }
      assertTrue(process.isAlive());
    } finally {
      process.destroy();
      assertTrue(process.waitFor(10, TimeUnit.SECONDS));
    }
  }
}
