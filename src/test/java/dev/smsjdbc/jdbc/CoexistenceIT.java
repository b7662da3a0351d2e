package dev.smsjdbc.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The all jar beside a host's old libraries, loaded as Spark's {@code --jars} loads it: a class loader for the
 * jar whose parent, searched first, holds Guava 16, Jackson 2.15 and commons-lang3 3.1. Every query gives what
 * the jar alone gives.
 */
class CoexistenceIT {
  private static final Path JAR = Path.of(System.getProperty("smsjdbc.allJar"));
  private static final Path HOST_LIB = Path.of(System.getProperty("smsjdbc.hostLib"));
  private static final List<String> QUERIES = List.of(
      "SELECT COUNT(DISTINCT j.replication_job_id), COUNT(*) FROM replication_runs r "
          + "JOIN replication_jobs j ON j.replication_job_id = r.replication_job_id",
      "SELECT state, COUNT(*) AS n FROM replication_runs GROUP BY state ORDER BY n DESC, state",
      "SELECT vm_name, UPPER(state), seed_replication_time FROM replication_jobs WHERE vm_name LIKE '%-0%' "
          + "ORDER BY vm_name LIMIT 5",
      "SELECT j.vm_name, (SELECT MAX(r.completed_time) FROM replication_runs r "
          + "WHERE r.replication_job_id = j.replication_job_id) FROM replication_jobs j ORDER BY 1",
      "SELECT vm_name, ROW_NUMBER() OVER (PARTITION BY state ORDER BY vm_name) FROM replication_jobs ORDER BY 1",
      "SELECT operation, COUNT(*) FROM sms_meta.api_calls GROUP BY operation ORDER BY 1");
  private static final String POINT_LOOKUP =
      "SELECT replication_run_id, state FROM replication_runs WHERE replication_job_id = ? ORDER BY 1";

  private static URLClassLoader host;
  private static URLClassLoader besideHost;
  private static URLClassLoader alone;

  @BeforeAll static void load() throws IOException {
    URL[] hostJars;
    try (Stream<Path> jars = Files.list(HOST_LIB)) {
      hostJars = jars.sorted().map(CoexistenceIT::url).toArray(URL[]::new);
    }
    host = new URLClassLoader(hostJars, ClassLoader.getPlatformClassLoader());
    besideHost = new URLClassLoader(new URL[] {url(JAR)}, host);
    alone = new URLClassLoader(new URL[] {url(JAR)}, ClassLoader.getPlatformClassLoader());
  }

  @AfterAll static void close() throws IOException {
    besideHost.close();
    alone.close();
    host.close();
  }

  /** The premise: the host's Guava 16 wins for Guava's own names, and it lacks what the driver uses. */
  @Test void hostClassesComeFirst() throws Exception {
    Class<?> splitter = besideHost.loadClass("com.google.common.base.Splitter");
    assertSame(host, splitter.getClassLoader());
    assertThrows(NoSuchMethodException.class, () -> splitter.getMethod("splitToStream", CharSequence.class));
    assertSame(host, besideHost.loadClass("org.apache.commons.lang3.StringUtils").getClassLoader());
    assertSame(host, besideHost.loadClass("com.fasterxml.jackson.databind.ObjectMapper").getClassLoader());
  }

  @Test void theQuerySuiteAnswersAsTheJarAlone() throws Exception {
    List<List<List<Object>>> expected = runSuite(alone);
    assertEquals(298L, ((Number) expected.get(0).get(0).get(1)).longValue());
    assertEquals(expected, runSuite(besideHost));
  }

  @Test void metadataAnswersBesideTheHost() throws Exception {
    try (Connection c = driver(besideHost).connect("jdbc:sms:demo=true", new Properties())) {
      DatabaseMetaData md = c.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = md.getTables(null, "sms", "%", null)) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      assertFalse(tables.isEmpty());
      try (ResultSet keys = md.getImportedKeys(null, "sms", "replication_runs")) {
        assertEquals(true, keys.next());
        assertEquals("replication_jobs", keys.getString("PKTABLE_NAME"));
      }
    }
  }

  private static List<List<List<Object>>> runSuite(ClassLoader loader) throws Exception {
    List<List<List<Object>>> results = new ArrayList<>();
    try (Connection c = driver(loader).connect("jdbc:sms:demo=true", new Properties())) {
      for (String sql : QUERIES) {
        results.add(SmsTestDatabase.rows(c, sql));
      }
      String job = (String) SmsTestDatabase.rows(c,
          "SELECT replication_job_id FROM replication_jobs ORDER BY 1 LIMIT 1").get(0).get(0);
      try (PreparedStatement ps = c.prepareStatement(POINT_LOOKUP)) {
        ps.setString(1, job);
        try (ResultSet rs = ps.executeQuery()) {
          results.add(SmsTestDatabase.rows(rs));
        }
      }
    }
    return results;
  }

  private static Driver driver(ClassLoader loader) {
    return ServiceLoader.load(Driver.class, loader).stream().map(ServiceLoader.Provider::get)
        .filter(d -> d.getClass().getName().equals("dev.smsjdbc.jdbc.SmsDriver"))
        .filter(d -> d.getClass().getClassLoader() == loader)
        .findFirst().orElseThrow(() -> new AssertionError("no SmsDriver from " + Arrays.toString(
            ((URLClassLoader) loader).getURLs())));
  }

  private static URL url(Path p) {
    try {
      return p.toUri().toURL();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
