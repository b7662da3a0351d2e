package dev.smsjdbc.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With {@code cacheTtl}, an answer of normal size is kept and a large one is not (over 1 MB: a few such
 * pages kept would fill the heap), so repeated large answers leave the heap as it was.
 */
class CacheSizeBoundTest {
  private static final String BY_ID = "SELECT count(*) FROM replication_jobs WHERE replication_job_id = ?";

  private StallingServer server;

  @BeforeEach void start() throws Exception {
    server = new StallingServer();
  }

  @AfterEach void stop() throws Exception {
    server.close();
  }

  @Test void anAnswerOfNormalSizeIsCached() throws Exception {
    server.page(20_000);
    try (Connection c = DriverManager.getConnection(server.url("cacheTtl=300"))) {
      assertEquals(1, count(c, "sms-job-1"));
      assertEquals(1, count(c, "sms-job-1"));
    }
    assertEquals(1, server.requests(), "the second query was answered from the cache");
  }

  @Test void anAnswerOverOneMegabyteIsNotCached() throws Exception {
    server.page(2 << 20);
    try (Connection c = DriverManager.getConnection(server.url("cacheTtl=300"))) {
      assertEquals(1, count(c, "sms-job-1"));
      assertEquals(1, count(c, "sms-job-1"));
    }
    assertEquals(2, server.requests(), "a 2 MB answer was kept in the cache");
  }

  @Test void manyLargeAnswersLeaveTheHeapAsItWas() throws Exception {
    server.page(2 << 20);
    try (Connection c = DriverManager.getConnection(server.url("cacheTtl=300"))) {
      count(c, "sms-job-0"); // the first query of the connection: its plan and classes
      long before = DriverResources.usedHeapAfterGc();
      for (int i = 1; i <= 20; i++) { // 40 MB of answers, each a different call
        assertEquals(1, count(c, "sms-job-" + i));
      }
      long after = DriverResources.usedHeapAfterGc();
      assertTrue(after <= before + (16 << 20), "heap before " + before + ", after " + after);
    }
    assertEquals(21, server.requests());
  }

  private static int count(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(BY_ID)) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
