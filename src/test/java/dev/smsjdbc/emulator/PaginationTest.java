package dev.smsjdbc.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import software.amazon.awssdk.services.sms.SmsClient;
import software.amazon.awssdk.services.sms.model.GetReplicationJobsResponse;
import software.amazon.awssdk.services.sms.model.GetReplicationRunsResponse;
import software.amazon.awssdk.services.sms.model.InvalidParameterException;
import software.amazon.awssdk.services.sms.model.ReplicationJob;
import software.amazon.awssdk.services.sms.model.ReplicationRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Paging: page sizes, the page cap, the SDK paginators, embedded runs, and tamper-proof tokens. */
class PaginationTest {
  private static final EmulatorData DATA = EmulatorData.generate(DataSpec.seed(42).jobs(120).runsPerJob(7)
      .servers(130).connectors(60).apps(120));
  private static SmsEmulator emulator;
  private static SmsClient client;

  @BeforeAll
  static void start() {
    emulator = SmsEmulator.builder().data(DATA).start();
    client = TestClients.client(emulator);
  }

  @AfterAll
  static void stop() {
    client.close();
    emulator.close();
  }

  @BeforeEach
  void reset() {
    emulator.resetCounters();
  }

  private static List<String> ids(List<ObjectNode> nodes, String member) {
    return nodes.stream().map(n -> n.get(member).asText()).collect(Collectors.toList());
  }

  @Test
  void jobsPaginatorWalksAllPagesOfFiftyInThreeCalls() {
    List<String> seen = new ArrayList<>();
    int pages = 0;
    for (GetReplicationJobsResponse page
        : client.getReplicationJobsPaginator(r -> r.maxResults(50))) {
      pages++;
      page.replicationJobList().forEach(j -> seen.add(j.replicationJobId()));
    }
    assertEquals(3, pages);
    assertEquals(3, emulator.requestCount("GetReplicationJobs"));
    assertEquals(ids(DATA.replicationJobs(), "replicationJobId"), seen);
  }

  @Test
  void maxResultsAboveTheCapIsCappedAtFifty() {
    GetReplicationJobsResponse first = client.getReplicationJobs(r -> r.maxResults(500));
    assertEquals(50, first.replicationJobList().size());
    assertNotNull(first.nextToken());
    assertEquals(3, countPages(500));
  }

  @Test
  void absentMaxResultsGivesTheDocumentedDefaultWithinTheCap() {
    assertEquals(50, client.getReplicationJobs(r -> { }).replicationJobList().size());
    assertEquals(50, client.listApps(r -> { }).apps().size()); // documented 100, capped at 50
    try (SmsEmulator wide = SmsEmulator.builder().data(DATA).pageCap(500).start();
         SmsClient c = TestClients.client(wide)) {
      assertEquals(50, c.getReplicationJobs(r -> { }).replicationJobList().size());
      assertEquals(100, c.listApps(r -> { }).apps().size());
      assertEquals(120, c.getReplicationJobs(r -> r.maxResults(500)).replicationJobList().size());
    }
  }

  @Test
  void smallMaxResultsGivesSmallPages() {
    assertEquals(12, countPages(10)); // 120 jobs
  }

  @Test
  void pageCapIsConfigurable() {
    try (SmsEmulator capped = SmsEmulator.builder().data(DATA).pageCap(7).start();
         SmsClient c = TestClients.client(capped)) {
      assertEquals(7, c.getReplicationJobs(r -> r.maxResults(100)).replicationJobList().size());
      int pages = 0;
      for (GetReplicationJobsResponse ignored : c.getReplicationJobsPaginator(r -> { })) {
        pages++;
      }
      assertEquals(18, pages); // ceil(120 / 7)
    }
  }

  private int countPages(int maxResults) {
    int pages = 0;
    int jobs = 0;
    for (GetReplicationJobsResponse page
        : client.getReplicationJobsPaginator(r -> r.maxResults(maxResults))) {
      pages++;
      jobs += page.replicationJobList().size();
    }
    assertEquals(120, jobs);
    return pages;
  }

  @Test
  void lastPageHasNoNextToken() {
    String second = client.getReplicationJobs(r -> r.maxResults(50)).nextToken();
    String third = client.getReplicationJobs(r -> r.maxResults(50).nextToken(second)).nextToken();
    GetReplicationJobsResponse last =
        client.getReplicationJobs(r -> r.maxResults(50).nextToken(third));
    assertEquals(20, last.replicationJobList().size());
    assertNull(last.nextToken());
  }

  @Test
  void runsPaginatorReturnsEveryRunOfTheJobInOrder() {
    ObjectNode job = DATA.replicationJobs().get(17);
    String jobId = job.get("replicationJobId").asText();
    List<String> seen = new ArrayList<>();
    int pages = 0;
    for (GetReplicationRunsResponse page : client.getReplicationRunsPaginator(
        r -> r.replicationJobId(jobId).maxResults(3))) {
      pages++;
      assertEquals(jobId, page.replicationJob().replicationJobId());
      page.replicationRunList().forEach(run -> seen.add(run.replicationRunId()));
    }
    assertEquals(3, pages); // 7 runs in pages of 3
    assertEquals(ids(DATA.replicationRuns(jobId), "replicationRunId"), seen);
  }

