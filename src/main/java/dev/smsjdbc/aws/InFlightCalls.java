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
 * <p>The JDK's {@code HttpURLConnection} (under the SDK's url-connection client) cannot be aborted safely
 * once the answer's headers have come: {@code disconnect()} then waits for the reader's current read (up to
 * the socket timeout) and hands a body of up to 512 KB to the JDK's keep-alive cleaner, which drains it,
 * one dripped byte at a time, however long that takes. So an abort closes the socket only while the
 * headers are awaited; during the body it makes the reader's next read fail, and the aborted body is left
 * unclosed, its socket freed with the connection object by the garbage collector instead of kept by the
 * cleaner. Either way no driver thread waits, and the failure is not retried ({@link DeterministicFailures}).
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

    private synchronized boolean aborted(boolean finishing) {
      boolean aborted = state == State.ABORTED;
      if (finishing) {
        finish();
      }
      return aborted;
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

    /** The answer's body: fails on the first read after an abort, and stays unclosed then (see above). */
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
        if (aborted(false)) {
          throw aborted();
        }
      }

      @Override public void close() throws IOException {
        if (!aborted(true)) {
          in.close();
        }
      }
    }
  }
}
