package dev.smsjdbc.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An SDK HTTP client that hands each request to the emulator's operations in the same process, without a
 * socket: the SDK still marshals requests, reads responses and maps errors exactly as for a live endpoint,
 * but nothing leaves the JVM. For saved history ({@code archive=}), which needs no endpoint, credentials
 * or network. Signatures are not checked: there is nothing to protect and no one else to answer.
 */
public final class InProcessTransport implements SdkHttpClient {
  private final SmsOperations operations;

  private InProcessTransport(SmsOperations operations) {
    this.operations = operations;
  }

  /** A client that answers from {@code data}, paging and embedding runs as a default emulator does. */
  public static SdkHttpClient serving(EmulatorData data) {
    return new InProcessTransport(new SmsOperations(data, new PageTokens(), 50, 3));
  }

  @Override public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    return new ExecutableHttpRequest() {
      @Override public HttpExecuteResponse call() throws IOException {
        return answer(request);
      }

      @Override public void abort() {
        // answered synchronously: nothing in flight to abort
      }
    };
  }

  private HttpExecuteResponse answer(HttpExecuteRequest request) throws IOException {
    String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
    byte[] body;
    try (InputStream in = request.contentStreamProvider().map(p -> p.newStream())
        .orElseGet(InputStream::nullInputStream)) {
      body = in.readAllBytes();
    }
    int status = 200;
    String errorType = null;
    byte[] response;
    try {
      String operation = target.startsWith(SmsOperations.TARGET_PREFIX)
          ? target.substring(SmsOperations.TARGET_PREFIX.length()) : target;
      ObjectNode result = operations.handle(operation, ExchangeHandler.parseStrictly(body));
      response = WireJson.compact(result).getBytes(StandardCharsets.UTF_8);
    } catch (ApiError e) {
      status = e.status();
      errorType = e.type();
      response = ExchangeHandler.errorBody(e.type(), e.getMessage());
    }
    SdkHttpResponse.Builder http = SdkHttpResponse.builder().statusCode(status)
        .putHeader("Content-Type", ExchangeHandler.CONTENT_TYPE)
        .putHeader("Content-Length", String.valueOf(response.length))
        .putHeader("x-amzn-RequestId", UUID.randomUUID().toString());
    if (errorType != null) {
      http.putHeader("x-amzn-ErrorType", errorType);
    }
    return HttpExecuteResponse.builder().response(http.build())
        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(response))).build();
  }

  @Override public String clientName() {
    return "sms-archive";
  }

  @Override public void close() {
    // holds nothing
  }
}
