package dev.smsjdbc.jdbc;

import dev.smsjdbc.jdbc.SmsSqlLauncherIT.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Which java {@code bin/sms-sql} runs and which start-up cache it gives it ({@code --print-jvm-mode}): the
 * newest JDK 17+ unless {@code JAVA} says otherwise, an AOT cache on JDK 25+, class-data sharing before.
 * Fake JDKs (a {@code release} file and a {@code bin/java} that is never run) keep it independent of the
 * machine, but for the one test that records a real AOT cache.
 */
class SmsSqlJvmModeIT {
  @TempDir Path dir;

  @Test void withoutJavaItRunsTheNewestJdkOf17OrLater() throws Exception {
    Path jdks = dir.resolve("jvm");
    for (String version : new String[] {"11.0.2", "21.0.4", "25.0.1", "1.8.0_402"}) {
      fakeJdk(jdks.resolve("jdk-" + version), version);
    }
    Result r = mode(Map.of("SMS_SQL_JDK_DIRS", jdks.toString(), "JAVA_HOME", ""));
    assertEquals("java " + jdks.resolve("jdk-25.0.1/bin/java") + " (JDK 25), start-up: aot-training ("
        + dir.resolve("cache/sms-sql-jdk25.aot") + ")\n", r.out());
  }

  @Test void javaOverridesTheChoiceAndTheCacheFollowsItsVersion() throws Exception {
    Path jdk21 = fakeJdk(dir.resolve("jdk-21"), "21.0.4");
    fakeJdk(dir.resolve("jvm/jdk-25"), "25.0.1");
    Result r = mode(Map.of("JAVA", jdk21.resolve("bin/java").toString(), "SMS_SQL_JDK_DIRS", dir.resolve("jvm").toString()));
    assertEquals("java " + jdk21.resolve("bin/java") + " (JDK 21), start-up: cds-recording ("
        + dir.resolve("cache/sms-sql.jsa") + ")\n", r.out());
  }

  @Test void noStartUpCacheWhenTurnedOff() throws Exception {
    Path jdk = fakeJdk(dir.resolve("jdk-25"), "25.0.1");
    Result r = mode(Map.of("JAVA", jdk.resolve("bin/java").toString(), "SMS_SQL_CDS", "0"));
    assertEquals("java " + jdk.resolve("bin/java") + " (JDK 25), start-up: none\n", r.out());
  }

  /** The one test that runs JDK 25: the first command trains in the background, the next ones use the cache. */
  @Test void onJdk25TheFirstRunRecordsAnAotCacheThatLaterRunsUse() throws Exception {
    Optional<Path> jdk25 = installedJdk(25);
    assumeTrue(jdk25.isPresent(), "no JDK 25+ under /usr/lib/jvm");
    Map<String, String> env = Map.of("JAVA", jdk25.get().resolve("bin/java").toString(),
        "SMS_SQL_CACHE_DIR", dir.resolve("cache").toString());
    Result first = SmsSqlLauncherIT.run(env, "-e", "VALUES 1");
    assertEquals(0, first.status(), first.err());
    assertEquals("\"EXPR$0\"\n\"1\"\n", first.out());
    assertEquals("", first.err(), "no JDK warnings");
    Path key = dir.resolve("cache/sms-sql-jdk25.aot.key");
    long deadline = System.nanoTime() + 180_000_000_000L;  // the training takes ~10 s of CPU
    while (!Files.exists(key) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertTrue(Files.exists(key), "no AOT cache within 3 minutes");
    assertTrue(SmsSqlLauncherIT.run(env, "--print-jvm-mode").out().contains("start-up: aot ("),
        "the next start uses the cache");
    Result later = SmsSqlLauncherIT.run(env, "-e", "VALUES 2");
    assertEquals("\"EXPR$0\"\n\"2\"\n", later.out());
    assertEquals("", later.err(), "no warnings, the cache accepted");
    assertFalse(Files.exists(dir.resolve("cache/sms-sql-jdk25.aot.lock")), "the training's lock is released");
  }

  private Result mode(Map<String, String> env) throws IOException, InterruptedException {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("SMS_SQL_CACHE_DIR", dir.resolve("cache").toString());
    Result r = SmsSqlLauncherIT.run(all, "--print-jvm-mode");
    assertEquals(0, r.status(), r.err());
    return r;
  }

  private static Path fakeJdk(Path home, String version) throws IOException {
    Files.createDirectories(home.resolve("bin"));
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\nIMPLEMENTOR=\"test\"\n");
    Path java = home.resolve("bin/java");
    Files.writeString(java, "#!/bin/sh\necho 'the fake java ran' >&2\nexit 99\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return home;
  }

  private static Optional<Path> installedJdk(int minMajor) throws IOException {
    Path jvm = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvm)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(jvm)) {
      return homes.filter(h -> Files.isExecutable(h.resolve("bin/java")) && major(h) >= minMajor)
          .max(Comparator.comparingInt(SmsSqlJvmModeIT::major));
    }
  }

  private static int major(Path home) {
    try {
      return Files.readAllLines(home.resolve("release")).stream().filter(l -> l.startsWith("JAVA_VERSION="))
          .map(l -> l.replaceAll("JAVA_VERSION=\"(\\d+).*", "$1")).mapToInt(Integer::parseInt).findFirst().orElse(0);
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }
}
