package dev.smsjdbc.aws;

import dev.smsjdbc.api.VisibleText;
import org.checkerframework.checker.nullness.qual.Nullable;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP client under the SDK, bounded against whatever a server sends: an answer is read in full here,
 * up to {@code maxResponseBytes}, before the SDK parses it, so an endless or oversized body fails the call
 * instead of filling the heap; a compressed answer (the driver never asks for one, and a small gzip body can
 * inflate to gigabytes) is refused. Either failure is a {@link RejectedResponseException}, which is not
 * retried ({@link DeterministicFailures}). The body handed on carries its real {@code Content-Length}. A
 * successful SMS answer is checked against the API model here too ({@link AnswerCheck}), and a request whose
 * headers hold a control character is not sent ({@link UnsendableRequestException}).
 */
final class BoundedHttpClient implements SdkHttpClient {
  /** An answer the driver will not read; retrying cannot change it. */
  static class RejectedResponseException extends IOException {
    private static final long serialVersionUID = 1L;

    RejectedResponseException(String message) {
      super(message);
    }
  }

  /**
   * A request with a control character in a header value: the JDK would refuse it with the value, which can
   * only be a credential (the session token, the access key id), in its message. Refused here instead, naming
   * the header only; sending it again cannot help.
   */
  static final class UnsendableRequestException extends IOException {
    private static final long serialVersionUID = 1L;

    UnsendableRequestException(String header) {
      super("the request header " + header + " holds a line break or another control character (its value is"
          + " not shown: it may be a credential)");
    }
  }

  private static final int BUFFER = 64 * 1024;

  private final SdkHttpClient delegate;
  private final long maxResponseBytes;

  BoundedHttpClient(SdkHttpClient delegate, long maxResponseBytes) {
    this.delegate = delegate;
    this.maxResponseBytes = maxResponseBytes;
  }

  @Override public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    String unsendable = headerWithControlCharacters(request.httpRequest());
    if (unsendable != null) { // the JDK client would refuse it as it is prepared, the value in its message
      return new ExecutableHttpRequest() {
        @Override public HttpExecuteResponse call() throws IOException {
          throw new UnsendableRequestException(unsendable);
        }

        @Override public void abort() {}
      };
    }
    ExecutableHttpRequest call = delegate.prepareRequest(request);
    return new ExecutableHttpRequest() {
      @Override public HttpExecuteResponse call() throws IOException {
        return bounded(request.httpRequest(), call.call());
      }

      @Override public void abort() {
        call.abort();
      }
    };
  }

  private static @Nullable String headerWithControlCharacters(SdkHttpRequest request) {
    for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
      if (header.getValue().stream().anyMatch(VisibleText::hasControlCharacters)) {
        return VisibleText.of(header.getKey());
      }
    }
    return null;
  }

  private HttpExecuteResponse bounded(SdkHttpRequest request, HttpExecuteResponse response) throws IOException {
    SdkHttpResponse http = response.httpResponse();
    Optional<String> encoding = http.firstMatchingHeader("Content-Encoding")
        .map(e -> e.trim().toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty() && !e.equals("identity"));
    Optional<AbortableInputStream> body = response.responseBody();
    if (encoding.isPresent()) {
      body.ifPresent(AbortableInputStream::abort);
      throw new RejectedResponseException("the endpoint answered with Content-Encoding " + encoding.get()
          + ", which the driver does not ask for");
    }
    if (body.isEmpty()) {
      return response;
    }
    byte[] bytes = read(body.get());
    AnswerCheck.check(request, http, bytes); // the raw body: the SDK's parser would coerce what does not fit
    return HttpExecuteResponse.builder()
        .response(http.toBuilder().putHeader("Content-Length", String.valueOf(bytes.length)).build())
        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes)))
        .build();
  }

  private byte[] read(AbortableInputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[BUFFER];
    try (InputStream body = in) {
      for (int n; (n = body.read(buffer)) >= 0; ) {
        if (out.size() + (long) n > maxResponseBytes) {
          in.abort(); // do not drain an endless body to reuse the connection
          throw new RejectedResponseException("the answer is larger than maxResponseSize=" + maxResponseBytes
              + " bytes");
        }
        out.write(buffer, 0, n);
      }
    }
    return out.toByteArray();
  }

  @Override public String clientName() {
    return delegate.clientName();
  }

  @Override public void close() {
    delegate.close();
  }
}
