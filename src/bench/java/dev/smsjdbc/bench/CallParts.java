package dev.smsjdbc.bench;

import com.sun.net.httpserver.HttpServer;
import dev.smsjdbc.emulator.SmsEmulator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.scheme.AuthScheme;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sms.SmsClient;
import software.amazon.awssdk.services.sms.SmsClientBuilder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The parts of one API call, each measured alone in this JVM: the SDK's work without a network (marshalling,
 * signing, the HTTP client plumbing, parsing) over a transport that answers a recorded page from memory,
 * with and without signing and with an empty page; an HTTP round trip on loopback; a hand-off to a pool
 * thread and back; how far {@code Thread.sleep} overshoots. CPU figures are the calling thread's
 * ({@link ThreadMXBean}), so other work on the machine hardly changes them; wall figures are medians.
 */
final class CallParts {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  static {
    // As the emulator does (SmsEmulator): without TCP_NODELAY a small answer waits for a delayed ACK.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /** A transport that answers every request with {@code body}, after reading the request as a client does. */
  static final class Canned implements SdkHttpClient {
    private final byte[] body;

    Canned(byte[] body) {
      this.body = body;
    }

    @Override public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
      return new ExecutableHttpRequest() {
        @Override public HttpExecuteResponse call() throws IOException {
          if (request.contentStreamProvider().isPresent()) {
            try (InputStream in = request.contentStreamProvider().get().newStream()) {
              in.readAllBytes();
            }
          }
          return HttpExecuteResponse.builder()
              .response(SdkHttpResponse.builder().statusCode(200)
                  .putHeader("Content-Type", "application/x-amz-json-1.1")
                  .putHeader("x-amzn-RequestId", "canned")
                  .putHeader("Content-Length", String.valueOf(body.length)).build())
              .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
              .build();
        }

        @Override public void abort() {}
      };
    }

    @Override public String clientName() {
      return "canned";
    }

    @Override public void close() {}
  }

  /** A transport that keeps the last answer's body (to record a real page). */
  static final class Recording implements SdkHttpClient {
    private final SdkHttpClient delegate = UrlConnectionHttpClient.create();
    volatile byte[] last;

    @Override public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
      ExecutableHttpRequest call = delegate.prepareRequest(request);
      return new ExecutableHttpRequest() {
        @Override public HttpExecuteResponse call() throws IOException {
          HttpExecuteResponse r = call.call();
          try (InputStream in = r.responseBody().orElseThrow()) {
            last = in.readAllBytes();
          }
          return HttpExecuteResponse.builder().response(r.httpResponse())
              .responseBody(AbortableInputStream.create(new ByteArrayInputStream(last))).build();
        }

        @Override public void abort() {
          call.abort();
        }
      };
    }

    @Override public String clientName() {
      return "recording";
    }

