package dev.smsjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.services.sms.SmsClient;
import software.amazon.awssdk.services.sms.model.AppSummary;
import software.amazon.awssdk.services.sms.model.Connector;
import software.amazon.awssdk.services.sms.model.GetReplicationRunsResponse;
import software.amazon.awssdk.services.sms.model.GetServersResponse;
import software.amazon.awssdk.services.sms.model.ReplicationJob;
import software.amazon.awssdk.services.sms.model.ReplicationJobState;
import software.amazon.awssdk.services.sms.model.ReplicationRun;
import software.amazon.awssdk.services.sms.model.ReplicationRunState;
import software.amazon.awssdk.services.sms.model.Server;
import software.amazon.awssdk.services.sms.model.VmManagerType;
import software.amazon.awssdk.services.sms.model.VmServerAddress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation through the real {@link SmsClient}, and every field of every resource arrives
 * as the data holds it.
 */
class SdkRoundTripTest {
  private static SmsEmulator emulator;
  private static SmsClient client;
  private static EmulatorData data;

  @BeforeAll
  static void start() {
    emulator = SmsEmulator.startDemo();
    client = TestClients.client(emulator);
    data = emulator.data();
  }

  @AfterAll
  static void stop() {
    client.close();
    emulator.close();
  }

  private static void assertSameWire(JsonNode expected, Object sdkObject) {
    JsonNode actual = TestClients.toWire(sdkObject);
    assertTrue(TestClients.sameJson(expected, actual),
        () -> "expected " + expected + "\n but got " + actual);
  }

  /** The job as the API shows it: the data's job with its three most recent runs embedded. */
  private static ObjectNode jobAsServed(ObjectNode job) {
    ObjectNode copy = job.deepCopy();
    List<ObjectNode> runs = data.replicationRuns(job.get("replicationJobId").asText());
    copy.putArray("replicationRunList").addAll(runs.subList(0, Math.min(3, runs.size())));
    return copy;
  }

  @Test
  void getReplicationJobsReturnsEveryJobWithEveryField() {
    List<ReplicationJob> jobs = client.getReplicationJobs(r -> { }).replicationJobList();
    List<ObjectNode> expected = data.replicationJobs();
    assertEquals(expected.size(), jobs.size());
    for (int i = 0; i < jobs.size(); i++) {
      assertSameWire(jobAsServed(expected.get(i)), jobs.get(i));
    }
  }

  @Test
  void getReplicationJobsByIdReturnsThatJob() {
    ObjectNode expected = data.replicationJobs().get(4);
    String id = expected.get("replicationJobId").asText();
    List<ReplicationJob> jobs =
        client.getReplicationJobs(r -> r.replicationJobId(id)).replicationJobList();
    assertEquals(1, jobs.size());
    assertSameWire(jobAsServed(expected), jobs.get(0));
  }

  @Test
  void getReplicationRunsReturnsTheJobAndAllItsRunsWithEveryField() {
    for (ObjectNode job : data.replicationJobs()) {
      String id = job.get("replicationJobId").asText();
      GetReplicationRunsResponse response =
          client.getReplicationRuns(r -> r.replicationJobId(id).maxResults(50));
      assertSameWire(jobAsServed(job), response.replicationJob());
      List<ObjectNode> runs = data.replicationRuns(id);
      assertEquals(runs.size(), response.replicationRunList().size(), id);
      for (int i = 0; i < runs.size(); i++) {
        assertSameWire(runs.get(i), response.replicationRunList().get(i));
      }
      assertNull(response.nextToken());
    }
  }

  @Test
  void getServersReturnsTheCatalogWithEveryField() {
    GetServersResponse response = client.getServers(r -> { });
    assertEquals("AVAILABLE", response.serverCatalogStatusAsString());
    assertEquals(data.serverCatalogLastModifiedOn(), response.lastModifiedOn());
    List<ObjectNode> expected = data.servers();
    assertEquals(expected.size(), response.serverList().size());
    for (int i = 0; i < expected.size(); i++) {
      assertSameWire(expected.get(i), response.serverList().get(i));
    }
  }

  @Test
  void getServersFiltersByVmServerAddress() {
    ObjectNode wanted = data.servers().get(3);
    JsonNode address = wanted.get("vmServer").get("vmServerAddress");
    List<Server> servers = client.getServers(r -> r.vmServerAddressList(VmServerAddress.builder()
        .vmManagerId(address.get("vmManagerId").asText())
        .vmId(address.get("vmId").asText()).build())).serverList();
    assertEquals(1, servers.size());
    assertEquals(wanted.get("serverId").asText(), servers.get(0).serverId());
  }

  @Test
  void getConnectorsReturnsEveryConnectorWithEveryField() {
    List<Connector> connectors = client.getConnectors(r -> { }).connectorList();
    List<ObjectNode> expected = data.connectors();
    assertEquals(expected.size(), connectors.size());
    for (int i = 0; i < expected.size(); i++) {
      assertSameWire(expected.get(i), connectors.get(i));
    }
  }

  @Test
  void listAppsReturnsEveryAppWithEveryField() {
    List<AppSummary> apps = client.listApps(r -> { }).apps();
    List<ObjectNode> expected = data.apps();
    assertEquals(expected.size(), apps.size());
    for (int i = 0; i < expected.size(); i++) {
      assertSameWire(expected.get(i), apps.get(i));
    }
  }

