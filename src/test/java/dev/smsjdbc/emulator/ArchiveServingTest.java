package dev.smsjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.smsjdbc.archive.CliArchive;
import dev.smsjdbc.archive.ModelJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sms.SmsClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code --archive PATH}: the standalone emulator serves saved history, each Region's to the requests signed
 * for it, so that the AWS CLI keeps working against it.
 */
class ArchiveServingTest {
  @TempDir Path dir;

  private static SmsEmulator start(String... args) throws CommandLine.UsageException {
    return CommandLine.start(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  @Test void theAwsCliReadsTheArchiveBackAsItSavedIt() throws Exception {
    Path archive = CliArchive.demo();
    try (SmsEmulator emulator = start("--archive", archive.toString())) {
      CliArchive.Cli cli = new CliArchive.Cli(emulator.endpoint(), SmsEmulator.DEMO_ACCESS_KEY_ID,
          SmsEmulator.DEMO_SECRET_ACCESS_KEY, "us-east-1", dir, Files.writeString(dir.resolve("config"), ""));
      Path out = dir.resolve("jobs.json");
      cli.run(out, "get-replication-jobs");
      assertEquals(WireJson.MAPPER.readTree(archive.resolve("us-east-1/get-replication-jobs.json").toFile()),
          WireJson.MAPPER.readTree(out.toFile()));
      String jobId = "sms-job-7611f6048eb629c2e";
      cli.run(out, "get-replication-runs", "--replication-job-id", jobId);
      assertEquals(WireJson.MAPPER.readTree(archive.resolve("us-east-1/runs/" + jobId + ".json").toFile()),
          WireJson.MAPPER.readTree(out.toFile()));
    }
  }

  @Test void eachRegionGetsItsOwnHistoryAndOtherRegionsNone() throws Exception {
    Files.createDirectories(dir.resolve("eu-west-1"));
    Files.writeString(dir.resolve("eu-west-1/jobs.json"), "{\"replicationJobList\": [{\"replicationJobId\": "
        + "\"sms-job-0123456789abcdef0\", \"frequency\": 12}]}");
    try (SmsEmulator emulator = start("--archive", dir.resolve("eu-west-1/jobs.json").toString(),
        "--region", "eu-west-1")) {
      JsonNode west = jobs(emulator, "eu-west-1");
      assertEquals(1, west.size());
      assertEquals("sms-job-0123456789abcdef0", west.get(0).get("replicationJobId").asText());
      assertEquals(0, jobs(emulator, "us-east-1").size());
    }
  }

  /** The jobs the SDK reads from the emulator in {@code region}, as wire JSON. */
  private static JsonNode jobs(SmsEmulator emulator, String region) {
    try (SmsClient client = SmsClient.builder().endpointOverride(emulator.endpoint()).region(Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
            SmsEmulator.DEMO_ACCESS_KEY_ID, SmsEmulator.DEMO_SECRET_ACCESS_KEY)))
        .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
      ArrayNode jobs = WireJson.MAPPER.createArrayNode();
      client.getReplicationJobs(r -> { }).replicationJobList().forEach(j -> jobs.add(ModelJson.wire(j)));
      return jobs;
    }
  }

  @Test void archiveGoesWithNoOtherDataOption() {
    assertThrows(CommandLine.UsageException.class, () -> start("--archive", dir.toString(), "--demo"));
    assertThrows(CommandLine.UsageException.class, () -> start("--region", "us-east-1"));
  }
}
