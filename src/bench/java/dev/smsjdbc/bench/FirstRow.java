package dev.smsjdbc.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Child JVM of the start-up benchmark: connects, optionally waits (a user's think time), runs one query and
 * prints {@code FIRST_ROW value jvmToRowMs connectMs queryMs jvmToMainMs processCpuMs mainThreadCpuMs
 * loadedClasses} as soon as the first row is there.
 *
 * <p>Arguments: {@code url sql pauseMillis}.
 */
public final class FirstRow {
  private FirstRow() {}

  public static void main(String[] args) throws Exception {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    String url = args[0];
    String sql = args[1];
    long pause = Long.parseLong(args[2]);
    long t0 = System.currentTimeMillis();
    try (Connection c = DriverManager.getConnection(url)) {
      long t1 = System.currentTimeMillis();
      if (pause > 0) {
        Thread.sleep(pause);
      }
      long t2 = System.currentTimeMillis();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        rs.next();
        long t3 = System.currentTimeMillis();
        long processCpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime() / 1_000_000;
        long mainCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
        System.out.println("FIRST_ROW " + rs.getString(1) + " " + (t3 - jvmStart - pause) + " "
            + (t1 - t0) + " " + (t3 - t2) + " " + (t0 - jvmStart) + " " + processCpu + " " + mainCpu + " "
            + ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
        System.out.flush();
      }
    }
  }
}
