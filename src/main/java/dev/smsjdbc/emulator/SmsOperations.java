package dev.smsjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Maps;

import dev.smsjdbc.api.SmsOperation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The served SMS operations: maps each {@code X-Amz-Target} to the handler that turns a request
 * body into a response body.
 *
 * <p>List operations page through their resources. The page size is {@code maxResults}, or the
 * default the model documents (50; 100 for ListApps) when it is absent, and never more than the
 * emulator's page cap. A {@code nextToken} is bound to the operation and to the request's filter
 * (see {@link PageTokens}); an empty last page is never served, and the last page has no
 * {@code nextToken}.
 */
final class SmsOperations {
  /** The prefix of every {@code X-Amz-Target} of the service. */
  static final String TARGET_PREFIX = "AWSServerMigrationService_V2016_10_24.";

  private final EmulatorData data;
  private final PageTokens tokens;
  private final int pageCap;
  private final int embeddedRuns;
  private final Map<SmsOperation, Function<ObjectNode, ObjectNode>> handlers;

  SmsOperations(EmulatorData data, PageTokens tokens, int pageCap, int embeddedRuns) {
    this.data = Objects.requireNonNull(data, "data");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.pageCap = pageCap;
    this.embeddedRuns = embeddedRuns;
    this.handlers = Maps.immutableEnumMap(ImmutableMap.of(
        SmsOperation.GET_REPLICATION_JOBS, this::getReplicationJobs,
        SmsOperation.GET_REPLICATION_RUNS, this::getReplicationRuns,
        SmsOperation.GET_SERVERS, this::getServers,
        SmsOperation.GET_CONNECTORS, this::getConnectors,
        SmsOperation.LIST_APPS, this::listApps));
  }

  /** Whether {@code operation}, an {@code X-Amz-Target} suffix, is served. */
  boolean serves(String operation) {
    return served(operation).isPresent();
  }

  private Optional<SmsOperation> served(String operation) {
    return SmsOperation.ofWireName(operation).filter(handlers::containsKey);
  }

  /**
   * Handles one request.
   *
   * @throws ApiError if the request is not valid
   */
  ObjectNode handle(String operation, ObjectNode input) {
    SmsOperation served = served(operation).orElseThrow(
        () -> ApiError.unknownOperation("Operation " + operation + " is not supported."));
    InputShapes.check(served, input);
    return handlers.get(served).apply(input);
  }

  private ObjectNode getReplicationJobs(ObjectNode input) {
    ObjectNode out = WireJson.object();
    String jobId = text(input, "replicationJobId");
    List<ObjectNode> jobs = jobId == null ? data.jobsView() : List.of(job(jobId));
    ArrayNode list = out.putArray("replicationJobList");
    page(jobs, SmsOperation.GET_REPLICATION_JOBS, jobId == null ? "" : jobId, input, 50, out)
        .forEach(job -> list.add(withRecentRuns(job)));
    return out;
  }

  private ObjectNode getReplicationRuns(ObjectNode input) {
    String jobId = text(input, "replicationJobId");
    ObjectNode job = job(jobId);
    ObjectNode out = WireJson.object();
    out.set("replicationJob", withRecentRuns(job));
    ArrayNode list = out.putArray("replicationRunList");
    page(data.runsView(jobId), SmsOperation.GET_REPLICATION_RUNS, jobId, input, 50, out).forEach(list::add);
    return out;
  }

  private ObjectNode getServers(ObjectNode input) {
    JsonNode addresses = input.get("vmServerAddressList");
    List<ObjectNode> servers = data.serversView();
    String scope = "";
    if (addresses != null && !addresses.isEmpty()) {
      servers = filter(servers,
          server -> matchesAny(server.path("vmServer").path("vmServerAddress"), addresses));
      scope = WireJson.compact(addresses);
    }
    ObjectNode out = WireJson.object();
    if (data.serverCatalogLastModifiedOn() != null) {
      out.set("lastModifiedOn", WireJson.epochSeconds(data.serverCatalogLastModifiedOn()));
    }
    out.put("serverCatalogStatus", data.serverCatalogStatus());
    ArrayNode list = out.putArray("serverList");
    page(servers, SmsOperation.GET_SERVERS, scope, input, 50, out).forEach(list::add);
    return out;
  }

