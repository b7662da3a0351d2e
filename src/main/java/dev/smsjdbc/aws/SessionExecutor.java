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
  private final Queue<Task<?>> waiting = new ArrayDeque<>();
  private int running;

  int limit() {
    return limit;
  }

  SessionExecutor(Executor shared, int limit) {
    this.shared = shared;
    this.limit = limit;
  }

  <T> Future<T> submit(Callable<T> call) {
    Task<T> task = new Task<>(call);
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

  /** A call that can also fail without running, when the pool no longer takes tasks. */
  private static final class Task<T> extends FutureTask<T> {
    Task(Callable<T> call) {
      super(call);
    }

    void closed() {
      setException(ApiSession.closedError());
    }
  }

  private void start(Task<?> task) {
    try {
      shared.execute(() -> {
        try {
          task.run();
        } finally {
          next();
        }
      });
    } catch (RejectedExecutionException e) {
      // The session is closed and the pool shut down: whoever still waits learns why.
      task.closed();
      next();
    }
  }

  private void next() {
    Task<?> task;
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
