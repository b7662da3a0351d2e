package dev.smsjdbc.archive;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import software.amazon.awssdk.services.sms.model.GetConnectorsResponse;
import software.amazon.awssdk.services.sms.model.GetReplicationJobsResponse;
import software.amazon.awssdk.services.sms.model.GetReplicationRunsResponse;
import software.amazon.awssdk.services.sms.model.GetServersResponse;
import software.amazon.awssdk.services.sms.model.ListAppsResponse;

/**
 * One saved file: what one SMS read command printed, or one response page. Its kind is told by its list
 * member, and the rest must fit that response's shape in the SMS model; the AWS CLI's {@code NextToken}
 * (of {@code --max-items}) and boto3's {@code ResponseMetadata} are the only other members allowed.
 */
final class ArchiveFile {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  /** Members that tools add to a response and that say nothing about SMS resources. */
  private static final Set<String> TOOL_MEMBERS = Set.of("NextToken", "ResponseMetadata");

  /** A job id in a file name, for get-replication-runs output without its replicationJob. */
  private static final Pattern JOB_ID = Pattern.compile("sms-job-[0-9a-zA-Z]+");

  /** The read commands, by the list member that tells their output apart. */
  enum Kind {
    JOBS("get-replication-jobs", "replicationJobList", Shape.of(GetReplicationJobsResponse.builder())),
    RUNS("get-replication-runs", "replicationRunList", Shape.of(GetReplicationRunsResponse.builder())),
    SERVERS("get-servers", "serverList", Shape.of(GetServersResponse.builder())),
    CONNECTORS("get-connectors", "connectorList", Shape.of(GetConnectorsResponse.builder())),
    APPS("list-apps", "apps", Shape.of(ListAppsResponse.builder()));

    final String command;
    final String listMember;
    final Shape shape;

    Kind(String command, String listMember, Shape shape) {
      this.command = command;
      this.listMember = listMember;
      this.shape = shape;
    }
  }

  /**
   * What a file holds, in wire form.
   *
   * @param items the listed resources (jobs, runs, servers, ...)
   * @param members the response's other members (replicationJob, serverCatalogStatus, ...)
   * @param jobId for runs: the job they belong to
   */
  record Content(Path file, Kind kind, List<ObjectNode> items, ObjectNode members, @Nullable String jobId) {}

  private ArchiveFile() {}

  static Content read(Path file) {
    JsonNode root;
    try {
      root = MAPPER.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw ArchiveException.in(file, "not valid JSON"
          + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
          + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw ArchiveException.in(file, "cannot be read (" + e + ")", e);
    }
    try {
      return content(file, root);
    } catch (IllegalArgumentException e) {
      throw ArchiveException.in(file, e.getMessage(), e);
    }
  }

  private static Content content(Path file, @Nullable JsonNode root) {
    if (root == null || root.isMissingNode()) {
      throw new IllegalArgumentException("empty; expected the JSON output of an SMS read command");
    }
    if (!root.isObject()) {
      throw new IllegalArgumentException("not the output of an SMS read command (get-replication-jobs, "
          + "get-replication-runs, get-servers, get-connectors, list-apps): it is not a JSON object");
    }
    Kind kind = null;
    for (Kind k : Kind.values()) {
      if (root.has(k.listMember)) {
        if (kind != null) {
          throw new IllegalArgumentException("has both " + kind.listMember + " and " + k.listMember
              + ": not the output of one SMS read command");
        }
        kind = k;
      }
    }
    if (kind == null) {
      throw new IllegalArgumentException("not the output of an SMS read command: it has none of the members "
          + "replicationJobList, replicationRunList, serverList, connectorList, apps");
    }
    ObjectNode members = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    List<ObjectNode> items = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      String name = e.getKey();
      if (TOOL_MEMBERS.contains(name) || name.equals("nextToken") || e.getValue().isNull()) {
        continue; // paging state, not data: the CLI has already merged the pages
      }
      if (!kind.shape.has(name)) {
        throw new IllegalArgumentException("has a member '" + name + "' that " + kind.command
            + " output does not have");
      }
      JsonNode value = kind.shape.member(name, e.getValue());
      if (name.equals(kind.listMember)) {
        value.forEach(item -> items.add((ObjectNode) item));
      } else {
        members.set(name, value);
      }
    }
    String jobId = kind == Kind.RUNS ? runsJobId(file, members) : null;
    return new Content(file, kind, items, members, jobId);
  }

  /**
   * The job of get-replication-runs output: its replicationJob member, or, since the AWS CLI leaves that out
   * when it merges pages, the job id in the file name.
   */
  private static String runsJobId(Path file, ObjectNode members) {
    JsonNode job = members.get("replicationJob");
    if (job != null) {
      JsonNode id = job.get("replicationJobId");
      if (id == null) {
        throw new IllegalArgumentException("replicationJob has no replicationJobId");
      }
      return id.asText();
    }
    Matcher m = JOB_ID.matcher(file.getFileName().toString());
    if (!m.find()) {
      throw new IllegalArgumentException("get-replication-runs output without its replicationJob (the AWS CLI "
          + "leaves it out when it merges pages) must name its job in the file name, e.g. "
          + "sms-job-0123456789abcdef0.json; rename the file, or save it with --no-paginate");
    }
    return m.group();
  }
}
