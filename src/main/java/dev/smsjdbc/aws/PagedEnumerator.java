package dev.smsjdbc.aws;

import dev.smsjdbc.api.SmsOperation;
import org.apache.calcite.linq4j.Enumerator;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.Future;

/**
 * Streams the items of a paginated SMS call. Only one page is held at a time. With prefetch, the next page
 * is requested in the background once half of the current one is read, so that paging overlaps
 * consumption; without, only when the current page is used up (for consumers that may stop early).
 * With a row limit, pages ask for no more than the rows still wanted and no page is requested once enough
 * rows have arrived. No item comes twice ({@link UniqueKeys}).
 */
final class PagedEnumerator<T> implements Enumerator<T>, RegionsEnumerator.Startable {
  /** One call of a paginated operation. */
  @FunctionalInterface
  interface PageCall<T> {
    Page<T> fetch(@Nullable String nextToken, int maxResults, int pageNumber) throws Exception;
  }

  private final ScanContext context;
  private final SmsOperation operation;
  private final PageCall<T> call;
  private final int pageSize;
  private final long limit;
  private final boolean prefetch;
  private final UniqueKeys<T> keys;

  private final Set<String> tokensSeen = new HashSet<>();
  private boolean started;
  private @Nullable Future<Page<T>> pending;
  private @Nullable String deferredToken;
  private Iterator<T> page = Collections.emptyIterator();
  private @Nullable T current;
  private long received;
  private int pageRows;
  private int readInPage;
  private int pages;

  /**
   * @param limit the number of rows wanted, or -1 for all
   */
  PagedEnumerator(ScanContext context, SmsOperation operation, int pageSize, long limit, boolean prefetch,
      UniqueKeys<T> keys, PageCall<T> call) {
    this.context = context;
    this.operation = operation;
    this.call = call;
    this.pageSize = pageSize;
    this.limit = limit;
    this.prefetch = prefetch;
    this.keys = keys;
  }

  @Override public T current() {
    if (current == null) {
      throw new IllegalStateException();
    }
    return current;
  }

  @Override public boolean moveNext() {
    return advance();
  }

  /** Requests the first page, without waiting for it. */
  @Override public void start() {
    if (!started) {
      started = true;
      pending = request(null);
    }
  }

  private boolean advance() {
    while (!page.hasNext()) {
      if (!started) {
        start();
      } else if (deferredToken != null) {
        pending = request(deferredToken);
        deferredToken = null;
      }
      if (pending == null) {
        current = null;
        return false;
      }
      Page<T> next = context.await(pending, operation.wireName()).checkedAgainst(tokensSeen, operation);
      pending = null;
      received += next.items().size();
      boolean wanted = next.nextToken() != null && (limit < 0 || received < limit);
      deferredToken = wanted ? next.nextToken() : null;
      page = keys.check(next.items()).iterator();
      pageRows = next.items().size();
      readInPage = 0;
    }
    current = page.next();
    readInPage++;
    // Prefetch once half the page is read: a reader that goes on overlaps the next call with the rest of
    // this page, while one that stops early (setMaxRows, a LIMIT Calcite keeps) costs no extra call.
    if (prefetch && deferredToken != null && readInPage >= (pageRows + 1) / 2) {
      pending = request(deferredToken);
      deferredToken = null;
    }
    return true;
  }


  private Future<Page<T>> request(@Nullable String token) {
    context.check();
    int maxResults = Page.maxResults(pageSize, limit, received);
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
