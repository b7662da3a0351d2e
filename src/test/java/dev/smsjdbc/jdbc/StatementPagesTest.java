package dev.smsjdbc.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import static dev.smsjdbc.jdbc.JoinTestData.JOB_PAGES;
import static dev.smsjdbc.jdbc.JoinTestData.allJobs;
import static dev.smsjdbc.jdbc.JoinTestData.runPages;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Within one execution of a statement, an identical API call is made once and its answer shared, with the
 * {@code cacheTtl} cache off (its default); the next execution asks again. {@code sms_meta.api_calls} lists
 * the calls made.
 */
class StatementPagesTest {
  private static SmsTestDatabase db;

  @BeforeAll static void start() {
    db = JoinTestData.start();
  }

  @AfterAll static void stop() {
    db.close();
  }

  @Test void bothSidesOfAHashJoinShareOneJobsListing() throws Exception {
    try (Connection c = db.connect(JoinTestData.PAGE_SIZE)) {
      db.emulator.resetCounters();
      // Without key binding: the jobs side and the runs scan both list the jobs.
      JoinTestData.withoutKeyBinding(c, "SELECT j.vm_name, r.replication_run_id FROM replication_jobs j "
          + "JOIN replication_runs r ON r.replication_job_id = j.replication_job_id");
      db.assertCalls(JOB_PAGES, runPages(db, allJobs(db)));
    }
  }

  @Test void aSelfJoinListsTheJobsOnce() throws Exception {
    List<List<Object>> rows = db.query("SELECT count(*) FROM replication_jobs a JOIN replication_jobs b "
        + "ON a.vm_manager_id = b.vm_manager_id");
    assertEquals(1, rows.size());
    db.assertCalls(JOB_PAGES, 0);
  }

  @Test void aJobLookedUpTwiceIsOneCall() throws Exception {
    String id = allJobs(db).get(4);
    List<List<Object>> rows = db.query("SELECT state FROM replication_jobs WHERE replication_job_id = ? "
        + "UNION ALL SELECT state FROM replication_jobs WHERE replication_job_id = ?", id, id);
    assertEquals(2, rows.size());
    db.assertCalls(1, 0);
  }

  @Test void theNextExecutionAsksAgain() throws Exception {
    try (Connection c = db.connect();
         PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM replication_jobs a JOIN replication_jobs b "
             + "ON a.vm_manager_id = b.vm_manager_id")) {
      db.emulator.resetCounters();
      for (int i = 0; i < 2; i++) {
        try (ResultSet rs = ps.executeQuery()) {
          SmsTestDatabase.rows(rs);
        }
      }
    }
    db.assertCalls(2 * JOB_PAGES, 0);
  }

  @Test void apiCallsListsTheCallsMadeNotTheAnswersShared() throws Exception {
    try (Connection c = db.connect(JoinTestData.PAGE_SIZE)) {
      db.emulator.resetCounters();
      SmsTestDatabase.rows(c, "SELECT count(*) FROM replication_jobs a JOIN replication_jobs b "
          + "ON a.vm_manager_id = b.vm_manager_id");
      assertEquals(List.of(List.of("GetReplicationJobs", (long) JOB_PAGES)), SmsTestDatabase.rows(c,
          "SELECT operation, count(*) FROM sms_meta.api_calls "
              + "WHERE statement_id = (SELECT max(statement_id) FROM sms_meta.api_calls) GROUP BY operation"));
    }
  }
}
