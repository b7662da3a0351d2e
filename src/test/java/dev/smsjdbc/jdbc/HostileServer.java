package dev.smsjdbc.jdbc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A server on loopback that answers every SMS call the way a broken or hostile endpoint might: it checks no
 * signature and always answers GetReplicationJobs with the chosen {@link Answer}. It counts requests, so
 * tests can tell how often the driver asked.
 */
final class HostileServer implements AutoCloseable {
  /** What the server sends. */
  enum Answer {
    /** A body that never ends. */
    ENDLESS,
    /** A valid page of two megabytes. */
    OVERSIZED,
    /** A small valid page, gzip-compressed, though the client never asked for it. */
    GZIP,
    /** A valid page whose nextToken is always the same. */
    LOOPING_TOKEN,
    /** A job whose seedReplicationTime is 1e300 epoch seconds, far beyond year 9999. */
    TIMESTAMP_1E300(job("\"seedReplicationTime\":1e300")),
    /** A job whose seedReplicationTime is -1e18 epoch seconds, before the epoch. */
    TIMESTAMP_NEGATIVE(job("\"seedReplicationTime\":-1e18")),
    /** Timestamps at both ends of the range SMS values can have: the epoch, and the last millisecond of 9999. */
    TIMESTAMPS_AT_THE_EDGES(job("\"seedReplicationTime\":0,\"nextReplicationRunStartTime\":253402300799.999")),
    /** A job whose runOnce is "maybe". */
    BOOLEAN_MAYBE(job("\"runOnce\":\"maybe\"")),
    /** A job whose runOnce is a string with an escape sequence and a line break in it. */
    BOOLEAN_WITH_CONTROL_CHARACTERS(job("\"runOnce\":\"\\u001b[31mtrue\\nforged\"")),
    /** A job whose description is a number of 200 digits. */
    LONG_NUMBER_FOR_A_STRING(job("\"description\":" + "9".repeat(200))),
    /** A job whose frequency is the string "12". */
    STRING_FOR_A_NUMBER(job("\"frequency\":\"12\"")),
    /** A job whose frequency does not fit in 32 bits. */
    NUMBER_TOO_WIDE(job("\"frequency\":3000000000")),
    /** A second job without its replicationJobId. */
    MISSING_JOB_ID("{\"replicationJobList\":[" + jobJson("sms-job-a", "") + ",{\"state\":\"ACTIVE\"}]}"),
    /** A job whose replicationJobId is null. */
    NULL_JOB_ID("{\"replicationJobList\":[{\"replicationJobId\":null,\"state\":\"ACTIVE\"}]}"),
    /** A server (to any call) without its serverId. */
    MISSING_SERVER_ID("{\"serverList\":[{\"serverType\":\"VIRTUAL_MACHINE\"}]}"),
    /** A list of jobs whose second element is null. */
    NULL_LIST_ELEMENT("{\"replicationJobList\":[" + jobJson("sms-job-a", "") + ",null]}"),
    /** A member the model does not have, nested 100,000 levels deep. */
    DEEPLY_NESTED(job("\"futureMember\":" + "[".repeat(100_000) + "]".repeat(100_000))),
    /** Members the model does not have (a nested one too), and members that are null: all valid. */
    UNKNOWN_AND_NULL_MEMBERS(job("\"futureMember\":{\"a\":[1,{\"b\":null}]},\"description\":null,"
        + "\"vmServer\":{\"vmName\":\"web\",\"futureToo\":true}")),
    /** Two pages: jobs a and b, then b again and c. */
    ROW_REPEATED_ON_THE_NEXT_PAGE,
    /**
     * To GetReplicationJobs jobs a and b; to GetReplicationRuns of either, the same run r (each operation
     * ignores the other's list, which its response does not have).
     */
    RUN_UNDER_TWO_JOBS("{\"replicationJobList\":[" + jobJson("sms-job-a", "") + "," + jobJson("sms-job-b", "")
        + "],\"replicationRunList\":[{\"replicationRunId\":\"sms-run-r\",\"state\":\"COMPLETED\"}]}"),
    /** One page that holds job a twice. */
    ROW_REPEATED_IN_A_PAGE("{\"replicationJobList\":[" + jobJson("sms-job-a", "") + "," + jobJson("sms-job-a", "")
        + "]}");

