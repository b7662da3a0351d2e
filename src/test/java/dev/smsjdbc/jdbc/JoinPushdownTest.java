package dev.smsjdbc.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.smsjdbc.jdbc.JoinTestData.JOB_PAGES;
import static dev.smsjdbc.jdbc.JoinTestData.SERVER_PAGES;
import static dev.smsjdbc.jdbc.JoinTestData.allJobs;
import static dev.smsjdbc.jdbc.JoinTestData.jobsIn;
import static dev.smsjdbc.jdbc.JoinTestData.runPages;
import static dev.smsjdbc.jdbc.JoinTestData.serversWithJobs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A key that comes from the other side of a join reaches the API: runs are read only for the jobs the query
 * selects, jobs only for the servers it selects, each at the minimum of calls (the selective side's pages,
 * then one call per page of each bound key's results), with the same rows as without the key binding.
 * Connections ask for pages of 10, the emulator's page size here, so that the planner's estimates of a
 * listing's pages hold.
 */
class JoinPushdownTest {
  private static SmsTestDatabase db;
  private static List<String> failed;

  @BeforeAll static void start() {
    db = JoinTestData.start();
    failed = jobsIn(db, "FAILED");
    assertFalse(failed.isEmpty());
  }

  @AfterAll static void stop() {
    db.close();
  }

  @Test void filteredJobsJoinRunsReadsOnlyThoseJobsRuns() throws Exception {
    assertCalls("SELECT j.vm_name, r.replication_run_id, r.state FROM replication_jobs j "
        + "JOIN replication_runs r ON r.replication_job_id = j.replication_job_id WHERE j.state = 'FAILED'",
        JOB_PAGES, runPages(db, failed), 0);
  }

  @Test void runsFirstInFromOrderCostsTheSame() throws Exception {
    assertCalls("SELECT r.replication_run_id, j.vm_name FROM replication_runs r "
        + "JOIN replication_jobs j ON r.replication_job_id = j.replication_job_id WHERE j.state = 'FAILED'",
        JOB_PAGES, runPages(db, failed), 0);
  }

  @Test void aRegionFilterOnTheRunsKeepsTheKeysBound() throws Exception {
    assertCalls("SELECT j.vm_name, r.replication_run_id FROM replication_jobs j "
        + "JOIN replication_runs r ON r.replication_job_id = j.replication_job_id "
        + "WHERE j.state = 'FAILED' AND r.region = 'us-east-1'", JOB_PAGES, runPages(db, failed), 0);
  }

  @Test void leftJoinReadsOnlyTheLeftJobsRuns() throws Exception {
    assertCalls("SELECT j.replication_job_id, r.replication_run_id FROM replication_jobs j "
        + "LEFT JOIN replication_runs r ON r.replication_job_id = j.replication_job_id AND r.state = 'FAILED' "
        + "WHERE j.state = 'FAILED'", JOB_PAGES, runPages(db, failed), 0);
  }

  @Test void inSubqueryReadsOnlyTheSubquerysJobsRuns() throws Exception {
    assertCalls("SELECT replication_run_id, state FROM replication_runs WHERE replication_job_id IN "
        + "(SELECT replication_job_id FROM replication_jobs WHERE state = 'FAILED')",
        JOB_PAGES, runPages(db, failed), 0);
  }

  @Test void existsReadsOnlyTheMatchingJobsRuns() throws Exception {
    assertCalls("SELECT r.replication_run_id FROM replication_runs r WHERE EXISTS (SELECT 1 FROM "
        + "replication_jobs j WHERE j.replication_job_id = r.replication_job_id AND j.state = 'FAILED')",
        JOB_PAGES, runPages(db, failed), 0);
  }

  @Test void notExistsReadsOnlyTheOuterJobsRuns() throws Exception {
    assertCalls("SELECT j.replication_job_id FROM replication_jobs j WHERE j.state = 'FAILED' AND NOT EXISTS "
        + "(SELECT 1 FROM replication_runs r WHERE r.replication_job_id = j.replication_job_id "
        + "AND r.state = 'MISSED')",
        JOB_PAGES, runPages(db, failed), 0);
  }

  @Test void serversJoinJobsLooksUpTheServersJobsById() throws Exception {
    List<String> servers = serversWithJobs(db).subList(3, 6).stream().map(s -> s.get("serverId").asText()).toList();
    assertCalls("SELECT s.vm_name, j.state FROM servers s JOIN replication_jobs j "
        + "ON j.replication_job_id = s.replication_job_id WHERE s.server_id IN (" + quoted(servers) + ")",
        3, 0, SERVER_PAGES);
  }

  @Test void serversJobsRunsThreeWayReadsOnlyTheServersJobsAndTheirRuns() throws Exception {
    List<String> servers = serversWithJobs(db).subList(3, 6).stream().map(s -> s.get("serverId").asText()).toList();
    List<String> jobs = serversWithJobs(db).subList(3, 6).stream().map(s -> s.get("replicationJobId").asText())
        .toList();
    assertCalls("SELECT s.vm_name, j.state, r.replication_run_id FROM servers s "
        + "JOIN replication_jobs j ON j.replication_job_id = s.replication_job_id "
        + "JOIN replication_runs r ON r.replication_job_id = j.replication_job_id "
        + "WHERE s.server_id IN (" + quoted(servers) + ")", 3, runPages(db, jobs), SERVER_PAGES);
  }

  @Test void valuesJoinedToRunsCallsOncePerPageOfEachDistinctKeyAndNotForNull() throws Exception {
    List<String> jobs = allJobs(db).subList(10, 13);
    assertCalls("SELECT v.id, r.replication_run_id FROM (VALUES ('" + jobs.get(0) + "'), ('" + jobs.get(1)
        + "'), ('" + jobs.get(0) + "'), (CAST(NULL AS VARCHAR)), ('" + jobs.get(2) + "')) AS v(id) "
        + "JOIN replication_runs r ON r.replication_job_id = v.id", 0, runPages(db, jobs), 0);
  }

  @Test void inValuesSubqueryCallsOncePerPageOfEachDistinctKey() throws Exception {
    List<String> jobs = allJobs(db).subList(20, 22);
    assertCalls("SELECT replication_run_id FROM replication_runs WHERE replication_job_id IN "
        + "(SELECT * FROM (VALUES ('" + jobs.get(0) + "'), ('" + jobs.get(1) + "')))", 0, runPages(db, jobs), 0);
  }

  @Test void keysRepeatedInLaterBatchesAreReadOnce() throws Exception {
    // 150 rows are five batches of the join; they name 3 jobs.
    List<String> jobs = allJobs(db).subList(30, 33);
    String values = IntStream.range(0, 150).mapToObj(i -> "('" + jobs.get(i % 3) + "', " + i + ")")
        .collect(Collectors.joining(", "));
    assertCalls("SELECT v.n, r.replication_run_id FROM (VALUES " + values + ") AS v(id, n) "
        + "JOIN replication_runs r ON r.replication_job_id = v.id", 0, runPages(db, jobs), 0);
  }

  @Test void joinWithoutSelectiveSideListsTheJobsOnce() throws Exception {
    assertCalls("SELECT j.vm_name, r.replication_run_id FROM replication_jobs j "
        + "JOIN replication_runs r ON r.replication_job_id = j.replication_job_id",
        JOB_PAGES, runPages(db, allJobs(db)), 0);
  }

  @Test void manyServersJoinJobsListsTheJobsInsteadOfLookingUpEach() throws Exception {
    assertCalls("SELECT s.vm_name, j.state FROM servers s JOIN replication_jobs j "
        + "ON j.replication_job_id = s.replication_job_id", JOB_PAGES, 0, SERVER_PAGES);
  }

  @Test void aListingReadOnTheConnectionTellsThePlannerTheJobsSize() throws Exception {
    // 7 servers: 7 lookups by id are fewer than the 10 pages of the 100 jobs assumed, more than the 5 pages of
    // the 45 jobs a listing has shown.
    List<String> servers = serversWithJobs(db).subList(0, 7).stream().map(s -> s.get("serverId").asText()).toList();
    String sql = "SELECT s.vm_name, j.state FROM servers s JOIN replication_jobs j "
        + "ON j.replication_job_id = s.replication_job_id WHERE s.server_id IN (" + quoted(servers) + ")";
    try (Connection c = db.connect(JoinTestData.PAGE_SIZE)) {
      db.emulator.resetCounters();
      SmsTestDatabase.rows(c, sql);
      db.assertCalls(7, 0);
      SmsTestDatabase.rows(c, "SELECT count(*) FROM replication_jobs");
      db.emulator.resetCounters();
      assertEquals(7, SmsTestDatabase.rows(c, sql).size());
      db.assertCalls(JOB_PAGES, 0);
    }
  }

  /**
   * Runs {@code sql}, asserts the calls per operation, then compares its rows with those of the same query
   * without key binding (a listing and a hash join).
   */
  private static void assertCalls(String sql, int jobs, int runs, int servers) throws Exception {
    try (Connection c = db.connect(JoinTestData.PAGE_SIZE)) {
      db.emulator.resetCounters();
      List<List<Object>> rows = JoinTestData.sorted(SmsTestDatabase.rows(c, sql));
      db.assertCalls(jobs, runs);
      assertEquals(servers, db.emulator.requestCount("GetServers"), () -> "GetServers; " + db.emulator.requestLog());
      assertFalse(rows.isEmpty(), "a comparison of no rows proves nothing");
      assertEquals(JoinTestData.withoutKeyBinding(c, sql), rows);
    }
  }

  private static String quoted(List<String> values) {
    return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
  }
}
