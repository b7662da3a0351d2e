package dev.smsjdbc.jdbc;

import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import dev.smsjdbc.schema.SmsTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sms_meta.api_calls} is documented in {@code DatabaseMetaData} like every other table. */
class ApiCallsRemarksTest {
  private static SmsTestDatabase db;

  @BeforeAll static void start() {
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(5).jobs(2).runsPerJob(1).servers(1)
        .connectors(1).apps(1)));
  }

  @AfterAll static void stop() {
    db.close();
  }

  @Test void theTableHasItsRemarks() throws Exception {
    try (Connection c = db.connect(); ResultSet rs = c.getMetaData().getTables(null, "sms_meta", "api_calls", null)) {
      assertTrue(rs.next(), "sms_meta.api_calls is listed");
      assertEquals(SmsTables.API_CALLS.remarks(), rs.getString("REMARKS"));
    }
  }

  @Test void everyColumnHasItsRemarks() throws Exception {
    Map<String, String> remarks = new LinkedHashMap<>();
    try (Connection c = db.connect();
         ResultSet rs = c.getMetaData().getColumns(null, "sms_meta", "api_calls", "%")) {
      while (rs.next()) {
        remarks.put(rs.getString("COLUMN_NAME"), rs.getString("REMARKS"));
      }
    }
    Map<String, String> expected = new LinkedHashMap<>();
    SmsTables.API_CALLS.columns().forEach(column -> expected.put(column.name(), column.remarks()));
    assertEquals(expected, remarks);
  }
}
