package dev.smsjdbc.aws;

import dev.smsjdbc.api.SmsOperation;
import org.apache.calcite.linq4j.Enumerator;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;

/**
 * Loads the items of many keys (e.g. the runs of each job) with up to {@code window} loads in flight, and
 * streams them in key order as they complete. Keys are pulled lazily, so a key source that pages (the jobs
 * of GetReplicationJobs) is itself consumed as the loads progress. With a row limit, one key is loaded at a
 * time and each load is told how many rows are still wanted. No item comes twice ({@link UniqueKeys}), in
 * one key's pages or across keys.
 */
final class FanOutEnumerator<K, T> implements Enumerator<T>, RegionsEnumerator.Startable {
  private final ScanContext context;
  private final SmsOperation operation;
  private final Enumerator<K> keys;
  private final Loader<K, T> loader;
  private final UniqueKeys<T> unique;
  private final long limit;
  private final int window;
  private final Deque<Future<List<T>>> inFlight = new ArrayDeque<>();
  private boolean keysDone;
  private Iterator<T> batch = Collections.emptyIterator();
  private @Nullable T current;
  private long emitted;

  /** Makes the task that loads the items of one key; {@code wanted} is -1 for all. */
  @FunctionalInterface
  interface Loader<K, T> {
    Callable<List<T>> load(K key, long wanted);
  }

  /**
   * @param limit rows wanted in all, or -1
   * @param window loads in flight when there is no limit
   */
  FanOutEnumerator(ScanContext context, SmsOperation operation, Enumerator<K> keys, Loader<K, T> loader,
      UniqueKeys<T> unique, long limit, int window) {
    this.context = context;
    this.operation = operation;
    this.keys = keys;
    this.loader = loader;
    this.unique = unique;
    this.limit = limit;
    this.window = limit < 0 ? Math.max(1, window) : 1;
  }

  @Override public T current() {
    if (current == null) {
      throw new IllegalStateException();
    }
    return current;
  }

  @Override public boolean moveNext() {
    while (!batch.hasNext()) {
      fill();
      Future<List<T>> next = inFlight.poll();
      if (next == null) {
        current = null;
        return false;
      }
      batch = unique.check(context.await(next, operation.wireName())).iterator();
    }
    current = batch.next();
    emitted++;
    return true;
  }

  /** Starts the first loads, without waiting for them. */
  @Override public void start() {
    fill();
  }

  private void fill() {
    while (!keysDone && inFlight.size() < window) {
      if (!keys.moveNext()) {
        keysDone = true;
        return;
      }
      context.check();
      inFlight.add(context.submit(loader.load(keys.current(), limit < 0 ? -1 : limit - emitted)));
    }
  }

  @Override public void reset() {
    throw new UnsupportedOperationException();
  }

  @Override public void close() {
    context.stop();
    inFlight.forEach(f -> f.cancel(false));
    inFlight.clear();
    keys.close();
  }
}
