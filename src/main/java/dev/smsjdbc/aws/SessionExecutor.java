package dev.smsjdbc.aws;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;

/**
 * One session's share of the {@link IoThreads}: at most {@code limit} of its calls run at once, the others
 * wait in its own queue, so that one connection cannot take every shared thread and its concurrency stays
 * what {@code maxConcurrency} says. Tasks are single API calls that never wait for each other, so a
 * queued task cannot deadlock one that runs.
 */
final class SessionExecutor {
  private final Executor shared;
  private final int limit;
  private final Queue<FutureTask<?>> waiting = new ArrayDeque<>();
  private int running;

  SessionExecutor(Executor shared, int limit) {
    this.shared = shared;
    this.limit = limit;
  }

  <T> Future<T> submit(Callable<T> call) {
    FutureTask<T> task = new FutureTask<>(call);
    synchronized (this) {
      if (running >= limit) {
        waiting.add(task);
        return task;
      }
      running++;
    }
    start(task);
    return task;
  }

  private void start(FutureTask<?> task) {
    try {
      shared.execute(() -> {
        try {
          task.run();
        } finally {
          next();
        }
      });
    } catch (RejectedExecutionException e) {
      // the session is closed and the pool shut down: nobody waits for the result any more
      task.cancel(false);
      next();
    }
  }

  private void next() {
    FutureTask<?> task;
    synchronized (this) {
      task = waiting.poll();
      if (task == null) {
        running--;
        return;
      }
    }
    start(task);
  }
}
