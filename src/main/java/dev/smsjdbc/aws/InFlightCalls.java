package dev.smsjdbc.aws;

import org.checkerframework.checker.nullness.qual.Nullable;
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
 * <p>The JDK's {@code HttpURLConnection} (under the SDK's url-connection client) can be disconnected from
 * another thread safely only while its reader waits for the answer's headers: earlier, while it connects,
 * a disconnect is lost and the request may go out half on one socket and half on another; later, it waits
 * for the reader's current read, up to the socket timeout. So an abort disconnects only once the request is
 * written (its body read to the end) and before the headers have come, and the reader fails at once;
 * before, it makes the reader's next read of the request body fail; during the answer's body, its next
 * read of it. The reader then ends the call itself. The JDK keeps an answer body of up to 512 KB that was
 * not read to its end for its keep-alive cleaner (one JDK thread, {@code Keep-Alive-SocketCleaner}, at most
 * 10 queued, the others closed at once), which drains it to reuse the socket: a server that drips such a
 * body keeps that socket until it stops, though no driver thread waits for it. Aborted calls are not
 * retried ({@link DeterministicFailures}).
 */
final class InFlightCalls implements SdkHttpClient {
  /** A call ended by {@link #close} or by an abort; another attempt would end the same way. */
  static final class AbortedException extends IOException {
    private static final long serialVersionUID = 1L;

    AbortedException(String message) {
      super(message);
    }
  }

  /** How long {@link #close} goes on disconnecting calls that still wait for an answer. */
  private static final long REABORT_NANOS = 1_000_000_000L;

  private final SdkHttpClient delegate;
  private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  InFlightCalls(SdkHttpClient delegate) {
    this.delegate = delegate;
  }

  @Override public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    return new Call(request);
  }

  /**
   * Aborts every call in flight, then closes the client under it. A disconnect that races with the JDK
   * client's own steps (it reconnects when a socket closes under it as it sends) can leave the reader
   * waiting on a new socket, so calls still waiting for an answer are disconnected again, for a moment.
   */
  @Override public void close() {
    closed = true;
    long deadline = System.nanoTime() + REABORT_NANOS;
    do {
      List.copyOf(inFlight).forEach(Call::abort);
      if (inFlight.stream().noneMatch(Call::waiting)) {
        break;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    } while (System.nanoTime() - deadline < 0);
    delegate.close();
  }

  @Override public String clientName() {
    return delegate.clientName();
  }

  /** Where a call is: not started, sending, waiting for the answer, reading it, done. */
  private enum State { READY, SENDING, WAITING, BODY, DONE }

  private final class Call implements ExecutableHttpRequest {
    private final ExecutableHttpRequest request;
    private State state = State.READY;
    private boolean aborted;

    Call(HttpExecuteRequest request) {
      HttpExecuteRequest.Builder watched = HttpExecuteRequest.builder().request(request.httpRequest());
      request.metricCollector().ifPresent(watched::metricCollector);
      request.contentStreamProvider().ifPresent(body -> watched.contentStreamProvider(() ->
          new Guarded(body.newStream(), this::sent)));
      this.request = delegate.prepareRequest(watched.build());
    }

    @Override public HttpExecuteResponse call() throws IOException {
      inFlight.add(this);
      try {
        enter(State.SENDING);
        HttpExecuteResponse response = request.call();
        enter(State.BODY);
        if (response.responseBody().isEmpty()) {
          done();
          return response;
        }
        AbortableInputStream body = response.responseBody().get();
        return HttpExecuteResponse.builder().response(response.httpResponse())
            .responseBody(AbortableInputStream.create(new Guarded(body, null), body)).build();
      } catch (IOException | RuntimeException e) {
        boolean wasAborted = isAborted();
        done();
        if (wasAborted) {
          request.abort(); // by the reader itself: the socket is closed, not left to the garbage collector
          if (e instanceof AbortedException) {
            throw e;
          }
          throw (AbortedException) aborted().initCause(e);
        }
        throw e;
      }
    }

    private synchronized void enter(State next) throws AbortedException {
      if (closed || aborted) {
        aborted = true;
        throw aborted();
      }
      state = next;
    }

    /** The request body was read to its end: the request is on its socket, which a disconnect can close. */
    private synchronized void sent() {
      if (state == State.SENDING) {
        state = State.WAITING;
      }
    }

    private synchronized boolean waiting() {
      return state == State.WAITING;
    }

    @Override public void abort() {
      synchronized (this) {
        if (state == State.DONE) {
          return;
        }
        aborted = true;
        if (state != State.WAITING) {
          return; // the reader's next read of a body fails
        }
      }
      request.abort(); // closes the socket: the reader waiting for headers fails at once
    }

    private synchronized boolean isAborted() {
      return aborted;
    }

    private synchronized void done() {
      state = State.DONE;
      inFlight.remove(this);
    }

    private AbortedException aborted() {
      return new AbortedException(closed ? "the connection was closed" : "the call was aborted");
    }

    /**
     * A body of the call, the request's or the answer's: its next read after an abort fails. The request's
     * tells when it is used up; the answer's, when closed, ends the call.
     */
    private final class Guarded extends FilterInputStream {
      private final @Nullable Runnable atEnd;

      Guarded(InputStream in, @Nullable Runnable atEnd) {
        super(in);
        this.atEnd = atEnd;
      }

      @Override public int read() throws IOException {
        check();
        return ended(in.read());
      }

      @Override public int read(byte[] b, int off, int len) throws IOException {
        check();
        return ended(in.read(b, off, len));
      }

      private int ended(int n) throws IOException {
        check();
        if (n < 0 && atEnd != null) {
          atEnd.run();
        }
        return n;
      }

      private void check() throws IOException {
        if (isAborted()) {
          throw aborted();
        }
      }

      @Override public void close() throws IOException {
        if (atEnd == null) {
          done();
        }
        in.close();
      }
    }
  }
}
