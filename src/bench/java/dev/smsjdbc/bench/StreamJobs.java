package dev.smsjdbc.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Child JVM of the streaming benchmark (run under a small {@code -Xmx}): {@code SELECT *} over every job,
 * every column of every row read, then prints {@code STREAM rows millis peakHeapMb maxLiveAfterGcMb
 * collections maxHeapMb}.
 *
 * <p>Arguments: {@code url}.
 */
public final class StreamJobs {
  private StreamJobs() {}

  public static void main(String[] args) throws Exception {
    HeapMeter.start();
    long rows = 0;
    long chars = 0;
    long t0 = System.nanoTime();
    try (Connection c = DriverManager.getConnection(args[0]);
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT * FROM replication_jobs")) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= columns; i++) {
          Object value = rs.getObject(i);
          chars += value == null ? 0 : 1;
        }
        rows++;
      }
    }
    long millis = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf(java.util.Locale.ROOT, "STREAM %d %d %.1f %.1f %d %.1f %d%n", rows, millis,
        HeapMeter.mb(HeapMeter.peak()), HeapMeter.mb(HeapMeter.maxAfterGc()), HeapMeter.collections(),
        HeapMeter.mb(Runtime.getRuntime().maxMemory()), chars);
  }
}
