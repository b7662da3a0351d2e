package dev.smsjdbc.aws;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.util.concurrent.ExecutionError;
import com.google.common.util.concurrent.UncheckedExecutionException;
import software.amazon.awssdk.core.SdkPojo;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The answers of the API calls one execution of a statement made, so that every identical call within it is
 * made once and shared: the jobs listing that both sides of a join read, a job looked up again by a later
 * batch of a {@link dev.smsjdbc.aws.ScanContext key-bound} scan. Every part of the statement then sees the
 * same snapshot. It is separate from the {@code cacheTtl} cache, which spans statements and is off by default.
 * A call that another thread is making is waited for, not repeated. Bounded: beyond {@link #MAX_ITEMS} items
 * the least recently used answers are dropped (a repeat of one of those is made again).
 */
final class StatementPages {
  /** Items (jobs, runs, servers, ...) kept at most: about 15 MB of the largest (jobs with their latest runs). */
  static final long MAX_ITEMS = 5_000;

  private final Cache<ResponseCache.Key, Object> answers = CacheBuilder.newBuilder()
      .maximumWeight(MAX_ITEMS).weigher((ResponseCache.Key key, Object answer) -> items(answer)).build();

  /** The answer of {@code call}, made now unless this statement made it already. */
  @SuppressWarnings("unchecked")
  <R> R get(ResponseCache.Key key, Supplier<R> call) {
    try {
      return (R) answers.get(key, call::get);
    } catch (UncheckedExecutionException | ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ExecutionError e) {
      throw (Error) e.getCause();
    }
  }

  /** The items of an SDK response: the sizes of its lists. */
  private static int items(Object answer) {
    if (!(answer instanceof SdkPojo pojo)) {
      return 1;
    }
    int items = 1;
    for (var field : pojo.sdkFields()) {
      if (field.getValueOrDefault(answer) instanceof List<?> list) {
        items += list.size();
      }
    }
    return items;
  }
}
