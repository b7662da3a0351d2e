package dev.smsjdbc.archive;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.sms.model.AppSummary;
import software.amazon.awssdk.services.sms.model.Connector;
import software.amazon.awssdk.services.sms.model.ReplicationJob;
import software.amazon.awssdk.services.sms.model.ReplicationRun;
import software.amazon.awssdk.services.sms.model.Server;

/**
 * Writes SMS resources as an archive in the AWS CLI v2's JSON output format (ISO 8601 timestamps, four-space
 * indents), one folder per Region and one file per command, as a user saving history with the CLI would:
 * <pre>
 * DIR/us-east-1/get-replication-jobs.json
 * DIR/us-east-1/get-replication-runs/sms-job-0123456789abcdef0.json   (one per job)
 * DIR/us-east-1/get-servers.json, get-connectors.json, list-apps.json
 * </pre>
 * A runs file holds its {@code replicationJob} too (as {@code --no-paginate} prints it), so it says which
 * job it belongs to whatever its name.
 */
public final class ArchiveWriter {
  private static final ObjectWriter JSON = JsonMapper.builder().build().writer(new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("    ", "\n"))
      .withArrayIndenter(new DefaultIndenter("    ", "\n"))
      .withSeparators(Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

  private final Path dir;

  /** Writes into {@code dir}, which must not exist or be empty: another export's files would merge in. */
  public ArchiveWriter(Path dir) {
    try {
      if (Files.exists(dir)) {
        try (var entries = Files.list(dir)) {
          if (entries.findAny().isPresent()) {
            throw new ArchiveException("export folder " + dir + " is not empty: choose a new or empty one");
          }
        }
      }
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.dir = dir;
  }

  public void jobs(String region, List<ReplicationJob> jobs) {
    write(region, ArchiveFile.Kind.JOBS, "", jobs, null);
  }

  public void runs(String region, ReplicationJob job, List<ReplicationRun> runs) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.set("replicationJob", ModelJson.cli(job));
    write(region, ArchiveFile.Kind.RUNS, "/" + job.replicationJobId(), runs, root);
  }

  public void servers(String region, List<Server> servers) {
    write(region, ArchiveFile.Kind.SERVERS, "", servers, null);
  }

  public void connectors(String region, List<Connector> connectors) {
    write(region, ArchiveFile.Kind.CONNECTORS, "", connectors, null);
  }

  public void apps(String region, List<AppSummary> apps) {
    write(region, ArchiveFile.Kind.APPS, "", apps, null);
  }

  /** Writes {@code REGION/<command><suffix>.json}, named after the AWS CLI command that saves the same output. */
  private void write(String region, ArchiveFile.Kind kind, String suffix, List<? extends SdkPojo> items,
      ObjectNode root) {
    ObjectNode out = root == null ? JsonNodeFactory.instance.objectNode() : root;
    ArrayNode list = out.putArray(kind.listMember);
    items.forEach(item -> list.add(ModelJson.cli(item)));
    Path file = dir.resolve(region).resolve(kind.command + suffix + ".json");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, JSON.writeValueAsString(out) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
