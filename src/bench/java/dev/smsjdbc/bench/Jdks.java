package dev.smsjdbc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** The JDKs of this machine (this JVM's, and those under /usr/lib/jvm), by the version in their release file. */
final class Jdks {
  private Jdks() {}

  /** The newest JDK home whose major version is in [min, max]. */
  static Optional<Path> find(int min, int max) throws IOException {
    Path jvm = Path.of("/usr/lib/jvm");
    Stream<Path> homes = Stream.of(Path.of(System.getProperty("java.home")));
    if (Files.isDirectory(jvm)) {
      try (Stream<Path> listed = Files.list(jvm)) {
        homes = Stream.concat(homes, listed.toList().stream());
      }
    }
    return homes.filter(h -> Files.isExecutable(h.resolve("bin/java")))
        .filter(h -> major(h) >= min && major(h) <= max).max(Comparator.comparingInt(Jdks::major));
  }

  static int major(Path home) {
    String v = version(home);
    try {
      return Integer.parseInt(v.replaceAll("^(\\d+).*", "$1"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** JAVA_VERSION of the release file, e.g. 25.0.3; "?" if none. */
  static String version(Path home) {
    try {
      return Files.readAllLines(home.resolve("release")).stream().filter(l -> l.startsWith("JAVA_VERSION="))
          .map(l -> l.substring("JAVA_VERSION=".length()).replace("\"", "")).findFirst().orElse("?");
    } catch (IOException e) {
      return "?";
    }
  }
}
