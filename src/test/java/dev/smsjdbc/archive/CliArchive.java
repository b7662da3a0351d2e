package dev.smsjdbc.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smsjdbc.emulator.SmsEmulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Saves an endpoint's SMS data the way a user keeps it: the real AWS CLI ({@code /usr/bin/aws}, Debian's
 * awscli 2.x, whose botocore still knows SMS) prints each read command's JSON into a file, one folder per
 * Region, runs one file per job named after it. Nothing of this machine's AWS setup leaks in: a clean
 * environment and a config file of its own, which sets {@code cli_timestamp_format}.
 */
public final class CliArchive {
  public static final Path AWS = Path.of("/usr/bin/aws");
  private static final long TIMEOUT_SECONDS = 60;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path demo;

  private CliArchive() {}

  /** Skips the calling test without the CLI, except on CI, where it must be installed. */
  public static void assumeCli() {
    if (!Files.isExecutable(AWS)) {
      if (System.getenv("CI") != null) {
        fail(AWS + " is missing: CI must install Debian's awscli package");
      }
      assumeTrue(false, AWS + " (Debian's awscli 2.x) is not installed: skipping AWS CLI archive tests");
    }
  }

  /**
   * The demo data as the CLI saved it from an emulator: {@code us-east-1/} in the default ISO 8601
   * timestamps, {@code eu-west-1/} with {@code cli_timestamp_format = wire} (the emulator serves the same
   * data to every Region). Written once per JVM, under target/.
   */
  public static synchronized Path demo() {
    assumeCli();
    if (demo == null) {
      Path dir = Path.of("target", "cli-archives", "demo").toAbsolutePath();
      delete(dir);
      try (SmsEmulator emulator = SmsEmulator.startDemo()) {
        save(emulator.endpoint(), SmsEmulator.DEMO_ACCESS_KEY_ID, SmsEmulator.DEMO_SECRET_ACCESS_KEY,
            "us-east-1", "iso8601", dir);
        save(emulator.endpoint(), SmsEmulator.DEMO_ACCESS_KEY_ID, SmsEmulator.DEMO_SECRET_ACCESS_KEY,
            "eu-west-1", "wire", dir);
      }
      demo = dir;
    }
    return demo;
  }

  /** Runs get-replication-jobs, get-replication-runs per job, get-servers, get-connectors and list-apps. */
  public static void save(URI endpoint, String accessKeyId, String secret, String region, String timestampFormat,
      Path dir) {
    Path folder = dir.resolve(region);
    try {
      Files.createDirectories(folder.resolve("runs"));
      Path home = Files.createTempDirectory("aws-home");
      Path config = home.resolve("config");
      Files.writeString(config, "[default]\ncli_timestamp_format = " + timestampFormat + "\n");
      Cli cli = new Cli(endpoint, accessKeyId, secret, region, home, config);
      cli.run(folder.resolve("get-replication-jobs.json"), "get-replication-jobs");
      JsonNode jobs = JSON.readTree(folder.resolve("get-replication-jobs.json").toFile());
      List<List<String>> commands = new ArrayList<>();
      jobs.get("replicationJobList").forEach(job -> commands.add(List.of("get-replication-runs",
          "--replication-job-id", job.get("replicationJobId").asText())));
      commands.add(List.of("get-servers"));
      commands.add(List.of("get-connectors"));
      commands.add(List.of("list-apps"));
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (List<String> command : commands) {
          Path out = command.size() > 1 ? folder.resolve("runs").resolve(command.get(2) + ".json")
              : folder.resolve(command.get(0) + ".json");
          done.add(pool.submit(() -> {
            cli.run(out, command.toArray(String[]::new));
            return null;
          }));
        }
        for (Future<?> f : done) {
          f.get(TIMEOUT_SECONDS * 2, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      delete(home);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new AssertionError("saving with the AWS CLI failed", e);
    }
  }

  /** The CLI set up for one endpoint and Region. */
  public record Cli(URI endpoint, String accessKeyId, String secret, String region, Path home, Path config) {
    /** Runs {@code aws sms ARGS} and writes what it prints to {@code out}. */
    public void run(Path out, String... args) throws IOException, InterruptedException {
      List<String> command = new ArrayList<>(List.of(AWS.toString(), "sms"));
      command.addAll(List.of(args));
      command.addAll(List.of("--endpoint-url", endpoint.toString(), "--region", region, "--output", "json"));
      Path err = Files.createTempFile(home, "stderr", ".txt");
      ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      Map<String, String> env = pb.environment();
      env.clear();
      env.put("PATH", "/usr/bin:/bin");
      env.put("HOME", home.toString());
      env.put("LC_ALL", "C.UTF-8");
      env.put("PYTHONIOENCODING", "utf-8");
      env.put("AWS_ACCESS_KEY_ID", accessKeyId);
      env.put("AWS_SECRET_ACCESS_KEY", secret);
      env.put("AWS_CONFIG_FILE", config.toString());
      env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
      env.put("AWS_EC2_METADATA_DISABLED", "true");
      env.put("AWS_PAGER", "");
      env.put("AWS_MAX_ATTEMPTS", "1");
      Process process = pb.start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("aws " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
      }
      assertEquals(0, process.exitValue(), () -> "aws " + String.join(" ", args) + ": "
          + readQuietly(err));
    }
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** Deletes a folder and what it holds, if it exists. */
  public static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
