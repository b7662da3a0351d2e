package dev.smsjdbc.aws;

import org.apache.calcite.linq4j.Enumerator;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Loads the items of many keys (e.g. the runs of each job) with up to {@code window} loads in flight, and
 * streams them in key order as they complete. Keys are pulled lazily, so a key source that pages (the jobs
 * of GetReplicationJobs) is itself consumed as the loads progress.
 */
final class FanOutEnumerator<K, T> implements Enumerator<T> {
  private final ScanContext context;
  private final String operation;
  private final Enumerator<K> keys;
  private final Function<K, Callable<List<T>>> loader;
  private final int window;
  private final Deque<Future<List<T>>> inFlight = new ArrayDeque<>();
  private boolean keysDone;
  private Iterator<T> batch = Collections.emptyIterator();
  private @Nullable T current;

  FanOutEnumerator(ScanContext context, String operation, Enumerator<K> keys,
      Function<K, Callable<List<T>>> loader, int window) {
    this.context = context;
    this.operation = operation;
    this.keys = keys;
    this.loader = loader;
    this.window = Math.max(1, window);
  }

  @Override public T current() {
    if (current == null) {
      throw new IllegalStateException();
    }
    return current;
  }

  @Override public boolean moveNext() {
    try {
      while (!batch.hasNext()) {
        fill();
        Future<List<T>> next = inFlight.poll();
        if (next == null) {
          current = null;
          return false;
        }
        batch = context.await(next, operation).iterator();
      }
      current = batch.next();
      return true;
    } catch (SQLException e) {
      throw SmsErrors.sneakyThrow(e);
    }
  }

  private void fill() throws SQLException {
    while (!keysDone && inFlight.size() < window) {
      if (!keys.moveNext()) {
        keysDone = true;
        return;
      }
      context.check();
      inFlight.add(context.submit(loader.apply(keys.current())));
    }
  }

  @Override public void reset() {
    throw new UnsupportedOperationException();
  }

  @Override public void close() {
    inFlight.forEach(f -> f.cancel(true));
    inFlight.clear();
    keys.close();
  }
}
