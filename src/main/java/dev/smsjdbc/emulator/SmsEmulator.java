package dev.smsjdbc.emulator;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import com.google.common.util.concurrent.Uninterruptibles;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A local, wire-faithful emulator of AWS Server Migration Service (SMS), which AWS has
 * discontinued.
 *
 * <p>It speaks AWS JSON 1.1 over HTTP, checks SigV4 signatures, and serves the read operations
 * GetReplicationJobs, GetReplicationRuns, GetServers, GetConnectors and ListApps from an
 * {@link EmulatorData}, so the real AWS SDK and CLI work against it unchanged (point their endpoint
 * at {@link #endpoint()}). For tests it counts and logs requests and injects {@link Faults}.
 *
 * <pre>{@code
 * try (SmsEmulator sms = SmsEmulator.startDemo()) {
 *   SmsClient client = SmsClient.builder()
 *       .endpointOverride(sms.endpoint())
 *       .region(Region.US_EAST_1)
 *       .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
 *           SmsEmulator.DEMO_ACCESS_KEY_ID, SmsEmulator.DEMO_SECRET_ACCESS_KEY)))
 *       .build();
 *   client.getReplicationJobs(r -> { });
 * }
 * }</pre>
 *
 * <p>It also serves a minimal STS {@code AssumeRole} on the same port ({@link StsOperations}), for the
 * roles registered with {@link Builder#assumableRole}: the temporary credentials it issues are then
 * accepted for SMS calls, with their session token only.
 *
 * <p>Requests are served on a pool of daemon threads, as many at a time as clients send; closing
 * the emulator stops the server and the pool. See {@link #main(String[])} for standalone use.
 */
public final class SmsEmulator implements AutoCloseable {
  /** Access key id of the demo credentials. Not a real AWS key. */
  public static final String DEMO_ACCESS_KEY_ID = "AKIASMSJDBCDEMO00000";
  /** Secret of the demo credentials: published on purpose, it opens nothing but emulators. */
  public static final String DEMO_SECRET_ACCESS_KEY = "smsjdbc/demo/NotASecret/0123456789abcdef";

  static {
    // TCP_NODELAY on the server's sockets. Without it a response written as headers, then body, waits for
    // the client's delayed ACK (40 ms on Linux) whenever the body is small: a stall AWS's endpoints do not
    // have, which would make every latency figure measured against the emulator wrong. The JDK's HTTP
    // server reads this property once per JVM, when the first server is created.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final EmulatorData data;
  private final Faults faults = new Faults();
  private final HttpServer server;
  private final ExecutorService executor;
  private final URI endpoint;
  private final RequestLog log = new RequestLog();
  private final AtomicBoolean closed = new AtomicBoolean();

  private SmsEmulator(Builder b) throws IOException {
    this.data = b.data == null ? EmulatorData.demo() : b.data;
    Map<String, String> credentials = b.credentials.isEmpty()
        ? Map.of(DEMO_ACCESS_KEY_ID, DEMO_SECRET_ACCESS_KEY) : b.credentials;
    PageTokens tokens = new PageTokens();
    SmsOperations operations = new SmsOperations(data, tokens, b.pageCap, b.embeddedRunsPerJob);
    Map<String, SmsOperations> byRegion = new LinkedHashMap<>();
    b.regionData.forEach((region, regionData) ->
        byRegion.put(region, new SmsOperations(regionData, tokens, b.pageCap, b.embeddedRunsPerJob)));
    IssuedCredentials issued = new IssuedCredentials();
    ExchangeHandler handler = new ExchangeHandler(new SigV4Verifier(credentials, issued, b.clock),
        region -> region == null ? operations : byRegion.getOrDefault(region, operations),
        new StsOperations(b.roles, issued, b.clock), faults, log::record);

    server = HttpServer.create(new InetSocketAddress(b.bindAddress, b.port), 64);
    executor = Executors.newCachedThreadPool(new ThreadFactoryBuilder()
        .setNameFormat("sms-emulator-" + server.getAddress().getPort() + "-%d")
        .setDaemon(true).build());
    server.setExecutor(executor);
    server.createContext("/", handler);
    startAsDaemon(server);
    InetSocketAddress bound = server.getAddress();
    String host = bound.getAddress().isAnyLocalAddress()
        ? InetAddress.getLoopbackAddress().getHostAddress() : bound.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]"; // IPv6 literal
    }
    endpoint = URI.create("http://" + host + ":" + bound.getPort());
  }

  /**
   * Starts the server from a daemon thread. The JDK's dispatcher thread inherits daemon status from the
   * thread that starts it, and an emulator inside an application (demo=true) must never keep its JVM alive.
   */
  private static void startAsDaemon(HttpServer server) {
    Thread starter = new Thread(server::start, "sms-emulator-start");
    starter.setDaemon(true);
    starter.start();
    Uninterruptibles.joinUninterruptibly(starter);
  }

  /** A builder with the defaults: demo data and credentials, loopback, an ephemeral port. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts an emulator with the demo data and credentials on loopback and an ephemeral port. */
  public static SmsEmulator startDemo() {
    return builder().start();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:49152}, for {@code endpointOverride}. */
  public URI endpoint() {
    return endpoint;
  }

  /** The data served. */
  public EmulatorData data() {
    return data;
  }

  /** The runtime-mutable fault injection. */
  public Faults faults() {
    return faults;
  }

  /** Requests to {@code operation} so far, answered successfully or not. */
  public int requestCount(String operation) {
    return log.count(operation);
  }

  /** All requests so far. */
  public int requestCount() {
    return log.total();
  }

  /** Sets all counters to zero and clears the request log. */
  public void resetCounters() {
    log.clear();
  }

  /** The requests so far, oldest first (at most the latest 10,000). */
  public List<RecordedRequest> requestLog() {
    return log.requests();
  }

  /** Stops serving and ends the request threads. Idempotent. */
  @Override public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override public String toString() {
    return "SmsEmulator{" + endpoint + ", " + data + "}";
  }

  /**
   * Runs an emulator until the process is killed; {@code --help} lists the options.
   * Prints {@code SMS emulator listening on http://127.0.0.1:PORT} once it serves.
   */
  public static void main(String[] args) {
    System.exit(CommandLine.run(args, System.out, System.err));
  }

  /** Configures and starts an {@link SmsEmulator}. */
  public static final class Builder {
    private EmulatorData data;
    private final Map<String, EmulatorData> regionData = new LinkedHashMap<>();
    private final Map<String, String> credentials = new LinkedHashMap<>();
    private final Map<String, Optional<String>> roles = new LinkedHashMap<>();
    private int port;
    private InetAddress bindAddress = InetAddress.getLoopbackAddress();
    private int pageCap = 50;
    private int embeddedRunsPerJob = 3;
    private Clock clock = Clock.systemUTC();

    private Builder() {
    }

    /** The clock that request times (X-Amz-Date) are checked against; for tests of clock skew. */
    Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The data to serve; default: {@link EmulatorData#demo()}. */
    public Builder data(EmulatorData d) {
      this.data = Objects.requireNonNull(d, "d");
      return this;
    }

    /**
     * The data to serve to requests signed for {@code region}, e.g. one Region of an archive; the other
     * Regions get {@link #data}'s.
     */
    public Builder data(String region, EmulatorData d) {
      regionData.put(Objects.requireNonNull(region, "region"), Objects.requireNonNull(d, "d"));
      return this;
    }

    /**
     * Accepts requests signed with this key pair. May be called repeatedly to accept several; if it
     * is never called, the demo credentials are accepted.
     */
    public Builder credentials(String accessKeyId, String secretAccessKey) {
      credentials.put(Objects.requireNonNull(accessKeyId, "accessKeyId"),
          Objects.requireNonNull(secretAccessKey, "secretAccessKey"));
      return this;
    }

    /**
     * Lets the emulator's STS {@code AssumeRole} grant this role to any accepted credential, with the
     * given ExternalId (null: none needed). May be called repeatedly. A role not registered, or a
     * missing or wrong ExternalId, is refused with {@code AccessDenied}.
     *
     * @param roleArn e.g. {@code arn:aws:iam::123456789012:role/SmsReadOnly}
     */
    public Builder assumableRole(String roleArn, String externalId) {
      roles.put(StsOperations.checkRoleArn(roleArn), Optional.ofNullable(externalId));
      return this;
    }

    /** The TCP port; default 0, an ephemeral port. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /** The address to listen on; default loopback. Use another only when you mean to. */
    public Builder bindAddress(InetAddress a) {
      this.bindAddress = Objects.requireNonNull(a, "a");
      return this;
    }

    /** The most items a page holds, whatever maxResults asks for; default 50. */
    public Builder pageCap(int cap) {
      if (cap < 1) {
        throw new IllegalArgumentException("page cap must be positive: " + cap);
      }
      this.pageCap = cap;
      return this;
    }

    /** How many of its most recent runs a job embeds in its replicationRunList; default 3. */
    public Builder embeddedRunsPerJob(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("embedded runs must not be negative: " + n);
      }
      this.embeddedRunsPerJob = n;
      return this;
    }

    /** Starts serving. */
    public SmsEmulator start() {
      try {
        return new SmsEmulator(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the SMS emulator", e);
      }
    }
  }
}
