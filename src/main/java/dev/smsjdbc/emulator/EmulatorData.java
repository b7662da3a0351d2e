package dev.smsjdbc.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

import dev.smsjdbc.archive.RegionHistory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The resources an emulator serves: replication jobs with all their runs, the server catalog,
 * connectors and applications.
 *
 * <p>Every resource is a Jackson {@link ObjectNode} in wire form: member names as in the SMS model,
 * timestamps as epoch-second numbers, absent members absent. Instances are immutable; accessors
 * return copies, so that a caller cannot change what an emulator serves.
 *
 * <p>The JSON file form (see {@link #toJson()}) is one object:
 * <pre>{@code
 * { "serverCatalogStatus": "AVAILABLE", "lastModifiedOn": 1719403200,
 *   "replicationJobs": [ { "replicationJobId": "sms-job-...", ...,
 *                          "replicationRunList": [ every run, newest first ] } ],
 *   "servers": [ ... ], "connectors": [ ... ], "apps": [ ... ] }
 * }</pre>
 * In the file a job's {@code replicationRunList} is its complete run history; the API embeds only
 * the most recent few runs in a job and serves the rest through GetReplicationRuns.
 */
public final class EmulatorData {
  private static final String DEMO_RESOURCE = "demo-data.json";
  private static EmulatorData demo;

  private final String serverCatalogStatus;
  private final Instant serverCatalogLastModifiedOn;
  private final ImmutableList<ObjectNode> jobs;
  private final ImmutableMap<String, ObjectNode> jobsById;
  private final ImmutableMap<String, ImmutableList<ObjectNode>> runsByJob;
  private final ImmutableList<ObjectNode> servers;
  private final ImmutableList<ObjectNode> connectors;
  private final ImmutableList<ObjectNode> apps;

  EmulatorData(String serverCatalogStatus, Instant serverCatalogLastModifiedOn,
      ImmutableList<ObjectNode> jobs, ImmutableMap<String, ImmutableList<ObjectNode>> runsByJob,
      ImmutableList<ObjectNode> servers, ImmutableList<ObjectNode> connectors,
      ImmutableList<ObjectNode> apps) {
    this.serverCatalogStatus = serverCatalogStatus;
    this.serverCatalogLastModifiedOn = serverCatalogLastModifiedOn;
    this.jobs = jobs;
    this.jobsById = jobs.stream().collect(ImmutableMap.toImmutableMap(
        j -> j.get("replicationJobId").asText(), j -> j));
    this.runsByJob = runsByJob;
    this.servers = servers;
    this.connectors = connectors;
    this.apps = apps;
  }

  /** The curated demo data set, {@code demo-data.json} next to this class; see {@link DemoData}. */
  public static synchronized EmulatorData demo() {
    if (demo == null) {
      try (InputStream in = EmulatorData.class.getResourceAsStream(DEMO_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("resource missing: " + DEMO_RESOURCE);
        }
        demo = fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return demo; // immutable, so one instance serves everyone
  }

  /**
   * A generated data set; the same spec always gives the same data. Each job has exactly
   * {@code runsPerJob} runs; the first catalog servers are those of the jobs, and jobs beyond
   * {@code servers} have servers that the catalog does not list.
   */
  public static EmulatorData generate(DataSpec spec) {
    return new DataGenerator(spec).generate();
  }

  /** The saved resources of one Region of an archive ({@code archive=}, {@code --archive}). */
  public static EmulatorData of(RegionHistory history) {
    EmulatorDataBuilder b = new EmulatorDataBuilder();
    b.serverCatalog(history.serverCatalogStatus() == null ? "AVAILABLE" : history.serverCatalogStatus(),
        history.serverCatalogLastModifiedOn());
    for (ObjectNode job : history.jobs()) {
      b.job(job, history.runsByJob().get(job.get("replicationJobId").asText()));
    }
    history.servers().forEach(b::server);
    history.connectors().forEach(b::connector);
    history.apps().forEach(b::app);
    return b.build();
  }

  /** Reads a data file written by {@link #save(Path)}. */
  public static EmulatorData load(Path p) {
    try {
      return fromJson(Files.readString(p, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the data as an indented JSON file in UTF-8. */
  public void save(Path p) {
    try {
      Files.writeString(p, toJson(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses the JSON file form.
   *
   * @throws IllegalArgumentException if it is not valid JSON, not an object, or a resource lacks
   * its
   *     id or repeats one
   */
  public static EmulatorData fromJson(String json) {
    JsonNode root;
    try {
      root = WireJson.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("emulator data must be a JSON object");
    }
    return fromJson((ObjectNode) root);
  }

  private static EmulatorData fromJson(ObjectNode root) {
    EmulatorDataBuilder b = new EmulatorDataBuilder();
    b.serverCatalog(root.path("serverCatalogStatus").asText("AVAILABLE"),
        root.hasNonNull("lastModifiedOn") ? WireJson.instant(root.get("lastModifiedOn")) : null);
    for (ObjectNode job : objects(root, "replicationJobs")) {
      ObjectNode copy = job.deepCopy();
      JsonNode runs = copy.remove("replicationRunList");
      b.job(copy, runs == null ? List.of() : objects(runs, "replicationRunList"));
    }
    objects(root, "servers").forEach(b::server);
    objects(root, "connectors").forEach(b::connector);
    objects(root, "apps").forEach(b::app);
    return b.build();
  }

  private static List<ObjectNode> objects(JsonNode parent, String name) {
    JsonNode array = parent.isArray() ? parent : parent.get(name);
    if (array == null || array.isNull()) {
      return List.of();
    }
    if (!array.isArray()) {
      throw new IllegalArgumentException(name + " must be an array");
    }
    ImmutableList.Builder<ObjectNode> list = ImmutableList.builder();
    for (JsonNode e : array) {
      if (!e.isObject()) {
        throw new IllegalArgumentException(name + " must hold objects");
      }
      list.add(((ObjectNode) e).deepCopy());
    }
    return list.build();
  }

  /** The JSON file form, indented, with each job's complete run history embedded. */
  public String toJson() {
    ObjectNode root = WireJson.object();
    root.put("serverCatalogStatus", serverCatalogStatus);
    if (serverCatalogLastModifiedOn != null) {
      root.set("lastModifiedOn", WireJson.epochSeconds(serverCatalogLastModifiedOn));
    }
    ArrayNode jobArray = root.putArray("replicationJobs");
    for (ObjectNode job : jobs) {
      ObjectNode copy = job.deepCopy();
      copy.putArray("replicationRunList")
          .addAll(runsByJob.get(job.get("replicationJobId").asText()));
      jobArray.add(copy);
    }
    root.putArray("servers").addAll(servers);
    root.putArray("connectors").addAll(connectors);
    root.putArray("apps").addAll(apps);
    return WireJson.pretty(root);
  }

  /** All replication jobs, without {@code replicationRunList}, in a stable order. */
  public List<ObjectNode> replicationJobs() {
    return copies(jobs);
  }

  /** The job with the given id, without {@code replicationRunList}. */
  public Optional<ObjectNode> replicationJob(String jobId) {
    return Optional.ofNullable(jobsById.get(jobId)).map(ObjectNode::deepCopy);
  }

  /** The complete run history of a job, newest first as the API returns it; empty if unknown. */
  public List<ObjectNode> replicationRuns(String jobId) {
    return copies(runsByJob.getOrDefault(jobId, ImmutableList.of()));
  }

  /** The servers in the server catalog. */
  public List<ObjectNode> servers() {
    return copies(servers);
  }

  /** The connectors. */
  public List<ObjectNode> connectors() {
    return copies(connectors);
  }

  /** The applications (AppSummary). */
  public List<ObjectNode> apps() {
    return copies(apps);
  }

  /** The {@code serverCatalogStatus} that GetServers returns. */
  public String serverCatalogStatus() {
    return serverCatalogStatus;
  }

  /** The {@code lastModifiedOn} that GetServers returns, or null to omit it. */
  public Instant serverCatalogLastModifiedOn() {
    return serverCatalogLastModifiedOn;
  }

  // Views without copying, for the request handlers; they never modify the nodes.

  List<ObjectNode> jobsView() {
    return jobs;
  }

  /** The job with this id, or null. */
  ObjectNode jobView(String jobId) {
    return jobsById.get(jobId);
  }

  List<ObjectNode> runsView(String jobId) {
    return runsByJob.get(jobId);
  }

  List<ObjectNode> serversView() {
    return servers;
  }

  List<ObjectNode> connectorsView() {
    return connectors;
  }

  List<ObjectNode> appsView() {
    return apps;
  }

  private static List<ObjectNode> copies(List<ObjectNode> nodes) {
    return nodes.stream().map(ObjectNode::deepCopy).collect(ImmutableList.toImmutableList());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EmulatorData && ((EmulatorData) o).toJson().equals(toJson());
  }

  @Override
  public int hashCode() {
    return toJson().hashCode();
  }

  @Override
  public String toString() {
    return "EmulatorData{" + jobs.size() + " jobs, "
        + runsByJob.values().stream().mapToInt(List::size).sum() + " runs, "
        + servers.size() + " servers, " + connectors.size() + " connectors, "
        + apps.size() + " apps}";
  }
}
