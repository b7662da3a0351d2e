package dev.smsjdbc.aws;

import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP client of one session, which knows its requests in flight so that {@link #close} can end them:
 * a connection that closes (or an SDK {@code apiCallTimeout} that aborts a call) frees its I/O threads and
 * sockets within one read, whatever the server does.
 *
 * <p>The JDK's {@code HttpURLConnection} (under the SDK's url-connection client) cannot be aborted from
 * another thread once the answer's headers have come: {@code disconnect()} then waits for the reader's
 * current read, up to the socket timeout. So an abort closes the socket only while the headers are awaited
 * (the reader fails at once); during the body it makes the reader's next read fail, and the reader closes
 * the body itself. The JDK then keeps a body of up to 512 KB that was not read to its end for its
 * keep-alive cleaner (one JDK thread, {@code Keep-Alive-SocketCleaner}, at most 10 queued; the others are
 * closed at once), which drains it to reuse the socket: a server that drips such a body keeps that
 * socket until it stops, though no driver thread waits for it. Aborted calls are not retried
 * ({@link DeterministicFailures}).
 */
final class InFlightCalls implements SdkHttpClient {
  /** A call ended by {@link #close} or by an abort; another attempt would end the same way. */
  static final class AbortedException extends IOException {
    private static final long serialVersionUID = 1L;

    AbortedException(String message) {
      super(message);
    }
  }

  private final SdkHttpClient delegate;
  private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  InFlightCalls(SdkHttpClient delegate) {
    this.delegate = delegate;
  }

  @Override public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    return new Call(delegate.prepareRequest(request));
  }

  /** Calls in flight now; for tests. */
  int inFlight() {
    return inFlight.size();
  }

  /** Aborts every call in flight, then closes the client under it. */
  @Override public void close() {
    closed = true;
    List.copyOf(inFlight).forEach(Call::abort);
    delegate.close();
  }

  @Override public String clientName() {
    return delegate.clientName();
  }

  private enum State { READY, HEADERS, BODY, DONE, ABORTED }

  /** One attempt: waiting for headers, reading the body, done or aborted. */
  private final class Call implements ExecutableHttpRequest {
    private final ExecutableHttpRequest request;
    private State state = State.READY;

    Call(ExecutableHttpRequest request) {
      this.request = request;
    }

    @Override public HttpExecuteResponse call() throws IOException {
      inFlight.add(this);
      try {
        synchronized (this) {
          if (closed || state == State.ABORTED) {
            state = State.ABORTED;
            throw aborted();
          }
          state = State.HEADERS;
        }
        HttpExecuteResponse response = request.call();
        synchronized (this) {
          if (state == State.ABORTED) {
            response.responseBody().ifPresent(AbortableInputStream::abort);
            throw aborted();
          }
          if (response.responseBody().isEmpty()) {
            finish();
            return response;
          }
          state = State.BODY;
        }
        AbortableInputStream body = response.responseBody().get();
        return HttpExecuteResponse.builder().response(response.httpResponse())
            .responseBody(AbortableInputStream.create(new Body(body), body)).build();
      } catch (IOException | RuntimeException e) {
        boolean wasAborted;
        synchronized (this) {
          wasAborted = state == State.ABORTED;
          finish();
        }
        if (wasAborted && !(e instanceof AbortedException)) {
          throw (AbortedException) aborted().initCause(e); // e.g. the socket closed under the reader
        }
        throw e;
      }
    }

    @Override public void abort() {
      boolean disconnect;
      synchronized (this) {
        disconnect = state == State.HEADERS || state == State.READY;
        if (state == State.DONE) {
          return;
        }
        state = State.ABORTED;
      }
      if (disconnect) {
        request.abort(); // closes the socket: the reader waiting for headers fails at once
      }
    }

    private synchronized boolean isAborted() {
      return state == State.ABORTED;
    }

    private synchronized void bodyClosed() {
      finish();
    }

    private void finish() {
      if (state != State.ABORTED) {
        state = State.DONE;
      }
      inFlight.remove(this);
    }

    private AbortedException aborted() {
      return new AbortedException(closed ? "the connection was closed" : "the call was aborted");
    }

    /** The answer's body: fails on the first read after an abort. */
    private final class Body extends FilterInputStream {
      Body(InputStream in) {
        super(in);
      }

      @Override public int read() throws IOException {
        check();
        int b = in.read();
        check();
        return b;
      }

      @Override public int read(byte[] b, int off, int len) throws IOException {
        check();
        int n = in.read(b, off, len);
        check();
        return n;
      }

      private void check() throws IOException {
        if (isAborted()) {
          throw aborted();
        }
      }

      @Override public void close() throws IOException {
        bodyClosed();
        in.close();
      }
    }
  }
}
