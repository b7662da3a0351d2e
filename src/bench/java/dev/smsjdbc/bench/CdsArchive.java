package dev.smsjdbc.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The class-data sharing archive that the start-up and fresh-JVM figures use: written once per run by a
 * sqlline session ({@link Startup#createArchive}), if the class path allows (JDK 17 archives classes from
 * jars only).
 *
 * @param flag the JVM flag that uses it
 * @param seconds how long writing it took
 */
record CdsArchive(Path file, String flag, double seconds, long bytes) {

  static Optional<CdsArchive> create(Path work, List<String> jvmFlags) throws Exception {
    boolean jarsOnly = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .allMatch(s -> s.endsWith(".jar"));
    if (!jarsOnly) {
      System.out.println("\nCDS archive: none (the class path holds directories)");
      return Optional.empty();
    }
    Path file = work.resolve("cds").resolve("sms-sql.jsa").toAbsolutePath();
    Files.createDirectories(file.getParent());
    long t0 = System.nanoTime();
    String flag = Startup.createArchive(file, jvmFlags);
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.println("\nCDS archive: " + (flag == null ? "none" : file) + Report.fmt(" (%.1f s)", seconds));
    return flag == null ? Optional.empty() : Optional.of(new CdsArchive(file, flag, seconds, Files.size(file)));
  }

  /** {@code flags} with this archive's flag added, if there is an archive. */
  static List<String> plus(List<String> flags, Optional<CdsArchive> cds) {
    return cds.map(c -> plus(flags, c.flag())).orElse(flags);
  }

  static List<String> plus(List<String> flags, String... more) {
    List<String> all = new java.util.ArrayList<>(flags);
    all.addAll(List.of(more));
    return all;
  }
}
