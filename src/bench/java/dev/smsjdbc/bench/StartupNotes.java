package dev.smsjdbc.bench;

import static dev.smsjdbc.bench.Report.fmt;

import java.util.Optional;

/** Where the start-up time goes and what helps, with this run's start-up figures. */
final class StartupNotes {
  private StartupNotes() {}

  /**
   * @param defaultCpuMs CPU to the first row, default JVM flags with warm-up
   * @param launcherCpuMs the same with the launcher's flags
   * @param classes classes loaded by the first row with the launcher's flags
   * @param cdsCpuMs the same with the launcher's flags and CDS, if there was an archive
   */
  static void write(Report report, double defaultCpuMs, double launcherCpuMs, double classes,
      Optional<Double> cdsCpuMs) {
    report.text(fmt("""

        ### Start-up notes

        Where the time goes: with the launcher's flags and the warm-up, the JVM has loaded %.0f classes by the
        first row in this run (Calcite, the AWS SDK with its Region metadata, Guava, Jackson, Janino, Avatica
        with protobuf, the JDK, lambda forms; `-Xlog:class+load` tells them apart), then Calcite plans its
        first query: metadata handlers and the plan's code generated and compiled with Janino, planner code
        run cold; with `demo=true`, connect also starts the emulator (demo data parsed with Jackson) and
        builds the SDK client. What helps, measured above:

        """, classes));
    report.text(cdsCpuMs.map(cds -> fmt("""
        - **Class-data sharing** (CDS) maps the classes pre-parsed and pre-verified: with the launcher's flags
          and the warm-up, the JVM's CPU to the first row goes from %.0f ms to %.0f ms (%.2f ×) in this run.
          It belongs in the launcher (`bin/sms-sql`): a dynamic archive is made once per driver jar and JDK
          with `-XX:ArchiveClassesAtExit=FILE`, then used with `-XX:SharedArchiveFile=FILE`. Janino's jars are
          signed, and CDS skips signed jars; the shaded driver jar has no signatures.
        """, launcherCpuMs, cds, cds / launcherCpuMs)).orElse("- **Class-data sharing**: not measured in this run.\n"));
    report.text(fmt("""
        - The driver's **planner warm-up** (`PlannerWarmup`) runs Calcite's first planning in a daemon thread
          from the first connect on: on the other core while connect goes on, and during the user's think
          time. It makes no API call (its queries name an empty job id, which the tables answer without one)
          and touches no user connection (its own connection, an SDK client that cannot call, a budget of 0
          calls). When the first query is sent at once, the cores are already busy (%.0f ms of CPU by the
          first row with the launcher's flags, JIT included): the warm-up takes work off the main thread, not
          necessarily off the wall time. After a pause (a person at a prompt) the first query costs what a
          later one does: compare the two rows of *a user's first query*.
        - **C1 only**, already in `bin/sms-sql`'s flags (`%s`):
          the JVM's CPU to the first row is %.0f ms with the default flags and %.0f ms with the launcher's
          (%.2f ×), both with the warm-up.
        """, launcherCpuMs, String.join(" ", StartupBench.LAUNCHER_FLAGS), defaultCpuMs, launcherCpuMs,
        launcherCpuMs / defaultCpuMs));
  }
}