  /** An address filter matches on each member it names. */
  private static boolean matchesAny(JsonNode address, JsonNode filters) {
    for (JsonNode filter : filters) {
      boolean matches = true;
      for (String member : List.of("vmManagerId", "vmId")) {
        if (filter.has(member) && !filter.get(member).equals(address.get(member))) {
          matches = false;
        }
      }
      if (matches) {
        return true;
      }
    }
    return false;
  }

  private ObjectNode getConnectors(ObjectNode input) {
    ObjectNode out = WireJson.object();
    ArrayNode list = out.putArray("connectorList");
    page(data.connectorsView(), SmsOperation.GET_CONNECTORS, "", input, 50, out).forEach(list::add);
    return out;
  }

  private ObjectNode listApps(ObjectNode input) {
    JsonNode appIds = input.get("appIds");
    List<ObjectNode> apps = data.appsView();
    String scope = "";
    if (appIds != null && !appIds.isEmpty()) {
      // Unknown ids match nothing, as a filter does; they are not an error.
      apps = filter(apps, app -> {
        for (JsonNode id : appIds) {
          if (id.asText().equals(app.path("appId").asText())) {
            return true;
          }
        }
        return false;
      });
      scope = WireJson.compact(appIds);
    }
    ObjectNode out = WireJson.object();
    ArrayNode list = out.putArray("apps");
    page(apps, SmsOperation.LIST_APPS, scope, input, 100, out).forEach(list::add);
    return out;
  }

  private ObjectNode job(String jobId) {
    ObjectNode job = data.jobView(jobId);
    if (job != null) {
      return job;
    }
    throw ApiError.invalidParameter("The replication job " + jobId + " does not exist.");
  }

  /** The job as the API shows it: with its most recent runs embedded. */
  private ObjectNode withRecentRuns(ObjectNode job) {
    ObjectNode copy = job.deepCopy();
    List<ObjectNode> runs = data.runsView(job.get("replicationJobId").asText());
    copy.putArray("replicationRunList")
        .addAll(runs.subList(0, Math.min(embeddedRuns, runs.size())));
    return copy;
  }

  /** One page of {@code items}; puts {@code nextToken} into {@code out} if more follow. */
  private List<ObjectNode> page(List<ObjectNode> items, SmsOperation operation, String scope,
      ObjectNode input, int documentedDefault, ObjectNode out) {
    int size = Math.min(pageCap, documentedDefault);
    JsonNode maxResults = input.get("maxResults");
    if (maxResults != null) {
      if (maxResults.intValue() < 1) {
        throw ApiError.invalidParameter("maxResults must be greater than 0.");
      }
      size = Math.min(pageCap, maxResults.intValue());
    }
    int from = 0;
    String token = text(input, "nextToken");
    if (token != null) {
      from = tokens.offset(token, operation, scope);
      if (from >= items.size()) { // issued for data this emulator no longer has
        throw ApiError.invalidParameter("The nextToken is not valid.");
      }
    }
    int to = (int) Math.min((long) from + size, items.size());
    if (to < items.size()) {
      out.put("nextToken", tokens.issue(operation, scope, to));
    }
    return items.subList(from, to);
  }

  private static String text(ObjectNode input, String member) {
    JsonNode value = input.get(member);
    return value == null ? null : value.asText();
  }

  private static List<ObjectNode> filter(List<ObjectNode> items, Predicate<ObjectNode> p) {
    List<ObjectNode> result = new ArrayList<>();
    for (ObjectNode item : items) {
      if (p.test(item)) {
        result.add(item);
      }
    }
    return result;
  }
}
