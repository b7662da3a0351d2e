package dev.smsjdbc.aws;

import org.apache.calcite.linq4j.Enumerator;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The items of several Regions, one Region after another, with every Region's first page requested at the
 * start so that the Regions are queried in parallel. A Region that fails fails the query, naming the
 * Region, or, with {@code partialResults}, is skipped and recorded as a warning of the execution.
 */
final class RegionsEnumerator<T> implements Enumerator<T> {
  /** An enumerator that can request its first page before it is read. */
  interface Startable {
    void start();
  }

  private final ScanContext context;
  private final List<SmsApi> apis;
  private final List<Enumerator<T>> enumerators = new ArrayList<>();
  private final boolean partialResults;
  private int index = -1;
  private @Nullable T current;

  RegionsEnumerator(ScanContext context, List<SmsApi> apis, BiFunction<SmsApi, ScanContext, Enumerator<T>> scan,
      boolean partialResults) {
    this.context = context;
    this.apis = apis;
    this.partialResults = partialResults;
    // Each Region gets a context of its own: a Region that is done (or failed) stops only its own calls.
    apis.forEach(api -> enumerators.add(scan.apply(api, context.child())));
  }

  @Override public T current() {
    if (current == null) {
      throw new IllegalStateException();
    }
    return current;
  }

  @Override public boolean moveNext() {
    if (index < 0) {
      index = 0;
      if (enumerators.size() > 1) {
        enumerators.forEach(e -> {
          if (e instanceof Startable startable) {
            startable.start();
          }
        });
      }
    }
    while (index < enumerators.size()) {
      Enumerator<T> enumerator = enumerators.get(index);
      try {
        if (enumerator.moveNext()) {
          current = enumerator.current();
          return true;
        }
      } catch (Throwable t) {
        failed(apis.get(index).region(), t);
      }
      enumerator.close();
      index++;
    }
    current = null;
    return false;
  }

  private void failed(String region, Throwable t) {
    ApiException e = ApiErrors.classify(t, "Region " + region);
    if (e.kind().stopsStatement()) {
      throw e;
    }
    if (partialResults && enumerators.size() > 1) {
      context.execution().warn(e.in("Region " + region + " failed and its rows are missing"));
      return;
    }
    throw enumerators.size() > 1 ? e.in("Region " + region) : e;
  }

  @Override public void reset() {
    throw new UnsupportedOperationException();
  }

  @Override public void close() {
    context.stop();
    enumerators.forEach(Enumerator::close);
  }
}
