package dev.smsjdbc.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the files of one Region into one row per id. Files are taken in path order, and when two disagree
 * about the same id the one that sorts last wins (a dated folder layout thus keeps the newest snapshot); the
 * id keeps the place where it first appeared. Each kind of disagreement is reported once, with a count.
 */
final class RegionMerge {
  private final String region;
  private final Versions jobs = new Versions("replication jobs", "replicationJobId");
  private final Map<String, List<ObjectNode>> embeddedRuns = new LinkedHashMap<>();
  private final Map<String, List<ArchiveFile.Content>> runsFiles = new LinkedHashMap<>();
  private final Versions servers = new Versions("servers", "serverId");
  private final Versions connectors = new Versions("connectors", "connectorId");
  private final Versions apps = new Versions("applications", "appId");
  private final Versions runs = new Versions("replication runs", "replicationRunId");
  private @Nullable String catalogStatus;
  private @Nullable Instant catalogModified;

  RegionMerge(String region) {
    this.region = region;
  }

  /** Adds one file's content; files must come in path order. */
  void add(ArchiveFile.Content content) {
    switch (content.kind()) {
    case JOBS -> content.items().forEach(job -> job(job, content.file()));
    case RUNS -> {
      JsonNode job = content.members().get("replicationJob");
      if (job != null) {
        job((ObjectNode) job, content.file());
      }
      runsFiles.computeIfAbsent(content.jobId(), id -> new ArrayList<>()).add(content);
    }
    case SERVERS -> {
      content.items().forEach(s -> servers.add(s, content.file()));
      if (content.members().has("serverCatalogStatus")) {
        catalogStatus = content.members().get("serverCatalogStatus").asText();
      }
      if (content.members().has("lastModifiedOn")) {
        catalogModified = Timestamps.fromEpochSeconds(content.members().get("lastModifiedOn"));
      }
    }
    case CONNECTORS -> content.items().forEach(c -> connectors.add(c, content.file()));
    case APPS -> content.items().forEach(a -> apps.add(a, content.file()));
    }
  }

  private void job(ObjectNode job, Path file) {
    ObjectNode copy = job.deepCopy();
    JsonNode embedded = copy.remove("replicationRunList");
    String id = jobs.add(copy, file);
    if (embedded != null || !embeddedRuns.containsKey(id)) {
      List<ObjectNode> list = new ArrayList<>();
      if (embedded != null) {
        embedded.forEach(run -> list.add((ObjectNode) run));
      }
      embeddedRuns.put(id, list);
    }
  }

  /** The merged history; what was noticed on the way goes to {@code warnings}. */
  RegionHistory build(List<String> warnings) {
    Map<String, List<ObjectNode>> runsByJob = new LinkedHashMap<>();
    List<String> embeddedOnly = new ArrayList<>();
    for (String jobId : jobs.byId.keySet()) {
      List<ArchiveFile.Content> files = runsFiles.get(jobId);
      if (files == null) {
        embeddedOnly.add(jobId);
        runsByJob.put(jobId, embeddedRuns.get(jobId));
      } else {
        runsByJob.put(jobId, runsOf(files));
      }
    }
    if (!embeddedOnly.isEmpty()) {
      warnings.add("Region " + region + ": " + embeddedOnly.size() + " of " + jobs.byId.size() + " replication "
          + "jobs have no get-replication-runs output in the archive, so replication_runs holds only the few "
          + "recent runs embedded in each of them (e.g. " + embeddedOnly.get(0) + ").");
    }
    List<String> orphans = runsFiles.keySet().stream().filter(id -> !jobs.byId.containsKey(id)).toList();
    if (!orphans.isEmpty()) {
      warnings.add("Region " + region + ": get-replication-runs output of " + orphans.size() + " jobs that no "
          + "saved get-replication-jobs output lists (e.g. " + orphans.get(0) + " in "
          + runsFiles.get(orphans.get(0)).get(0).file() + "); their runs are not shown.");
    }
    for (Versions v : List.of(jobs, runs, servers, connectors, apps)) {
      v.report(region, warnings);
    }
    return new RegionHistory(region, jobs.values(), runsByJob, servers.values(), connectors.values(),
        apps.values(), catalogStatus, catalogModified);
  }

  /** A job's runs: one file's as they are; several files' merged by run id, newest first. */
  private List<ObjectNode> runsOf(List<ArchiveFile.Content> files) {
    Versions merged = new Versions(null, "replicationRunId");
    for (ArchiveFile.Content file : files) {
      file.items().forEach(run -> merged.add(run, file.file()));
    }
    runs.absorb(merged);
    List<ObjectNode> list = merged.values();
    if (files.size() > 1) {
      list = new ArrayList<>(list);
      list.sort(Comparator.comparing((ObjectNode run) -> time(run, "scheduledStartTime"),
          Comparator.nullsLast(Comparator.reverseOrder())));
    }
    return list;
  }

  private static @Nullable BigDecimal time(ObjectNode run, String member) {
    JsonNode t = run.get(member);
    return t == null ? null : t.decimalValue();
  }

  /** The versions of one kind of resource, by id, and the disagreements between files. */
  private static final class Versions {
    private final @Nullable String what;
    private final String idMember;
    final Map<String, ObjectNode> byId = new LinkedHashMap<>();
    private final Map<String, Path> fileOf = new LinkedHashMap<>();
    private int conflicts;
    private @Nullable String example;

    Versions(@Nullable String what, String idMember) {
      this.what = what;
      this.idMember = idMember;
    }

    /** Adds a version; returns its id. A different earlier version is replaced and counted. */
    String add(ObjectNode node, Path file) {
      JsonNode idNode = node.get(idMember);
      if (idNode == null || idNode.asText().isEmpty()) {
        throw ArchiveException.in(file, "an item has no " + idMember, null);
      }
      String id = idNode.asText();
      ObjectNode old = byId.put(id, node);
      Path oldFile = fileOf.put(id, file);
      if (old != null && !old.equals(node)) {
        conflicts++;
        if (example == null) {
          example = id + " in " + oldFile + (oldFile.equals(file) ? " (twice)" : " and " + file);
        }
      }
      return id;
    }

    /** Counts the disagreements of {@code part} (one job's runs) as this one's. */
    void absorb(Versions part) {
      conflicts += part.conflicts;
      if (example == null) {
        example = part.example;
      }
    }

    List<ObjectNode> values() {
      return new ArrayList<>(byId.values());
    }

    void report(String region, List<String> warnings) {
      if (conflicts > 0 && what != null) {
        warnings.add("Region " + region + ": " + conflicts + " " + what + " differ between the files that hold them; the "
            + "version in the file whose path sorts last was kept (e.g. " + example + ").");
      }
    }
  }
}
