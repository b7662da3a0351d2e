package dev.smsjdbc.emulator;

import dev.smsjdbc.archive.Archive;
import dev.smsjdbc.archive.RegionHistory;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone emulator's command line: parses the options, starts an {@link SmsEmulator} and
 * keeps it running until the process is killed.
 */
final class CommandLine {
  static final String USAGE = String.join("\n",
      "Usage: java -cp <classpath> dev.smsjdbc.emulator.SmsEmulator [options]",
      "",
      "Serves an emulated AWS Server Migration Service (AWS JSON 1.1, SigV4) until killed.",
      "",
      "Data (default --demo):",
      "  --demo                     serve the built-in demo data set",
      "  --data FILE                serve the data in FILE (JSON, as EmulatorData.save writes it)",
      "  --seed N                   generate data from seed N (default 1); with any of:",
      "  --jobs N                   replication jobs to generate (default 120)",
      "  --runs-per-job N           runs per generated job (default 10)",
      "  --servers N                catalog servers to generate (default 150)",
      "  --connectors N             connectors to generate (default 3)",
      "  --apps N                   applications to generate (default 5)",
      "  --archive PATH             serve saved history: a folder (or file) of AWS CLI or SDK JSON output",
      "                             of SMS read commands, each Region's to requests signed for it",
      "  --region REGION            with --archive: the Region of files outside any Region folder",
      "  --save-data FILE           also write the data served to FILE (not with --archive)",
      "Server:",
      "  --port P                   TCP port (default 0: an ephemeral port)",
      "  --bind ADDRESS             address to listen on (default 127.0.0.1)",
      "  --access-key-id ID         accepted access key id (default the demo key "
          + SmsEmulator.DEMO_ACCESS_KEY_ID + ")",
      "  --secret-access-key KEY    its secret (default the demo secret "
          + SmsEmulator.DEMO_SECRET_ACCESS_KEY + ")",
      "  --page-cap N               most items per page, whatever maxResults asks (default 50)",
      "  --embedded-runs N          recent runs embedded in each job (default 3)",
      "  --latency-ms N             delay every request by N milliseconds (default 0)",
      "  --help                     print this help and exit",
      "",
      "Prints 'SMS emulator listening on http://HOST:PORT' once it serves.");

  private CommandLine() {
  }

  /** A command line that cannot be followed. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /** Runs the emulator as the command line says; returns an exit code on error or --help. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    SmsEmulator emulator;
    try {
      emulator = start(args, out, err);
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      err.println(USAGE);
      return 2;
    } catch (RuntimeException e) {
      err.println("error: " + e);
      return 1;
    }
    if (emulator == null) {
      return 0; // --help
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      emulator.close();
      stopped.countDown();
    }, "sms-emulator-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /**
   * Parses {@code args}, starts the emulator and prints its endpoint line to {@code out}.
   *
   * @return the running emulator, or null if only help was asked for
   */
  static SmsEmulator start(String[] args, PrintStream out) throws UsageException {
    return start(args, out, System.err);
  }

