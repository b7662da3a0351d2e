package dev.smsjdbc.jdbc;

import dev.smsjdbc.archive.ArchiveException;
import dev.smsjdbc.archive.ArchiveWriter;
import dev.smsjdbc.aws.ApiSession;
import dev.smsjdbc.aws.Execution;
import dev.smsjdbc.aws.JobRow;
import dev.smsjdbc.aws.Regional;
import dev.smsjdbc.aws.RunRow;
import dev.smsjdbc.aws.ScanContext;
import dev.smsjdbc.aws.ScanRequest;
import dev.smsjdbc.aws.SmsApi;
import org.apache.calcite.linq4j.Enumerator;
import software.amazon.awssdk.services.sms.model.ReplicationJob;
import software.amazon.awssdk.services.sms.model.ReplicationRun;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code bin/sms-sql --export DIR URL}: writes an archive ({@link ArchiveWriter}) of everything the URL reads
 * (an emulator, an archive, an account that still answers), through the same API side as queries: paging,
 * concurrency, retries and credentials as the connection's keys say. Runs are fetched for a batch of jobs at
 * a time, each batch within {@code maxApiCalls}, so memory stays bounded by the batch.
 */
public final class ArchiveExport {
  /** Jobs whose runs one batch reads. */
  private static final int BATCH = 200;

  private final ApiSession session;
  private final ArchiveWriter writer;
  private final PrintStream progress;
  private final boolean terminal;

  private ArchiveExport(ApiSession session, ArchiveWriter writer, PrintStream progress, boolean terminal) {
    this.session = session;
    this.writer = writer;
    this.progress = progress;
    this.terminal = terminal;
  }

  /** {@code DIR JDBC_URL}; prints a progress line to stderr on a terminal; exits 0, or 1 naming the failure. */
  public static void main(String[] args) {
    if (args.length != 2 || !args[1].startsWith(SmsDriver.PREFIX)) {
      System.err.println("usage: ArchiveExport DIR jdbc:sms:...");
      System.exit(64);
    }
    try {
      String summary = export(Path.of(args[0]), args[1], System.err, System.console() != null);
      System.err.println(summary);
      System.exit(0);
    } catch (SQLException | ArchiveException | java.io.UncheckedIOException e) {
      System.err.println("sms-sql: export failed: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Writes the archive; returns a one-line summary. */
  public static String export(Path dir, String url, PrintStream progress, boolean terminal) throws SQLException {
    SmsConnectionConfig config = SmsConnectionConfig.from(
        UrlSuffix.merge(url.substring(SmsDriver.PREFIX.length()), new Properties()));
    try (ApiSession session = SessionWiring.open(config)) {
      ArchiveExport export = new ArchiveExport(session, new ArchiveWriter(dir), progress, terminal);
      long jobs = 0;
      long runs = 0;
      for (String region : session.regions()) {
        long[] counts = export.region(region);
        jobs += counts[0];
        runs += counts[1];
      }
      return "exported " + jobs + " replication jobs and " + runs + " runs of " + session.regions().size()
          + " Region(s) to " + dir;
    } catch (RuntimeException e) {
      throw ErrorTranslator.translate(e);
    }
  }

  private long[] region(String region) {
    List<ReplicationJob> jobs = new ArrayList<>();
    read(region, null, SmsApi::replicationJobs).forEach(row -> jobs.add(row.job()));
    writer.jobs(region, jobs);
    writer.servers(region, items(read(region, null, SmsApi::servers)));
    writer.connectors(region, items(read(region, null, SmsApi::connectors)));
    writer.apps(region, items(read(region, null, SmsApi::apps)));
    long runs = 0;
    for (int from = 0; from < jobs.size(); from += BATCH) {
      List<ReplicationJob> batch = jobs.subList(from, Math.min(jobs.size(), from + BATCH));
      Map<String, List<ReplicationRun>> byJob = new LinkedHashMap<>();
      batch.forEach(job -> byJob.put(job.replicationJobId(), new ArrayList<>()));
      for (RunRow row : read(region, List.copyOf(byJob.keySet()), SmsApi::replicationRuns)) {
        byJob.get(row.replicationJobId()).add(row.run());
        runs++;
      }
      batch.forEach(job -> writer.runs(region, job, byJob.get(job.replicationJobId())));
      if (terminal) {
        progress.print("\rexporting " + region + ": runs of " + (from + batch.size()) + "/" + jobs.size()
            + " jobs, " + runs + " runs ");
        progress.flush();
      }
    }
    if (terminal) {
      progress.println();
    }
    return new long[] {jobs.size(), runs};
  }

  /** Every item of one read of one Region, as a fresh statement would read it (its own call budget). */
  private <T> List<T> read(String region, List<String> keys, ApiSession.RegionScan<T> scan) {
    ScanContext context = new ScanContext(session, new Execution(), null, null, false);
    List<T> items = new ArrayList<>();
    try (Enumerator<T> e = session.scan(context, new ScanRequest(keys, List.of(region), -1), scan)) {
      while (e.moveNext()) {
        items.add(e.current());
      }
    }
    return items;
  }

  private static <T> List<T> items(List<Regional<T>> rows) {
    return rows.stream().map(Regional::item).toList();
  }
}
