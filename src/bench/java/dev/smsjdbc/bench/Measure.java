package dev.smsjdbc.bench;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The median of repeated runs of one thing, with the API calls it made and the heap it used. */
record Measure(long rows, RemoteEmulator.Calls calls, double wallMs, double heapMb, int samples) {

  /** Runs a measured thing once; returns the rows it produced. */
  @FunctionalInterface
  interface Body {
    long run() throws Exception;
  }

  /**
   * Runs {@code body} repeatedly: a first, untimed run (unless it took 2 s or more), then up to 7 timed runs
   * (3 if a run takes 0.3 s or more, 2 if 2 s or more). The emulator's counters are reset before each run.
   */
  static Measure of(RemoteEmulator emulator, Body body) throws Exception {
    List<Double> times = new ArrayList<>();
    long rows = -1;
    RemoteEmulator.Calls calls = null;
    double heap = 0;
    int wanted = 0;
    for (int i = 0; i == 0 || times.size() < wanted; i++) {
      emulator.reset();
      long idle = HeapMeter.start();
      long t0 = System.nanoTime();
      long r = body.run();
      double ms = (System.nanoTime() - t0) / 1e6;
      long peak = HeapMeter.peak();
      RemoteEmulator.Calls c = emulator.calls();
      if (i == 0) {
        wanted = ms < 300 ? 7 : ms < 2000 ? 3 : 2;
        if (ms < 2000) {
          continue;
        }
      }
      if (calls != null && calls.total() != c.total()) {
        System.err.println("warning: calls differ between runs: " + calls + " / " + c);
      }
      times.add(ms);
      rows = r;
      calls = calls == null || c.total() > calls.total() ? c : calls;
      heap = Math.max(heap, HeapMeter.mb(peak - idle));
    }
    return new Measure(rows, calls, median(times), heap, times.size());
  }

  /** Reads every column of every row; returns the rows. */
  static long drain(ResultSet rs) throws SQLException {
    try (rs) {
      int columns = rs.getMetaData().getColumnCount();
      long rows = 0;
      long nonNull = 0;
      while (rs.next()) {
        for (int i = 1; i <= columns; i++) {
          if (rs.getObject(i) != null) {
            nonNull++;
          }
        }
        rows++;
      }
      SdkLoops.sink += nonNull;
      return rows;
    }
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
