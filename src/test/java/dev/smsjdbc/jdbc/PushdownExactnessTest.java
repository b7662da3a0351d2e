package dev.smsjdbc.jdbc;

import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.runtime.Hook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A predicate is pushed into an API call only when the call returns exactly its rows: every query here
 * gives the same rows with the driver's pushdown rules as without them. {@code {id}} stands for a real job id.
 */
class PushdownExactnessTest {
  private static SmsTestDatabase db;
  private static String id;

  @BeforeAll static void start() throws SQLException {
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(29).jobs(12).runsPerJob(3).servers(4)
        .connectors(2).apps(1)));
    id = (String) db.query("SELECT replication_job_id FROM replication_jobs ORDER BY 1 LIMIT 1").get(0).get(0);
  }

  @AfterAll static void stop() {
    db.close();
  }

  @ParameterizedTest @ValueSource(strings = {
      "SELECT replication_job_id FROM replication_jobs WHERE cast(replication_job_id AS varchar(7)) = 'sms-job'",
      "SELECT replication_job_id FROM replication_jobs WHERE 'sms-job' = cast(replication_job_id AS varchar(7))",
      "SELECT replication_job_id FROM replication_jobs"
          + " WHERE cast(replication_job_id AS varchar(7)) IN ('sms-job', 'abcdefg')",
      "SELECT replication_run_id FROM replication_runs WHERE cast(replication_job_id AS varchar(7)) = 'sms-job'",
      "SELECT replication_job_id FROM replication_jobs WHERE cast(replication_job_id AS char(40)) = '{id}'",
      "SELECT replication_job_id FROM replication_jobs"
          + " WHERE cast(replication_job_id AS char(40)) = cast('{id}' AS char(40))",
      "SELECT replication_job_id FROM replication_jobs WHERE cast(replication_job_id AS varchar(200)) = '{id}'",
      "SELECT replication_job_id FROM replication_jobs WHERE replication_job_id = '{id}'",
      "SELECT r.replication_run_id FROM replication_runs r JOIN replication_jobs j"
          + " ON r.replication_job_id = j.replication_job_id WHERE cast(j.replication_job_id AS varchar(7)) = 'sms-job'"})
  void pushdownGivesTheRowsOfThePredicate(String template) throws SQLException {
    String sql = template.replace("{id}", id);
    List<String> withPushdown = sorted(db.query(sql));
    List<String> without;
    try (Hook.Closeable ignored = Hook.PLANNER.addThread((RelOptPlanner p) -> p.setRuleDescExclusionFilter(
        Pattern.compile("SmsFilterKeysRule|SmsLimitRule|JoinPushTransitivePredicatesRule")))) {
      without = sorted(db.query(sql));
    }
    assertTrue(!without.isEmpty(), "the reference finds rows: " + sql);
    assertEquals(without, withPushdown, sql);
  }

  private static List<String> sorted(List<List<Object>> rows) {
    return rows.stream().map(String::valueOf).sorted(Comparator.naturalOrder()).toList();
  }
}
