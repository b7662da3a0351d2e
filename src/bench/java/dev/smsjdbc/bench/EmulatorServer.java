package dev.smsjdbc.bench;

import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import dev.smsjdbc.emulator.SmsEmulator;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Child process of the benchmark: an emulator on generated data, in its own JVM so that its in-memory data
 * (Jackson trees) and request handling stay out of the driver's heap figures. Controlled over stdin, one
 * command a line, one answer line each: {@code latency MS}, {@code reset}, {@code counts} (answers
 * {@code COUNTS jobsCalls runsCalls allCalls}), {@code ids N} ({@code IDS id,id,...}: N job ids spread over
 * the listing); end of input or {@code quit} stops it.
 *
 * <p>Arguments: {@code seed jobs runsPerJob [pageCap]} (page cap 50 unless given).
 */
public final class EmulatorServer {
  private EmulatorServer() {}

  public static void main(String[] args) throws Exception {
    long seed = Long.parseLong(args[0]);
    int jobs = Integer.parseInt(args[1]);
    int runsPerJob = Integer.parseInt(args[2]);
    int pageCap = args.length > 3 ? Integer.parseInt(args[3]) : 50;
    EmulatorData data = EmulatorData.generate(DataSpec.seed(seed).jobs(jobs).runsPerJob(runsPerJob)
        .servers(Math.min(jobs, 150)).connectors(3).apps(5));
    List<String> jobIds = data.replicationJobs().stream().map(j -> j.get("replicationJobId").asText()).toList();
    try (SmsEmulator emulator = SmsEmulator.builder().data(data).pageCap(pageCap).start()) {
      System.out.println("READY " + emulator.endpoint());
      System.out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
        String[] words = line.trim().split(" ");
        String answer = switch (words[0]) {
          case "latency" -> {
            emulator.faults().latency(Duration.ofMillis(Long.parseLong(words[1])));
            yield "OK";
          }
          case "reset" -> {
            emulator.resetCounters();
            yield "OK";
          }
          case "counts" -> "COUNTS " + emulator.requestCount("GetReplicationJobs") + " "
              + emulator.requestCount("GetReplicationRuns") + " " + emulator.requestCount();
          case "ids" -> {
            int n = Integer.parseInt(words[1]);
            yield "IDS " + java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> jobIds.get((int) ((i + 0.5) * jobIds.size() / n)))
                .collect(Collectors.joining(","));
          }
          default -> "ERROR unknown command " + line;
        };
        System.out.println(answer);
        System.out.flush();
      }
    }
  }
}
