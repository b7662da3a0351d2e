package dev.smsjdbc.jdbc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on loopback that is slow in the ways that hold a client: it never answers ({@link Behaviour#SILENT}),
 * answers one byte every {@link #DRIP_MILLIS} ({@link Behaviour#DRIPPING}), or answers 503 with a
 * {@code Retry-After} ({@link Behaviour#RETRY_AFTER}); or it answers a page of a chosen size at once
 * ({@link Behaviour#PAGE}). Raw sockets, one thread per connection, so that it
 * knows exactly when the client hangs up: {@link #openConnections()} counts the connections the client has
 * not closed yet, the server-side proof that the driver released its sockets.
 */
final class StallingServer implements AutoCloseable {
  /** What the server does with each request. */
  enum Behaviour {
    /** Reads the request and sends nothing, until the client hangs up. */
    SILENT,
    /** Sends a valid status line and then one byte every {@link #DRIP_MILLIS}, forever. */
    DRIPPING,
    /** 503 with {@code Retry-After: <retryAfterSeconds>}, then a valid page once {@code failFirst} are used up. */
    RETRY_AFTER,
    /** A valid page of jobs of about {@code pageBytes}, at once. */
    PAGE
  }

  static final int DRIP_MILLIS = 2_000;
  /** How often a connection's thread looks whether the client hung up. */
  private static final int POLL_MILLIS = 100;

  private final ServerSocket listener;
  private final Thread acceptor;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile Behaviour behaviour = Behaviour.SILENT;
  private volatile long retryAfterSeconds;
  private volatile int failFirst = Integer.MAX_VALUE;
  private volatile byte[] page = pageResponse(0);
  private volatile boolean closed;

  StallingServer() throws IOException {
    listener = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::accept, "stalling-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  StallingServer behave(Behaviour behaviour) {
    this.behaviour = behaviour;
    requests.set(0);
    return this;
  }

  /** Answers 503 with this Retry-After to the first {@code failFirst} requests, a valid page after. */
  StallingServer retryAfter(long seconds, int failFirst) {
    this.behaviour = Behaviour.RETRY_AFTER;
    this.retryAfterSeconds = seconds;
    this.failFirst = failFirst;
    requests.set(0);
    return this;
  }

  /** Requests since the behaviour was last set. */
  /** Answers every request at once with a valid page of jobs of about {@code bytes}. */
  StallingServer page(int bytes) {
    this.page = pageResponse(bytes);
    this.behaviour = Behaviour.PAGE;
    requests.set(0);
    return this;
  }

  int requests() {
    return requests.get();
  }

  /** Connections the client opened and has not closed. */
  int openConnections() {
    return open.size();
  }

  String url(String... extraKeys) {
    return "jdbc:sms:region=us-east-1;endpoint=http://127.0.0.1:" + listener.getLocalPort()
        + ";accessKeyId=AKIASTALLING00000001;secretAccessKey=stalling;timeZone=UTC"
        + (extraKeys.length == 0 ? "" : ";" + String.join(";", extraKeys));
  }

  private void accept() {
    while (!closed) {
      try {
        Socket socket = listener.accept();
        open.add(socket);
        Thread t = new Thread(() -> serve(socket), "stalling-server-connection");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setSoTimeout(POLL_MILLIS);
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      while (!closed) {
        if (!readRequest(in)) {
          return; // the client hung up
        }
        int n = requests.incrementAndGet();
        Behaviour now = behaviour;
        if (now == Behaviour.RETRY_AFTER || now == Behaviour.PAGE) {
          out.write(now == Behaviour.RETRY_AFTER && n <= failFirst
              ? unavailable().getBytes(StandardCharsets.UTF_8) : (now == Behaviour.PAGE ? page : pageResponse(0)));
          out.flush();
          continue; // keep-alive: the next request may come on this connection
        }
        if (now == Behaviour.DRIPPING) {
          out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: 100000\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
          out.flush();
        }
        holdUntilHangUp(in, out, now == Behaviour.DRIPPING);
        return;
      }
    } catch (IOException e) {
      // the client hung up
    } finally {
      open.remove(socket);
    }
  }

  /** Sends nothing (or a byte every {@link #DRIP_MILLIS}) until the client closes the connection. */
  private void holdUntilHangUp(InputStream in, OutputStream out, boolean drip) throws IOException {
    long nextDrip = System.nanoTime() + DRIP_MILLIS * 1_000_000L;
    while (!closed) {
      try {
        if (in.read() < 0) {
          return;
        }
      } catch (SocketTimeoutException e) {
        if (drip && System.nanoTime() - nextDrip >= 0) {
          out.write(' ');
          out.flush();
          nextDrip += DRIP_MILLIS * 1_000_000L;
        }
      }
    }
  }

  /** Reads one request, headers and body; false if the client closed the connection first. */
  private boolean readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!closed) {
      int b;
      try {
        b = in.read();
      } catch (SocketTimeoutException e) {
        continue;
      }
      if (b < 0) {
        return false;
      }
      head.write(b);
      String text = head.toString(StandardCharsets.ISO_8859_1);
      if (text.endsWith("\r\n\r\n")) {
        int length = contentLength(text);
        for (int read = 0; read < length; ) {
          try {
            if (in.read() < 0) {
              return false;
            }
            read++;
          } catch (SocketTimeoutException e) {
            // wait for the rest of the body
          }
        }
        return true;
      }
    }
    return false;
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
      }
    }
    return 0;
  }

  private String unavailable() {
    String body = "{\"__type\":\"ServiceUnavailableException\",\"message\":\"come back later\"}";
    return "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/x-amz-json-1.1\r\nRetry-After: "
        + retryAfterSeconds + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
  }

  /** A response with a valid page of jobs, padded with long descriptions to about {@code bytes}. */
  private static byte[] pageResponse(int bytes) {
    StringBuilder json = new StringBuilder("{\"replicationJobList\":[");
    json.append("{\"replicationJobId\":\"sms-job-stalling\",\"state\":\"ACTIVE\"}");
    for (int i = 1; json.length() < bytes; i++) {
      json.append(",{\"replicationJobId\":\"sms-job-").append(i).append("\",\"description\":\"")
          .append("x".repeat(1000)).append("\"}");
    }
    String body = json.append("]}").toString();
    return ("HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: " + body.length()
        + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
  }

  @Override public void close() throws IOException {
    closed = true;
    listener.close();
    for (Socket socket : open) {
      socket.close();
    }
  }
}