  @Test
  void jobsEmbedOnlyTheirThreeMostRecentRuns() {
    for (ReplicationJob job : client.getReplicationJobsPaginator(r -> { }).replicationJobList()) {
      List<String> all = ids(DATA.replicationRuns(job.replicationJobId()), "replicationRunId");
      List<String> embedded = job.replicationRunList().stream()
          .map(ReplicationRun::replicationRunId).collect(Collectors.toList());
      assertEquals(all.subList(0, 3), embedded);
    }
  }

  @Test
  void embeddedRunCountIsConfigurable() {
    try (SmsEmulator one = SmsEmulator.builder().data(DATA).embeddedRunsPerJob(1).start();
         SmsClient c = TestClients.client(one)) {
      c.getReplicationJobs(r -> { }).replicationJobList()
          .forEach(j -> assertEquals(1, j.replicationRunList().size()));
    }
  }

  @Test
  void otherPaginatorsWalkAllPages() {
    assertEquals(130, client.getServersPaginator(r -> r.maxResults(20)).serverList()
        .stream().count());
    assertEquals(60, client.getConnectorsPaginator(r -> r.maxResults(25)).connectorList()
        .stream().count());
    // The Java SDK has no ListApps paginator (the botocore model does): follow nextToken by hand.
    int apps = 0;
    String token = null;
    do {
      String next = token;
      var page = client.listApps(r -> r.maxResults(50).nextToken(next));
      apps += page.apps().size();
      token = page.nextToken();
    } while (token != null);
    assertEquals(120, apps);
    // 7 + 3 + 3 calls
    assertEquals(7, emulator.requestCount("GetServers"));
    assertEquals(3, emulator.requestCount("GetConnectors"));
    assertEquals(3, emulator.requestCount("ListApps"));
  }

  @Test
  void forgedNextTokenIsInvalidParameter() {
    assertThrows(InvalidParameterException.class,
        () -> client.getReplicationJobs(
            r -> r.nextToken("AAAAMgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")));
    assertThrows(InvalidParameterException.class,
        () -> client.getReplicationJobs(r -> r.nextToken("not a token")));
  }

  @Test
  void alteredNextTokenIsInvalidParameter() {
    String token = client.getReplicationJobs(r -> r.maxResults(10)).nextToken();
    char[] chars = token.toCharArray();
    chars[2] = chars[2] == 'A' ? 'B' : 'A'; // another offset, same MAC
    String altered = new String(chars);
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> client.getReplicationJobs(r -> r.maxResults(10).nextToken(altered)));
    assertEquals(400, e.statusCode());
    assertEquals("InvalidParameterException", e.awsErrorDetails().errorCode());
  }

  @Test
  void tokenOfAnotherOperationIsInvalidParameter() {
    String serversToken = client.getServers(r -> r.maxResults(10)).nextToken();
    assertThrows(InvalidParameterException.class,
        () -> client.getReplicationJobs(r -> r.nextToken(serversToken)));
  }

  @Test
  void tokenOfAnotherJobIsInvalidParameter() {
    String job1 = DATA.replicationJobs().get(0).get("replicationJobId").asText();
    String job2 = DATA.replicationJobs().get(1).get("replicationJobId").asText();
    String token =
        client.getReplicationRuns(r -> r.replicationJobId(job1).maxResults(2)).nextToken();
    assertNotNull(token);
    assertThrows(InvalidParameterException.class,
        () -> client.getReplicationRuns(r -> r.replicationJobId(job2).nextToken(token)));
  }

  @Test
  void tokenOfAnotherEmulatorIsInvalidParameter() {
    String token = client.getReplicationJobs(r -> r.maxResults(10)).nextToken();
    try (SmsEmulator other = SmsEmulator.builder().data(DATA).start();
         SmsClient c = TestClients.client(other)) {
      assertThrows(InvalidParameterException.class,
          () -> c.getReplicationJobs(r -> r.maxResults(10).nextToken(token)));
    }
  }

  @Test
  void nonPositiveMaxResultsIsInvalidParameter() {
    assertThrows(InvalidParameterException.class,
        () -> client.getReplicationJobs(r -> r.maxResults(0)));
    assertThrows(InvalidParameterException.class,
        () -> client.getReplicationJobs(r -> r.maxResults(-5)));
  }

  @Test
  void unknownJobIdIsInvalidParameter() {
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> client.getReplicationRuns(r -> r.replicationJobId("sms-job-00000000000000000")));
    assertTrue(e.getMessage().contains("sms-job-00000000000000000"), e.getMessage());
    assertThrows(InvalidParameterException.class,
        () -> client.getReplicationJobs(r -> r.replicationJobId("sms-job-00000000000000000")));
  }
}
