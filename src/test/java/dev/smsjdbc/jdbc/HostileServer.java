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
    LOOPING_TOKEN
  }

  private static final byte[] PAGE = page("loop").getBytes(StandardCharsets.UTF_8);

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
    requests.incrementAndGet();
    exchange.getRequestBody().readAllBytes();
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
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
      case LOOPING_TOKEN -> {
        exchange.sendResponseHeaders(200, PAGE.length);
        out.write(PAGE);
      }
      default -> throw new IllegalStateException();
      }
    } catch (IOException e) {
      // the client hung up, as it should on an endless answer
    }
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
