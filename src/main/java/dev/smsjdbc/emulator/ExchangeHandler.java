package dev.smsjdbc.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Serves one HTTP exchange the way the AWS JSON 1.1 front end of SMS does.
 *
 * <p>In order: injected latency; SigV4 authentication; the target ({@code POST /} with
 * {@code X-Amz-Target: AWSServerMigrationService_V2016_10_24.<Operation>}); injected throttling or
 * failure; parsing and checking the body; the operation. Every answer is
 * {@code application/x-amz-json-1.1} with an {@code x-amzn-RequestId}; an error is
 * {@code {"__type": ..., "message": ...}} with the {@code x-amzn-ErrorType} header. Whatever
 * happens, the client gets an answer: anything unexpected becomes a 500 {@code InternalError}.
 *
 * <p>A request without {@code X-Amz-Target} whose {@code Content-Type} is
 * {@code application/x-www-form-urlencoded} is for STS (AWS query protocol) instead: SigV4 for
 * service {@code sts}, then {@link StsOperations}, with XML answers and no injected faults.
 */
final class ExchangeHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ExchangeHandler.class);
  static final String CONTENT_TYPE = "application/x-amz-json-1.1";
  /** Far above any real SMS request; guards the emulator against a runaway client. */
  private static final int MAX_BODY_BYTES = 1 << 20;

  private final SigV4Verifier verifier;
  /** The operations serving each Region's data, by the Region a request is signed for. */
  private final Function<String, SmsOperations> operations;
  private final Faults faults;
  private final StsOperations sts;
  private final Consumer<RecordedRequest> recorder;

  ExchangeHandler(SigV4Verifier verifier, Function<String, SmsOperations> operations, StsOperations sts,
      Faults faults,
      Consumer<RecordedRequest> recorder) {
    this.verifier = verifier;
    this.operations = operations;
    this.sts = sts;
    this.faults = faults;
    this.recorder = recorder;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    if (target == null
        && StsOperations.isQueryRequest(exchange.getRequestHeaders().getFirst("Content-Type"))) {
      handleSts(exchange);
      return;
    }
    String operation = target == null ? ""
        : target.startsWith(SmsOperations.TARGET_PREFIX)
            ? target.substring(SmsOperations.TARGET_PREFIX.length()) : target;
    JsonNode parameters = MissingNode.getInstance();
    int status;
    byte[] response;
    String errorType = null;
    try {
      byte[] body = readBody(exchange);
      parameters = parseLeniently(body);
      status = 200;
      response = serve(exchange, target, operation, body);
    } catch (ApiError e) {
      status = e.status();
      errorType = e.type();
      response = errorBody(e.type(), e.getMessage());
    } catch (Exception | Error e) {
      // Anything at all: a request must always get an answer, or its client would wait for one.
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      LOG.warn("SMS emulator failed on {} request", operation, e);
      ApiError error = ApiError.internalError("An internal error occurred.");
      status = error.status();
      errorType = error.type();
      response = errorBody(error.type(), error.getMessage());
    }
    if (status == 200) {
      faults.succeeded(operation);
    }
    // Recorded before answering, so a client that has its answer sees it counted.
    recorder.accept(new RecordedRequest(operation, parameters, status, accessKeyId(exchange)));
    respond(exchange, status, CONTENT_TYPE, errorType, response, UUID.randomUUID().toString());
  }

  /** Serves an STS request (see {@link StsOperations}). */
  private void handleSts(HttpExchange exchange) throws IOException {
    String requestId = UUID.randomUUID().toString();
    Map<String, String> form = Map.of();
    int status = 200;
    byte[] response;
    try {
      byte[] body = readBody(exchange);
      form = StsOperations.parseForm(body);
      String caller = verify(exchange, body, StsOperations.SERVICE);
      if (!exchange.getRequestMethod().equals("POST")
          || !"/".equals(exchange.getRequestURI().getPath())) {
        throw new ApiError("InvalidAction", 400, "STS accepts only POST / requests here.");
      }
      response = sts.handle(form, caller, requestId).getBytes(StandardCharsets.UTF_8);
    } catch (ApiError e) {
      ApiError error = StsOperations.asStsError(e);
      status = error.status();
      response = StsOperations.errorXml(error, requestId).getBytes(StandardCharsets.UTF_8);
    } catch (RuntimeException e) {
      LOG.warn("SMS emulator failed on STS request", e);
      ApiError error = StsOperations.asStsError(ApiError.internalError("An internal error occurred."));
      status = error.status();
      response = StsOperations.errorXml(error, requestId).getBytes(StandardCharsets.UTF_8);
    }
    recorder.accept(new RecordedRequest(form.getOrDefault("Action", ""), StsOperations.logged(form),
        status, accessKeyId(exchange)));
    respond(exchange, status, StsOperations.CONTENT_TYPE, null, response, requestId);
  }

  private static String accessKeyId(HttpExchange exchange) {
    return SigV4Authorization.accessKeyIdOf(exchange.getRequestHeaders().getFirst("Authorization"));
  }

  /** Verifies the request's SigV4 signature for {@code service}; returns the access key id. */
  private String verify(HttpExchange exchange, byte[] body, String service) {
    return verifier.verify(new SigV4Verifier.Request() {
      @Override public String method() {
        return exchange.getRequestMethod();
      }

      @Override public URI uri() {
        return exchange.getRequestURI();
      }

      @Override public List<String> header(String name) {
        return Objects.requireNonNullElse(exchange.getRequestHeaders().get(name), List.of());
      }

      @Override public byte[] body() {
        return body;
      }
    }, service);
  }

  private byte[] serve(HttpExchange exchange, String target, String operation, byte[] body)
      throws InterruptedException {
    Duration latency = faults.latencyFor(operation);
    if (!latency.isZero()) {
      Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
    }
    verify(exchange, body, SigV4Verifier.SERVICE);
    if (!exchange.getRequestMethod().equals("POST")
        || !"/".equals(exchange.getRequestURI().getPath())) {
      throw ApiError.unknownOperation("SMS accepts only POST / requests.");
    }
    String region = signedRegion(exchange);
    SmsOperations regional = operations.apply(region);
    if (target == null || !target.startsWith(SmsOperations.TARGET_PREFIX)
        || !regional.serves(operation)) {
      throw ApiError.unknownOperation(target == null ? "Missing X-Amz-Target header."
          : "Unknown operation " + target + ".");
    }
    ApiError fault = faults.errorFor(operation, region);
    if (fault != null) {
      throw fault;
    }
    ObjectNode result = regional.handle(operation, parseStrictly(body));
    return corrupt(faults.corruptionFor(operation), result);
  }

  private static byte[] corrupt(Faults.Corruption corruption, ObjectNode result) {
    if (corruption == Faults.Corruption.WRONG_TYPES) {
      result.properties().forEach(e -> {
        if (e.getValue().isArray() || e.getValue().isObject()) {
          e.setValue(TextNode.valueOf("not-a-" + (e.getValue().isArray() ? "list" : "structure")));
        }
      });
    }
    byte[] json = WireJson.compact(result).getBytes(StandardCharsets.UTF_8);
    if (corruption == Faults.Corruption.TRUNCATED) {
      return Arrays.copyOf(json, json.length / 2);
    }
    if (corruption == Faults.Corruption.NOT_JSON) {
      return "<html><body><h1>502 Bad Gateway</h1></body></html>".getBytes(StandardCharsets.UTF_8);
    }
    return json;
  }

  /** The Region of the request's SigV4 credential scope ({@code Credential=key/date/REGION/service/...}). */
  private static String signedRegion(HttpExchange exchange) {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    int start = authorization == null ? -1 : authorization.indexOf("Credential=");
    if (start < 0) {
      return null;
    }
    String[] scope = authorization.substring(start + "Credential=".length()).split("[/,]");
    return scope.length > 2 ? scope[2] : null;
  }

  private static byte[] readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        throw ApiError.serialization(
            "The request body is larger than " + MAX_BODY_BYTES + " bytes.");
      }
      return body;
    }
  }

  /** The body for the request log, or a missing node if it is no JSON. */
  private static JsonNode parseLeniently(byte[] body) {
    try {
      JsonNode node = WireJson.MAPPER.readTree(body);
      return node == null ? MissingNode.getInstance() : node;
    } catch (IOException | RuntimeException e) {
      return MissingNode.getInstance();
    }
  }

  /** The body as the operation's input: a JSON object; an empty body counts as {@code {}}. */
  static ObjectNode parseStrictly(byte[] body) {
    if (body.length == 0) {
      return WireJson.object();
    }
    JsonNode node;
    try {
      node = WireJson.MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiError.serialization("The request body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiError.serialization("The request body could not be read.");
    }
    if (node == null || node.isMissingNode()) {
      return WireJson.object();
    }
    if (!node.isObject()) {
      throw ApiError.serialization("Start of structure or map found where not expected: "
          + "the request body must be a JSON object.");
    }
    return (ObjectNode) node;
  }

  static byte[] errorBody(String type, String message) {
    ObjectNode error = WireJson.object();
    error.put("__type", type);
    if (message != null) {
      error.put("message", message);
    }
    return WireJson.compact(error).getBytes(StandardCharsets.UTF_8);
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String errorType,
      byte[] body, String requestId) throws IOException {
    try (exchange) {
      var headers = exchange.getResponseHeaders();
      headers.set("Content-Type", contentType);
      headers.set("x-amzn-RequestId", requestId);
      if (errorType != null) {
        headers.set("x-amzn-ErrorType", errorType);
      }
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(status, head ? -1 : body.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }
}
