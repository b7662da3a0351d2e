package dev.smsjdbc.schema;

import org.apache.calcite.linq4j.Enumerator;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.function.LongConsumer;

/**
 * The items of one scan as they stream. With a limit, it stops after that many without asking for another:
 * Calcite's own LIMIT pulls one row more than it returns, which would cost a further API call just to be
 * thrown away. Read to the end, it reports how many items there were (a whole listing's size, for the
 * planner's next estimates).
 */
final class ScanItems<E> implements Enumerator<E> {
  private final Enumerator<E> delegate;
  private final long limit;
  private @Nullable LongConsumer atEnd;
  private long count;

  /**
   * @param limit items wanted, or -1 for all
   * @param atEnd told the number of items once the source has no more, or null
   */
  ScanItems(Enumerator<E> delegate, long limit, @Nullable LongConsumer atEnd) {
    this.delegate = delegate;
    this.limit = limit;
    this.atEnd = atEnd;
  }

  @Override public E current() {
    return delegate.current();
  }

  @Override public boolean moveNext() {
    if (limit >= 0 && count >= limit) {
      return false;
    }
    if (delegate.moveNext()) {
      count++;
      return true;
    }
    if (atEnd != null) {
      atEnd.accept(count);
      atEnd = null;
    }
    return false;
  }

  @Override public void reset() {
    throw new UnsupportedOperationException();
  }

  @Override public void close() {
    delegate.close();
  }
}
