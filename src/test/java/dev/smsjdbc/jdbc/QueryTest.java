package dev.smsjdbc.jdbc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Any other SQL is answered by Calcite, correctly: joins, aggregates, ordering, errors while reading rows. */
class QueryTest {
  private static SmsTestDatabase db;

  @BeforeAll static void start() {
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(21).jobs(75).runsPerJob(9)
        .servers(5).connectors(2).apps(1)), 20);
  }

  @AfterAll static void stop() {
    db.close();
  }

  @Test void aggregatesMatchTheData() throws Exception {
    Map<String, Long> expected = new TreeMap<>(db.emulator.data().replicationJobs().stream()
        .collect(Collectors.groupingBy(j -> j.get("state").asText(), Collectors.counting())));
    List<List<Object>> rows = db.query("SELECT state, count(*) FROM replication_jobs GROUP BY state ORDER BY state");
    assertEquals(expected.entrySet().stream().map(e -> List.<Object>of(e.getKey(), e.getValue())).toList(), rows);
  }

  @Test void joinOfRunsAndJobsMatchesTheData() throws Exception {
    long expected = db.emulator.data().replicationJobs().stream()
        .filter(j -> j.has("vmServer") && "VSPHERE".equals(j.at("/vmServer/vmManagerType").asText()))
        .mapToLong(j -> db.emulator.data().replicationRuns(j.get("replicationJobId").asText()).size()).sum();
    List<List<Object>> rows = db.query("SELECT count(*) FROM replication_runs r JOIN replication_jobs j "
        + "ON r.replication_job_id = j.replication_job_id WHERE j.vm_manager_type = 'VSPHERE'");
    assertEquals(List.of(List.of(expected)), rows);
  }

  @Test void paginationAcrossManyPagesReturnsEveryRowOnce() throws Exception {
    List<List<Object>> rows = db.query("SELECT replication_run_id FROM replication_runs");
    assertEquals(75 * 9, rows.size());
    assertEquals(rows.size(), rows.stream().distinct().count());
    // 75 jobs in pages of 20, then the 9 runs of each job in one page each.
    db.assertCalls(4, 75);
  }

  @Test void orderByAndLimitAreCorrect() throws Exception {
    List<String> expected = db.emulator.data().replicationJobs().stream()
        .map(j -> j.get("replicationJobId").asText()).sorted().limit(5).toList();
    List<List<Object>> rows = db.query("SELECT replication_job_id FROM replication_jobs ORDER BY 1 LIMIT 5");
    assertEquals(expected, rows.stream().map(r -> r.get(0)).toList());
  }

  @Test void latestRunPerJobThroughAWindowOfSql() throws Exception {
    ObjectNode job = db.emulator.data().replicationJobs().get(3);
    String id = job.get("replicationJobId").asText();
    List<ObjectNode> runs = db.emulator.data().replicationRuns(id);
    String latest = runs.stream().max((a, b) -> Double.compare(a.get("scheduledStartTime").asDouble(),
        b.get("scheduledStartTime").asDouble())).orElseThrow().get("replicationRunId").asText();
    List<List<Object>> rows = db.query("SELECT replication_run_id FROM replication_runs WHERE replication_job_id = ? "
        + "ORDER BY scheduled_start_time DESC LIMIT 1", id);
    assertEquals(List.of(List.of(latest)), rows);
  }

  @Test void failureOnTheFirstPageIsAnSqlException() throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      db.emulator.faults().failAfter(0, 503);
      SQLException e = assertThrows(SQLException.class, () -> {
        try (ResultSet rs = s.executeQuery("SELECT * FROM replication_runs")) {
          while (rs.next()) {
            // drain
          }
        }
      });
      assertTrue(e.getMessage().contains("GetReplicationJobs"), e.getMessage());
    } finally {
      db.emulator.faults().clear();
    }
  }
}
