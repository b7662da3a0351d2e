package dev.smsjdbc.bench;

import dev.smsjdbc.emulator.SmsEmulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Baseline (c): all runs of all jobs the way people get them without the driver: the AWS CLI lists the jobs,
 * then asks for the runs of each job, one process per call, and jq joins each run with its job.
 */
final class CliBaseline {
  static final Path AWS = Path.of("/usr/bin/aws");

  /** The script, as a user would write it. */
  static final String SCRIPT = String.join("\n",
      "#!/usr/bin/env bash",
      "# All runs of all replication jobs, each with its job's VM name and state: AWS CLI + jq.",
      "set -euo pipefail",
      "endpoint=\"$1\" work=\"$2\"",
      "sms() { /usr/bin/aws sms \"$@\" --endpoint-url \"$endpoint\" --region us-east-1 --output json; }",
      "sms get-replication-jobs > \"$work/jobs.json\"",
      "jq -r '.replicationJobList[].replicationJobId' \"$work/jobs.json\" | while read -r id; do",
      "  sms get-replication-runs --replication-job-id \"$id\" \\",
      "    | jq -c --arg id \"$id\" '.replicationRunList[] | {replicationJobId: $id} + .'",
      "done > \"$work/runs.jsonl\"",
      "jq -s --slurpfile jobs \"$work/jobs.json\" '",
      "  ($jobs[0].replicationJobList | INDEX(.replicationJobId)) as $j",
      "  | map(. + {vmName: $j[.replicationJobId].vmServer.vmName, jobState: $j[.replicationJobId].state})",
      "' \"$work/runs.jsonl\" > \"$work/all-runs.json\"",
      "jq length \"$work/all-runs.json\"",
      "");

  /** Wall time and the rows the script printed. */
  record Result(double wallMs, long rows) {}

  private CliBaseline() {}

  static boolean available() {
    return Files.isExecutable(AWS) && Files.isExecutable(Path.of("/usr/bin/jq"));
  }

  static Result run(String endpoint, Path work) throws IOException, InterruptedException {
    Files.createDirectories(work);
    Path script = work.resolve("all-runs-cli.sh");
    Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
    Path empty = work.resolve("empty-aws-config");
    Files.writeString(empty, "");
    Path stdout = work.resolve("stdout.txt");
    ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), endpoint, work.toString())
        .redirectOutput(stdout.toFile())
        .redirectError(work.resolve("stderr.txt").toFile())
        .redirectInput(ProcessBuilder.Redirect.from(empty.toFile()));
    // Nothing of this machine's AWS setup may leak in: a clean environment, empty config files.
    Map<String, String> env = pb.environment();
    env.clear();
    env.putAll(Map.of("PATH", "/usr/bin:/bin", "HOME", work.toString(), "LC_ALL", "C.UTF-8",
        "AWS_ACCESS_KEY_ID", SmsEmulator.DEMO_ACCESS_KEY_ID,
        "AWS_SECRET_ACCESS_KEY", SmsEmulator.DEMO_SECRET_ACCESS_KEY,
        "AWS_CONFIG_FILE", empty.toString(), "AWS_SHARED_CREDENTIALS_FILE", empty.toString(),
        "AWS_EC2_METADATA_DISABLED", "true", "AWS_PAGER", ""));
    long t0 = System.nanoTime();
    Process p = pb.start();
    if (!p.waitFor(15, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException("the CLI baseline did not finish in 15 minutes");
    }
    double wall = (System.nanoTime() - t0) / 1e6;
    if (p.exitValue() != 0) {
      throw new IOException("the CLI baseline failed (exit " + p.exitValue() + "), see " + work.resolve("stderr.txt"));
    }
    List<String> lines = Files.readAllLines(stdout);
    return new Result(wall, Long.parseLong(lines.get(lines.size() - 1).trim()));
  }
}
