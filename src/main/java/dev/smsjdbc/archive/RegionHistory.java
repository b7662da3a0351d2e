package dev.smsjdbc.archive;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The saved SMS resources of one Region, merged, in wire form (as SMS sent them: epoch-second timestamps).
 *
 * @param jobs the replication jobs, without their embedded replicationRunList
 * @param runsByJob every job's runs, newest first: from its get-replication-runs output, or else the runs that
 *     were embedded in the job
 * @param serverCatalogStatus as get-servers said it, or null if no saved output has it
 * @param serverCatalogLastModifiedOn likewise
 */
public record RegionHistory(String region, List<ObjectNode> jobs, Map<String, List<ObjectNode>> runsByJob,
    List<ObjectNode> servers, List<ObjectNode> connectors, List<ObjectNode> apps,
    @Nullable String serverCatalogStatus, @Nullable Instant serverCatalogLastModifiedOn) {}
