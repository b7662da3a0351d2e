package dev.smsjdbc.jdbc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.runtime.Hook;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data set of the join tests and what they compare with: 45 jobs in 5 pages, 25 runs per job in 3 pages
 * (the emulator returns at most 10 items per page), 60 servers in 6 pages, the first 45 of them the jobs'.
 */
final class JoinTestData {
  static final int PAGE_CAP = 10;
  /** The connection key that asks for pages of the emulator's size. */
  static final String PAGE_SIZE = "pageSize=" + PAGE_CAP;
  static final int JOB_PAGES = 5;
  static final int SERVER_PAGES = 6;

  private JoinTestData() {}

  static SmsTestDatabase start() {
    return new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(5).jobs(45).runsPerJob(25).servers(60)
        .connectors(3)), PAGE_CAP);
  }

  /** The ids of the jobs in {@code state}. */
  static List<String> jobsIn(SmsTestDatabase db, String state) {
    return db.emulator.data().replicationJobs().stream().filter(j -> j.get("state").asText().equals(state))
        .map(j -> j.get("replicationJobId").asText()).toList();
  }

  static List<String> allJobs(SmsTestDatabase db) {
    return db.emulator.data().replicationJobs().stream().map(j -> j.get("replicationJobId").asText()).toList();
  }

  /** The GetReplicationRuns calls that read the runs of these jobs: one per page, one for a job without runs. */
  static int runPages(SmsTestDatabase db, Collection<String> jobIds) {
    return new LinkedHashSet<>(jobIds).stream()
        .mapToInt(id -> Math.max(1, (db.emulator.data().replicationRuns(id).size() + PAGE_CAP - 1) / PAGE_CAP))
        .sum();
  }

  /** Servers of the catalog that have a replication job, and their jobs' ids, in catalog order. */
  static List<ObjectNode> serversWithJobs(SmsTestDatabase db) {
    return db.emulator.data().servers().stream().filter(s -> s.hasNonNull("replicationJobId")).toList();
  }

  /** The rows of {@code sql} with the key-binding join switched off: what the query answered before it. */
  static List<List<Object>> withoutKeyBinding(Connection c, String sql, Object... params) throws SQLException {
    Consumer<RelOptPlanner> noKeyBinding =
        p -> p.setRuleDescExclusionFilter(Pattern.compile("SmsKeyBindingJoinRule"));
    try (Hook.Closeable ignored = Hook.PLANNER.addThread(noKeyBinding)) {
      if (params.length == 0) {
        String plan = explain(c, sql);
        assertFalse(plan.contains("KeyBindingJoin"), () -> "key binding is still on: " + plan);
      }
      return sorted(SmsTestDatabase.rows(c, sql, params));
    }
  }

  static List<List<Object>> sorted(List<List<Object>> rows) {
    return rows.stream().sorted(Comparator.comparing(Objects::toString)).toList();
  }

  static String explain(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + sql)) {
      assertTrue(rs.next());
      return rs.getString(1);
    }
  }
}
