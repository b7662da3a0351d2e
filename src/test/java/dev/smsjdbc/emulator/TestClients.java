package dev.smsjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sms.SmsClient;

/** Clients for tests: the real SDK client, raw (signed or unsigned) HTTP, and JSON comparison. */
final class TestClients {
  static final String TARGET_PREFIX = "AWSServerMigrationService_V2016_10_24.";

  private TestClients() {
  }

  /** The SDK client with the demo credentials and no retries. */
  static SmsClient client(SmsEmulator emulator) {
    return client(emulator, AwsBasicCredentials.create(
        SmsEmulator.DEMO_ACCESS_KEY_ID, SmsEmulator.DEMO_SECRET_ACCESS_KEY), false);
  }

  /** The SDK client as an application builds it; {@code retries} false disables SDK retries. */
  static SmsClient client(SmsEmulator emulator, AwsCredentials credentials, boolean retries) {
    return client(emulator.endpoint(), credentials, retries);
  }

  /** The SDK client for an emulator at {@code endpoint}, e.g. in another process. */
  static SmsClient client(URI endpoint, AwsCredentials credentials, boolean retries) {
    return SmsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(o -> {
          if (!retries) {
            o.retryStrategy(AwsRetryStrategy.doNotRetry());
          }
        })
        .build();
  }

  /** An HTTP answer. */
  record Response(int status, Map<String, List<String>> headers, String body) {
    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
      return values == null ? null : values.get(0);
    }

    JsonNode json() {
      try {
        return WireJson.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** POSTs {@code body} to {@code operation}, signed with the demo credentials in us-east-1. */
  static Response post(SmsEmulator emulator, String operation, String body) {
    return signedPost(emulator, "us-east-1", operation == null ? Map.of()
        : Map.of("X-Amz-Target", TARGET_PREFIX + operation), body);
  }

  /** POSTs {@code body} with the given headers, SigV4-signed by the SDK's signer. */
  static Response signedPost(SmsEmulator emulator, String region, Map<String, String> headers,
      String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return send(emulator.endpoint(), "POST",
        signedHeaders(emulator, "sms", region, headers, bytes), bytes);
  }

  /**
   * The headers of a POST of {@code body} to the emulator, signed by the SDK's signer with the demo
   * credentials for {@code service} and {@code region} (Host left out: HttpURLConnection sends the
   * same itself).
   */
  static Map<String, String> signedHeaders(SmsEmulator emulator, String service, String region,
      Map<String, String> headers, byte[] body) {
    SdkHttpRequest.Builder request = SdkHttpRequest.builder()
        .uri(emulator.endpoint())
        .encodedPath("/")
        .method(SdkHttpMethod.POST)
        .putHeader("Content-Type", ExchangeHandler.CONTENT_TYPE);
    headers.forEach(request::putHeader);
    SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
        .identity(AwsCredentialsIdentity.create(
            SmsEmulator.DEMO_ACCESS_KEY_ID, SmsEmulator.DEMO_SECRET_ACCESS_KEY))
        .request(request.build())
        .payload(ContentStreamProvider.fromByteArray(body))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
        .putProperty(AwsV4HttpSigner.REGION_NAME, region)).request();
    Map<String, String> sent = new TreeMap<>();
    signed.forEachHeader((name, values) -> {
      if (!name.equalsIgnoreCase("Host")) {
        sent.put(name, values.get(0));
      }
    });
    return sent;
  }

  /** Sends a request as given, without signing it. */
  static Response send(URI endpoint, String method, Map<String, String> headers, byte[] body) {
    try {
      HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/").toURL().openConnection();
      c.setRequestMethod(method);
      c.setConnectTimeout(5_000);
      c.setReadTimeout(30_000);
      headers.forEach(c::setRequestProperty);
      if (body != null) {
        c.setDoOutput(true);
        try (OutputStream out = c.getOutputStream()) {
          out.write(body);
        }
      }
      int status = c.getResponseCode();
      String text;
      try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
        text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Map<String, List<String>> responseHeaders = new TreeMap<>();
      c.getHeaderFields().forEach((k, v) -> {
        if (k != null) {
          responseHeaders.put(k.toLowerCase(java.util.Locale.ROOT), v);
        }
      });
      return new Response(status, responseHeaders, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An SDK model object in wire form, member by member, through the SDK's own field metadata: wire
   * member names, absent (null) members left out, timestamps as epoch seconds.
   */
  static JsonNode toWire(Object value) {
    if (value instanceof SdkPojo pojo) {
      ObjectNode node = WireJson.object();
      for (SdkField<?> field : pojo.sdkFields()) {
        Object member = field.getValueOrDefault(pojo);
        if (member != null && !isAutoConstructed(member)) {
          node.set(field.locationName(), toWire(member));
        }
      }
      return node;
    }
    if (value instanceof Collection<?> list) {
      ArrayNode array = WireJson.MAPPER.createArrayNode();
      list.forEach(e -> array.add(toWire(e)));
      return array;
    }
    if (value instanceof Instant instant) {
      return WireJson.epochSeconds(instant);
    }
    return WireJson.MAPPER.valueToTree(value);
  }

  private static boolean isAutoConstructed(Object member) {
    return member instanceof software.amazon.awssdk.core.util.SdkAutoConstructList
        || member instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap;
  }

  /** JSON equality that compares numbers by value (1751274622.680 equals 1751274622.68). */
  static boolean sameJson(JsonNode a, JsonNode b) {
    return a.equals((x, y) -> {
      if (x instanceof NumericNode && y instanceof NumericNode) {
        return x.decimalValue().compareTo(y.decimalValue()) == 0 ? 0 : 1;
      }
      return x.equals(y) ? 0 : 1;
    }, b);
  }
}
