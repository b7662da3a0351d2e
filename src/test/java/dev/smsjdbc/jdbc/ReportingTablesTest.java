package dev.smsjdbc.jdbc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The servers, connectors and apps tables: every row and the flattened values, paged like the others. */
class ReportingTablesTest {
  private static SmsTestDatabase db;

  @BeforeAll static void start() {
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(31).jobs(20).runsPerJob(2)
        .servers(45).connectors(4).apps(7)), 20);
  }

  @AfterAll static void stop() {
    db.close();
  }

  @Test void serversListEveryServerWithItsVmFlattened() throws Exception {
    List<ObjectNode> servers = db.emulator.data().servers();
    List<List<Object>> rows = db.query("SELECT server_id, vm_manager_id, vm_name, replication_job_id, "
        + "replication_job_terminated, region FROM servers");
    assertEquals(servers.size(), rows.size());
    db.assertCalls(0, 0);
    assertEquals(3, db.emulator.requestCount("GetServers"), "45 servers in pages of 20");
    ObjectNode first = servers.get(0);
    List<Object> row = rows.get(0);
    assertEquals(first.get("serverId").asText(), row.get(0));
    assertEquals(text(first, "/vmServer/vmServerAddress/vmManagerId"), row.get(1));
    assertEquals(text(first, "/vmServer/vmName"), row.get(2));
    assertEquals(text(first, "/replicationJobId"), row.get(3));
    assertEquals("us-east-1", row.get(5));
  }

  @Test void connectorsListCapabilitiesAsOneCommaSeparatedValue() throws Exception {
    List<ObjectNode> connectors = db.emulator.data().connectors();
    try (Connection c = db.connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT connector_id, capability_list, associated_on, ip_address FROM connectors")) {
      int n = 0;
      while (rs.next()) {
        ObjectNode connector = connectors.get(n++);
        assertEquals(connector.get("connectorId").asText(), rs.getString(1));
        String capabilities = connector.has("capabilityList") ? String.join(",", StreamSupport.stream(
            connector.get("capabilityList").spliterator(), false).map(j -> j.asText()).toList()) : null;
        assertEquals(capabilities, rs.getString(2));
        Timestamp associated = rs.getTimestamp(3);
        if (connector.has("associatedOn")) {
          assertEquals(Instant.ofEpochMilli(connector.get("associatedOn").decimalValue().movePointRight(3).longValue()),
              associated.toInstant());
        }
        assertEquals(text(connector, "/ipAddress"), rs.getString(4));
      }
      assertEquals(connectors.size(), n);
    }
  }

  @Test void appsFlattenTheirCountsStatusesAndLaunchDetails() throws Exception {
    List<ObjectNode> apps = db.emulator.data().apps();
    List<List<Object>> rows = db.query("SELECT app_id, name, status, replication_status, total_servers, "
        + "total_server_groups, stack_name FROM apps");
    assertEquals(apps.size(), rows.size());
    for (int i = 0; i < apps.size(); i++) {
      ObjectNode app = apps.get(i);
      assertEquals(app.get("appId").asText(), rows.get(i).get(0));
      assertEquals(text(app, "/name"), rows.get(i).get(1));
      assertEquals(text(app, "/status"), rows.get(i).get(2));
      assertEquals(app.has("totalServers") ? app.get("totalServers").asInt() : null, rows.get(i).get(4));
      assertEquals(text(app, "/launchDetails/stackName"), rows.get(i).get(6));
    }
  }

  @Test void jobsJoinTheirServers() throws Exception {
    long expected = db.emulator.data().replicationJobs().stream()
        .filter(j -> db.emulator.data().servers().stream()
            .anyMatch(s -> s.get("serverId").asText().equals(j.get("serverId").asText())))
        .count();
    assertTrue(expected > 0, "the generator gives jobs servers from the catalog");
    List<List<Object>> rows = db.query("SELECT count(*) FROM replication_jobs j JOIN servers s "
        + "ON j.server_id = s.server_id");
    assertEquals(List.of(List.of(expected)), rows);
  }

  @Test void limitOnServersAsksForOnlyTheRowsWanted() throws Exception {
    assertEquals(5, db.query("SELECT * FROM servers LIMIT 5").size());
    assertEquals(1, db.emulator.requestCount("GetServers"));
    assertEquals(5, db.emulator.requestLog().get(0).parameters().get("maxResults").asInt());
  }

  private static Object text(ObjectNode node, String pointer) {
    return node.at(pointer).isMissingNode() ? null : node.at(pointer).asText();
  }
}
