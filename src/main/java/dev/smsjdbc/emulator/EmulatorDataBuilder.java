package dev.smsjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.smsjdbc.archive.ModelJson;

import software.amazon.awssdk.services.sms.model.AppSummary;
import software.amazon.awssdk.services.sms.model.Connector;
import software.amazon.awssdk.services.sms.model.ReplicationJob;
import software.amazon.awssdk.services.sms.model.ReplicationRun;
import software.amazon.awssdk.services.sms.model.Server;
import software.amazon.awssdk.services.sms.model.ServerCatalogStatus;

/**
 * Collects the resources of an {@link EmulatorData}, checking that each has its id and that no id
 * repeats: for the file reader (wire JSON) and the generators (SDK model objects).
 */
final class EmulatorDataBuilder {
  private String serverCatalogStatus = ServerCatalogStatus.AVAILABLE.toString();
  private Instant serverCatalogLastModifiedOn;
  private final ImmutableList.Builder<ObjectNode> jobs = ImmutableList.builder();
  private final ImmutableMap.Builder<String, ImmutableList<ObjectNode>> runs =
      ImmutableMap.builder();
  private final ImmutableList.Builder<ObjectNode> servers = ImmutableList.builder();
  private final ImmutableList.Builder<ObjectNode> connectors = ImmutableList.builder();
  private final ImmutableList.Builder<ObjectNode> apps = ImmutableList.builder();
  private final Set<String> ids = new HashSet<>();

  EmulatorDataBuilder serverCatalog(String status, Instant lastModifiedOn) {
    this.serverCatalogStatus = status;
    this.serverCatalogLastModifiedOn = lastModifiedOn;
    return this;
  }

  /** Adds a generated job and its runs, newest first, in their wire form ({@link ModelJson}). */
  EmulatorDataBuilder job(ReplicationJob job, List<ReplicationRun> jobRuns) {
    return job(ModelJson.wire(job), jobRuns.stream().map(ModelJson::wire).toList());
  }

  EmulatorDataBuilder server(Server server) {
    return server(ModelJson.wire(server));
  }

  EmulatorDataBuilder connector(Connector connector) {
    return connector(ModelJson.wire(connector));
  }

  EmulatorDataBuilder app(AppSummary app) {
    return app(ModelJson.wire(app));
  }

  /** Adds a job (without replicationRunList) and its runs, newest first. */
  EmulatorDataBuilder job(ObjectNode job, List<ObjectNode> jobRuns) {
    String id = id(job, "replicationJobId");
    for (ObjectNode run : jobRuns) {
      id(run, "replicationRunId");
    }
    jobs.add(job);
    runs.put(id, ImmutableList.copyOf(jobRuns));
    return this;
  }

  EmulatorDataBuilder server(ObjectNode server) {
    id(server, "serverId");
    servers.add(server);
    return this;
  }

  EmulatorDataBuilder connector(ObjectNode connector) {
    id(connector, "connectorId");
    connectors.add(connector);
    return this;
  }

  EmulatorDataBuilder app(ObjectNode app) {
    id(app, "appId");
    apps.add(app);
    return this;
  }

  private String id(ObjectNode node, String member) {
    JsonNode id = node.get(member);
    if (id == null || !id.isTextual() || id.asText().isEmpty()) {
      throw new IllegalArgumentException("missing " + member + " in " + node);
    }
    if (!ids.add(member + "/" + id.asText())) {
      throw new IllegalArgumentException("duplicate " + member + ": " + id.asText());
    }
    return id.asText();
  }

  EmulatorData build() {
    return new EmulatorData(serverCatalogStatus, serverCatalogLastModifiedOn, jobs.build(),
        runs.buildOrThrow(), servers.build(), connectors.build(), apps.build());
  }
}