  @Test
  void listAppsFiltersByAppIds() {
    String first = data.apps().get(0).get("appId").asText();
    String last = data.apps().get(2).get("appId").asText();
    List<String> ids = new ArrayList<>();
    client.listApps(r -> r.appIds(last, "app-00000000000000000", first)).apps()
        .forEach(a -> ids.add(a.appId()));
    assertEquals(List.of(first, last), ids); // data order; unknown ids match nothing
  }

  @Test
  void nestedStructuresArriveAsTypedObjects() {
    ObjectNode expected = data.replicationJobs().get(0);
    ReplicationJob job = client.getReplicationJobs(
            r -> r.replicationJobId(expected.get("replicationJobId").asText()))
        .replicationJobList().get(0);
    JsonNode vmServer = expected.get("vmServer");
    assertEquals(vmServer.get("vmServerAddress").get("vmId").asText(),
        job.vmServer().vmServerAddress().vmId());
    assertEquals(vmServer.get("vmServerAddress").get("vmManagerId").asText(),
        job.vmServer().vmServerAddress().vmManagerId());
    assertEquals(VmManagerType.VSPHERE, job.vmServer().vmManagerType());
    assertEquals(vmServer.get("vmPath").asText(), job.vmServer().vmPath());
    ReplicationRun run = job.replicationRunList().get(0);
    assertEquals("Creating AMI", run.stageDetails().stage());
    assertEquals("100%", run.stageDetails().stageProgress());
    assertEquals(ReplicationRunState.COMPLETED, run.state());
  }

  @Test
  void timestampsKeepTheirMillisecondFractions() {
    ObjectNode run = firstRunWith(r -> r.get("scheduledStartTime").isBigDecimal());
    BigDecimal seconds = run.get("scheduledStartTime").decimalValue();
    assertTrue(seconds.scale() > 0, "a fractional timestamp in the data: " + seconds);
    ReplicationRun fetched = fetchRun(run);
    assertEquals(Instant.ofEpochMilli(seconds.movePointRight(3).longValueExact()),
        fetched.scheduledStartTime());
    assertEquals(0, WireJson.epochSeconds(fetched.scheduledStartTime()).decimalValue()
        .compareTo(seconds));
  }

  @Test
  void booleansAndIntegersKeepTheirValues() {
    for (ReplicationJob job : client.getReplicationJobs(r -> { }).replicationJobList()) {
      ObjectNode expected = data.replicationJob(job.replicationJobId()).orElseThrow();
      assertEquals(expected.get("encrypted").booleanValue(), job.encrypted());
      assertEquals(expected.has("runOnce") ? expected.get("runOnce").booleanValue() : null,
          job.runOnce());
      assertEquals(expected.has("frequency") ? expected.get("frequency").intValue() : null,
          job.frequency());
      assertEquals(expected.has("numberOfRecentAmisToKeep")
          ? expected.get("numberOfRecentAmisToKeep").intValue() : null,
          job.numberOfRecentAmisToKeep());
    }
  }

  @Test
  void absentOptionalMembersArriveAsNull() {
    ObjectNode pending = data.replicationJobs().stream()
        .filter(j -> j.get("state").asText().equals("PENDING")).findFirst().orElseThrow();
    assertFalse(pending.has("latestAmiId"));
    assertFalse(pending.has("kmsKeyId"));
    ReplicationJob job = client.getReplicationJobs(
        r -> r.replicationJobId(pending.get("replicationJobId").asText()))
        .replicationJobList().get(0);
    assertEquals(ReplicationJobState.PENDING, job.state());
    assertNull(job.latestAmiId());
    assertNull(job.kmsKeyId());
    assertNull(job.statusMessage());
    assertNull(job.description());
    ReplicationRun run = job.replicationRunList().get(0);
    assertNull(run.completedTime());
    assertNull(run.stageDetails());
    assertNull(run.amiId());
    assertNotNull(run.scheduledStartTime());
  }

  @Test
  void unicodeAndQuotesInDescriptionsArriveByteExact() {
    int checked = 0;
    for (ReplicationJob job : client.getReplicationJobs(r -> { }).replicationJobList()) {
      String expected = data.replicationJob(job.replicationJobId()).orElseThrow()
          .path("description").asText(null);
      assertEquals(expected, job.description());
      if (expected != null && (!StandardCharsets.US_ASCII.newEncoder().canEncode(expected)
          || expected.contains("\"") || expected.contains("'"))) {
        checked++;
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8),
            job.description().getBytes(StandardCharsets.UTF_8));
      }
    }
    assertTrue(checked >= 5, "descriptions with unicode or quotes: " + checked);
    String tokyo = client.getReplicationJobs(r -> { }).replicationJobList().stream()
        .map(ReplicationJob::description).filter(d -> d != null && d.contains("東京"))
        .findFirst().orElseThrow();
    assertEquals("東京データセンターのファイルサーバー", tokyo);
  }

  private static ObjectNode firstRunWith(java.util.function.Predicate<ObjectNode> p) {
    for (ObjectNode job : data.replicationJobs()) {
      for (ObjectNode run : data.replicationRuns(job.get("replicationJobId").asText())) {
        if (p.test(run)) {
          return run;
        }
      }
    }
    throw new AssertionError("no such run");
  }

  private static ReplicationRun fetchRun(ObjectNode run) {
    String runId = run.get("replicationRunId").asText();
    for (ObjectNode job : data.replicationJobs()) {
      String jobId = job.get("replicationJobId").asText();
      for (ReplicationRun r : client.getReplicationRunsPaginator(x -> x.replicationJobId(jobId))
          .replicationRunList()) {
        if (r.replicationRunId().equals(runId)) {
          return r;
        }
      }
    }
    throw new AssertionError("run not served: " + runId);
  }
}
