package dev.smsjdbc.aws;

import org.apache.calcite.linq4j.Enumerator;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.sql.SQLException;
import java.util.Collections;
import java.util.Iterator;
import java.util.concurrent.Future;

/**
 * Streams the items of a paginated SMS call. Only one page is held at a time. With prefetch, the next page
 * is requested in the background as soon as the current one arrives, so that paging overlaps consumption;
 * without, only when the current page is used up (for consumers that may stop early).
 * With a row limit, pages ask for no more than the rows still wanted and no page is requested once enough
 * rows have arrived.
 */
final class PagedEnumerator<T> implements Enumerator<T> {
  /** One call of a paginated operation. */
  @FunctionalInterface
  interface PageCall<T> {
    Page<T> fetch(@Nullable String nextToken, int maxResults, int pageNumber) throws Exception;
  }

  private final ScanContext context;
  private final String operation;
  private final PageCall<T> call;
  private final int pageSize;
  private final long limit;
  private final boolean prefetch;

  private boolean started;
  private @Nullable Future<Page<T>> pending;
  private @Nullable String deferredToken;
  private Iterator<T> page = Collections.emptyIterator();
  private @Nullable T current;
  private long received;
  private int pages;

  /**
   * @param limit the number of rows wanted, or -1 for all
   */
  PagedEnumerator(ScanContext context, String operation, int pageSize, long limit, boolean prefetch,
      PageCall<T> call) {
    this.context = context;
    this.operation = operation;
    this.call = call;
    this.pageSize = pageSize;
    this.limit = limit;
    this.prefetch = prefetch;
  }

  @Override public T current() {
    if (current == null) {
      throw new IllegalStateException();
    }
    return current;
  }

  @Override public boolean moveNext() {
    try {
      return advance();
    } catch (SQLException e) {
      throw SmsErrors.sneakyThrow(e);
    }
  }

  private boolean advance() throws SQLException {
    while (!page.hasNext()) {
      if (!started) {
        started = true;
        pending = request(null);
      } else if (deferredToken != null) {
        pending = request(deferredToken);
        deferredToken = null;
      }
      if (pending == null) {
        current = null;
        return false;
      }
      Page<T> next = context.await(pending, operation);
      pending = null;
      received += next.items().size();
      if (next.nextToken() != null && (limit < 0 || received < limit)) {
        if (prefetch) {
          pending = request(next.nextToken());
        } else {
          deferredToken = next.nextToken();
        }
      }
      page = next.items().iterator();
    }
    current = page.next();
    return true;
  }

  private Future<Page<T>> request(@Nullable String token) throws SQLException {
    context.check();
    int maxResults = limit < 0 ? pageSize : (int) Math.max(1, Math.min(pageSize, limit - received));
    int pageNumber = ++pages;
    return context.submit(() -> call.fetch(token, maxResults, pageNumber));
  }

  @Override public void reset() {
    throw new UnsupportedOperationException();
  }

  @Override public void close() {
    context.stop();
    if (pending != null) {
      pending.cancel(false);
      pending = null;
    }
  }
}