    @Override public void close() {
      delegate.close();
    }
  }

  /** CPU and wall time per run of something, in milliseconds. */
  record PerCall(double cpuMs, double wallMs) {}

  private CallParts() {}

  /** The credentials the emulator accepts. */
  static AwsCredentialsProvider demoKeys() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(SmsEmulator.DEMO_ACCESS_KEY_ID,
        SmsEmulator.DEMO_SECRET_ACCESS_KEY));
  }

  /**
   * An SMS client as the driver builds one ({@code SessionFactory}): the driver's signer and its bounded
   * HTTP client (both package-private, reached by reflection), over {@code transport}.
   */
  static SmsClient driverLike(SdkHttpClient transport, AwsCredentialsProvider credentials, boolean driverSigner,
      boolean bounded, URI endpoint) {
    SmsClientBuilder b = SmsClient.builder()
        .httpClient(bounded ? bounded(transport) : transport)
        .credentialsProvider(credentials)
        .region(Region.US_EAST_1)
        .endpointOverride(endpoint);
    if (driverSigner) {
      b.putAuthScheme(driverScheme());
    }
    return b.build();
  }

  @SuppressWarnings("unchecked")
  private static AuthScheme<?> driverScheme() {
    try {
      Field f = Class.forName("dev.smsjdbc.aws.QuietSigV4Signer").getDeclaredField("SCHEME");
      f.setAccessible(true);
      return (AuthScheme<?>) f.get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SdkHttpClient bounded(SdkHttpClient transport) {
    try {
      Constructor<?> c = Class.forName("dev.smsjdbc.aws.BoundedHttpClient")
          .getDeclaredConstructor(SdkHttpClient.class, long.class);
      c.setAccessible(true);
      return (SdkHttpClient) c.newInstance(transport, 64L << 20);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs {@code body} {@code n} times untimed, then 3 × {@code n} times timed; the median round per call. */
  static PerCall time(int n, Runnable body) {
    for (int i = 0; i < n; i++) {
      body.run();
    }
    List<Double> cpu = new ArrayList<>();
    List<Double> wall = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      long c0 = THREADS.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        body.run();
      }
      cpu.add((THREADS.getCurrentThreadCpuTime() - c0) / 1e6 / n);
      wall.add((System.nanoTime() - w0) / 1e6 / n);
    }
    return new PerCall(Measure.median(cpu), Measure.median(wall));
  }

  /** One GetReplicationJobs page of {@code size} jobs, through {@code client}. */
  static Runnable jobsPage(SmsClient client, int size) {
    return () -> SdkLoops.sink += client.getReplicationJobs(b -> b.maxResults(size)).replicationJobList().size();
  }

  /** An HTTP POST on loopback to a JDK HttpServer in this JVM that answers {@code body}: the bare transport. */
  static PerCall loopback(byte[] body, int n) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    ExecutorService executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "bench-loopback");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", exchange -> {
      try (exchange) {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      }
    });
    server.start();
    byte[] request = "{\"maxResults\":25}".getBytes(StandardCharsets.UTF_8);
    try (SdkHttpClient http = UrlConnectionHttpClient.create()) {
      SdkHttpRequest r = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
          .uri(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"))
          .putHeader("Content-Type", "application/x-amz-json-1.1")
          .putHeader("Content-Length", String.valueOf(request.length)).build();
      return time(n, () -> {
        try {
          HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(r)
              .contentStreamProvider(() -> new ByteArrayInputStream(request)).build()).call();
          try (InputStream in = response.responseBody().orElseThrow()) {
            SdkLoops.sink += in.readAllBytes().length;
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } finally {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  /** Handing a task to a pool thread and waiting for its result (as a scan hands each call to an I/O thread). */
  static PerCall handOff(int n) {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      return time(n, () -> {
        try {
          SdkLoops.sink += pool.submit(() -> 1L).get();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
    } finally {
      pool.shutdownNow();
    }
  }

  /** How far {@code Thread.sleep(millis)} overshoots here, in ms (the emulator's latency is such a sleep). */
  static double sleepOvershoot(long millis, int n) throws InterruptedException {
    List<Double> over = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      Thread.sleep(millis);
      over.add((System.nanoTime() - t0) / 1e6 - millis);
    }
    return Measure.median(over);
  }

  /** Signing one GetReplicationJobs request with the driver's SigV4 signer, or else the SDK's. */
  @SuppressWarnings("unchecked")
  static PerCall signing(boolean driverSigner, int n) {
    HttpSigner<AwsCredentialsIdentity> signer = driverSigner
        ? (HttpSigner<AwsCredentialsIdentity>) driverScheme().signer() : AwsV4HttpSigner.create();
    byte[] body = "{\"maxResults\":25}".getBytes(StandardCharsets.UTF_8);
    SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
        .uri(URI.create("http://127.0.0.1:8443/"))
        .putHeader("Content-Type", "application/x-amz-json-1.1")
        .putHeader("X-Amz-Target", "AWSServerMigrationService_V2016_10_24.GetReplicationJobs")
        .putHeader("Content-Length", String.valueOf(body.length)).build();
    AwsCredentialsIdentity identity = AwsCredentialsIdentity.create(SmsEmulator.DEMO_ACCESS_KEY_ID,
        SmsEmulator.DEMO_SECRET_ACCESS_KEY);
    return time(n, () -> SdkLoops.sink += signer.sign(SignRequest.builder(identity).request(request)
        .payload(() -> new ByteArrayInputStream(body))
        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sms").build()).request().headers().size());
  }
}