    private final byte[] body;

    Answer() {
      this.body = null;
    }

    Answer(String body) {
      this.body = body.getBytes(StandardCharsets.UTF_8);
    }
  }

  private static final byte[] PAGE = page("loop").getBytes(StandardCharsets.UTF_8);
  private static final byte[] FIRST_PAGE = ("{\"replicationJobList\":[" + jobJson("sms-job-a", "") + ","
      + jobJson("sms-job-b", "") + "],\"nextToken\":\"page-2\"}").getBytes(StandardCharsets.UTF_8);
  private static final byte[] SECOND_PAGE = ("{\"replicationJobList\":[" + jobJson("sms-job-b", "") + ","
      + jobJson("sms-job-c", "") + "]}").getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile Answer answer = Answer.ENDLESS;

  HostileServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "hostile-server");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::handle);
    server.start();
  }

  HostileServer answer(Answer answer) {
    this.answer = answer;
    requests.set(0);
    return this;
  }

  int requests() {
    return requests.get();
  }

  String url(String... extraKeys) {
    return "jdbc:sms:region=us-east-1;endpoint=http://127.0.0.1:" + server.getAddress().getPort()
        + ";accessKeyId=AKIAHOSTILE000000001;secretAccessKey=hostile;maxAttempts=3"
        + (extraKeys.length == 0 ? "" : ";" + String.join(";", extraKeys));
  }

  private void handle(HttpExchange exchange) throws IOException {
    int request = requests.incrementAndGet();
    String requestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    exchange.getResponseHeaders().set("x-amzn-RequestId", "hostile-request-" + request);
    try (OutputStream out = exchange.getResponseBody()) {
      switch (answer) {
      case ENDLESS -> {
        exchange.sendResponseHeaders(200, 0); // chunked
        byte[] filler = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        out.write("{\"replicationJobList\":[".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 100_000; i++) { // bounded: 6.4 GB at most, the client hangs up long before
          out.write(filler);
        }
      }
      case OVERSIZED -> {
        byte[] body = oversized();
        exchange.sendResponseHeaders(200, body.length);
        out.write(body);
      }
      case GZIP -> {
        exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        exchange.sendResponseHeaders(200, 0);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
          gzip.write(page(null).getBytes(StandardCharsets.UTF_8));
        }
      }
      case LOOPING_TOKEN -> send(exchange, out, PAGE);
      case ROW_REPEATED_ON_THE_NEXT_PAGE -> send(exchange, out,
          requestBody.contains("\"page-2\"") ? SECOND_PAGE : FIRST_PAGE);
      default -> send(exchange, out, answer.body);
      }
    } catch (IOException e) {
      // the client hung up, as it should on an endless answer
    }
  }

  private static void send(HttpExchange exchange, OutputStream out, byte[] body) throws IOException {
    exchange.sendResponseHeaders(200, body.length);
    out.write(body);
  }

  /** A page of one job, sms-job-hostile, with {@code members} (JSON, without braces) added. */
  private static String job(String members) {
    return "{\"replicationJobList\":[" + jobJson("sms-job-hostile", members) + "]}";
  }

  private static String jobJson(String id, String members) {
    return "{\"replicationJobId\":\"" + id + "\",\"state\":\"ACTIVE\"" + (members.isEmpty() ? "" : "," + members)
        + "}";
  }

  private static String page(String nextToken) {
    return "{\"replicationJobList\":[{\"replicationJobId\":\"sms-job-hostile\",\"state\":\"ACTIVE\"}]"
        + (nextToken == null ? "" : ",\"nextToken\":\"" + nextToken + "\"") + "}";
  }

  private static byte[] oversized() {
    StringBuilder json = new StringBuilder("{\"replicationJobList\":[");
    for (int i = 0; json.length() < 2 << 20; i++) {
      json.append(i == 0 ? "" : ",").append("{\"replicationJobId\":\"sms-job-").append(i)
          .append("\",\"description\":\"").append("x".repeat(200)).append("\"}");
    }
    return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override public void close() {
    server.stop(0);
  }
}