  /** As {@link #start(String[], PrintStream)}; what reading an archive noticed goes to {@code err}. */
  static SmsEmulator start(String[] args, PrintStream out, PrintStream err) throws UsageException {
    SmsEmulator.Builder builder = SmsEmulator.builder();
    Path dataFile = null;
    Path archive = null;
    String archiveRegion = null;
    Path saveFile = null;
    boolean demo = false;
    boolean generate = false;
    long seed = 1;
    int jobs = 120;
    int runsPerJob = 10;
    int servers = 150;
    int connectors = 3;
    int apps = 5;
    String accessKeyId = null;
    String secretAccessKey = null;
    long latencyMs = 0;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      switch (option) {
        case "--help", "-h" -> {
          out.println(USAGE);
          return null;
        }
        case "--demo" -> demo = true;
        case "--data" -> dataFile = Path.of(value(args, ++i, option));
        case "--archive" -> archive = Path.of(value(args, ++i, option));
        case "--region" -> archiveRegion = value(args, ++i, option);
        case "--save-data" -> saveFile = Path.of(value(args, ++i, option));
        case "--seed" -> {
          seed = number(args, ++i, option, Long.MIN_VALUE, Long.MAX_VALUE);
          generate = true;
        }
        case "--jobs" -> {
          jobs = (int) number(args, ++i, option, 0);
          generate = true;
        }
        case "--runs-per-job" -> {
          runsPerJob = (int) number(args, ++i, option, 0);
          generate = true;
        }
        case "--servers" -> {
          servers = (int) number(args, ++i, option, 0);
          generate = true;
        }
        case "--connectors" -> {
          connectors = (int) number(args, ++i, option, 0);
          generate = true;
        }
        case "--apps" -> {
          apps = (int) number(args, ++i, option, 0);
          generate = true;
        }
        case "--port" -> builder.port((int) number(args, ++i, option, 0, 65_535));
        case "--bind" -> builder.bindAddress(address(value(args, ++i, option)));
        case "--access-key-id" -> accessKeyId = value(args, ++i, option);
        case "--secret-access-key" -> secretAccessKey = value(args, ++i, option);
        case "--page-cap" -> builder.pageCap((int) number(args, ++i, option, 1));
        case "--embedded-runs" -> builder.embeddedRunsPerJob((int) number(args, ++i, option, 0));
        case "--latency-ms" -> latencyMs = number(args, ++i, option, 0);
        default -> throw new UsageException("unknown option " + option);
      }
    }
    if ((demo ? 1 : 0) + (dataFile != null ? 1 : 0) + (generate ? 1 : 0) + (archive != null ? 1 : 0) > 1) {
      throw new UsageException("choose one of --demo, --data, --archive and generation options");
    }
    if (archiveRegion != null && archive == null) {
      throw new UsageException("--region goes with --archive");
    }
    if (archive != null && saveFile != null) {
      throw new UsageException("--save-data does not go with --archive");
    }
    if ((accessKeyId == null) != (secretAccessKey == null)) {
      throw new UsageException("--access-key-id and --secret-access-key go together");
    }
    EmulatorData data = archive != null ? archive(builder, archive, archiveRegion, err)
        : dataFile != null ? EmulatorData.load(dataFile)
        : generate ? EmulatorData.generate(DataSpec.seed(seed).jobs(jobs).runsPerJob(runsPerJob)
            .servers(servers).connectors(connectors).apps(apps))
        : EmulatorData.demo();
    if (saveFile != null) {
      data.save(saveFile);
    }
    builder.data(data);
    if (accessKeyId != null) {
      builder.credentials(accessKeyId, secretAccessKey);
    }
    SmsEmulator emulator = builder.start();
    emulator.faults().latency(Duration.ofMillis(latencyMs));
    out.println("SMS emulator listening on " + emulator.endpoint());
    out.flush();
    return emulator;
  }

  /**
   * Gives each Region of the archive to the requests signed for it; returns the data of every other Region,
   * which is empty, as a Region without SMS resources is.
   */
  private static EmulatorData archive(SmsEmulator.Builder builder, Path path, String region, PrintStream err) {
    Archive archive = Archive.read(path, region == null ? List.of() : List.of(region));
    archive.warnings().forEach(w -> err.println("warning: " + w));
    for (RegionHistory history : archive.regions()) {
      builder.data(history.region(), EmulatorData.of(history));
    }
    return EmulatorData.of(new RegionHistory("", List.of(), Map.of(), List.of(), List.of(), List.of(), null, null));
  }

  private static String value(String[] args, int i, String option) throws UsageException {
    if (i >= args.length) {
      throw new UsageException(option + " needs a value");
    }
    return args[i];
  }

  private static long number(String[] args, int i, String option, long min) throws UsageException {
    return number(args, i, option, min, Integer.MAX_VALUE);
  }

  private static long number(String[] args, int i, String option, long min, long max)
      throws UsageException {
    String text = value(args, i, option);
    long n;
    try {
      n = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new UsageException(option + " needs a number, not '" + text + "'");
    }
    if (n < min || n > max) {
      throw new UsageException(option + " must be between " + min + " and " + max + ": " + n);
    }
    return n;
  }

  private static InetAddress address(String text) throws UsageException {
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new UsageException("--bind: unknown address " + text);
    }
  }
}
