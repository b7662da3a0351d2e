package dev.smsjdbc.jdbc;

import dev.smsjdbc.emulator.EmulatorData;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

class SmokeTest {
  @Test void smoke() throws Exception {
    try (SmsTestDatabase db = new SmsTestDatabase(EmulatorData.generate(7, 120, 30, 10, 3, 2))) {
      String id = db.emulator.data().replicationJobs().get(5).get("replicationJobId").asText();
      System.out.println(db.query("select count(*) from replication_jobs")); db.assertCalls(3, 0);
      System.out.println(db.query("select replication_job_id, state, seed_replication_time from replication_jobs where replication_job_id = '" + id + "'"));
      db.assertCalls(1, 0);
      System.out.println(db.query("select count(*) from replication_runs where replication_job_id = ?", id));
      db.assertCalls(0, 1);
      System.out.println(db.query("select * from replication_jobs limit 3"));
      System.out.println(db.emulator.requestLog());
      try (Connection c = db.connect(); Statement s = c.createStatement()) {
        for (String q : new String[] {
            "explain plan for select * from replication_jobs where replication_job_id in ('a','b') and state = 'x'",
            "explain plan for select * from replication_jobs limit 5",
            "explain plan for select * from replication_runs r join replication_jobs j on r.replication_job_id = j.replication_job_id where j.replication_job_id = 'x'"}) {
          try (ResultSet rs = s.executeQuery(q)) { rs.next(); System.out.println(rs.getString(1)); }
        }
      }
      db.emulator.resetCounters();
      System.out.println(db.query("select count(*) from replication_runs"));
      db.assertCalls(3, 120);
    }
  }
}
