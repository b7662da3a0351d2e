package dev.smsjdbc.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The jar DBeaver gets, {@code target/sms-jdbc-<version>-all.jar}, loaded alone in a class loader whose parent
 * is the platform class loader (no application class path), as a GUI tool loads a driver jar.
 */
class DriverJarIT {
  private static final Path JAR = Path.of(System.getProperty("smsjdbc.allJar"));
  private static URLClassLoader loader;
  private static Driver driver;

  @BeforeAll static void load() throws IOException {
    loader = new URLClassLoader(new URL[] {JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    driver = ServiceLoader.load(Driver.class, loader).stream()
        .map(ServiceLoader.Provider::get)
        .filter(d -> d.getClass().getName().equals("dev.smsjdbc.jdbc.SmsDriver"))
        .findFirst().orElseThrow(() -> new AssertionError("no SmsDriver among the java.sql.Driver services"));
  }

  @AfterAll static void close() throws IOException {
    loader.close();
  }

  @Test void driverComesFromTheJarThroughJavaSqlDriverServices() {
    assertSame(loader, driver.getClass().getClassLoader());
  }

  @Test void demoConnectionAnswersAJoin() throws Exception {
    try (Connection c = driver.connect("jdbc:sms:demo=true", new Properties());
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT COUNT(DISTINCT j.replication_job_id), COUNT(*) FROM replication_runs r "
             + "JOIN replication_jobs j ON j.replication_job_id = r.replication_job_id")) {
      assertTrue(rs.next());
      assertEquals(12, rs.getInt(1));
      assertEquals(298, rs.getInt(2));
    }
  }

  @Test void metadataNamesTheDriverAndItsVersionFromTheManifest() throws Exception {
    try (Connection c = driver.connect("jdbc:sms:demo=true", new Properties())) {
      DatabaseMetaData md = c.getMetaData();
      assertEquals("sms-jdbc", md.getDriverName());
      try (JarFile jar = new JarFile(JAR.toFile())) {
        assertEquals(jar.getManifest().getMainAttributes().getValue("Implementation-Version"), md.getDriverVersion());
      }
    }
  }

  /** Key metadata goes through a class the driver adds to Calcite's package: it must work from the jar too. */
  @Test void keyMetadataWorksFromTheJar() throws Exception {
    try (Connection c = driver.connect("jdbc:sms:demo=true", new Properties());
         ResultSet keys = c.getMetaData().getImportedKeys(null, "sms", "replication_runs")) {
      assertTrue(keys.next());
      assertEquals("replication_jobs", keys.getString("PKTABLE_NAME"));
    }
  }

  @Test void signaturesOfSignedDependenciesAreStripped() throws IOException {
    assertEquals(List.of(), entries(n -> n.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)")));
  }

  @Test void noSlf4jBindingIsBundled() throws IOException {
    assertEquals(List.of(), entries(n -> n.startsWith("org/slf4j/simple/") || n.startsWith("org/slf4j/jul/")
        || n.equals("META-INF/services/org.slf4j.spi.SLF4JServiceProvider")));
  }

  @Test void theOnlyHttpClientIsUrlConnection() throws IOException {
    assertEquals(List.of(), entries(n -> n.startsWith("software/amazon/awssdk/http/apache/")
        || n.startsWith("software/amazon/awssdk/http/nio/netty/") || n.startsWith("io/netty/")));
    assertEquals("software.amazon.awssdk.http.urlconnection.UrlConnectionSdkHttpService",
        service("software.amazon.awssdk.http.SdkHttpService"));
  }

  /** Calcite's and Avatica's drivers are inside, but DriverManager must not offer jdbc:calcite: from this jar. */
  @Test void theOnlyDriverServiceIsSmsDriver() throws IOException {
    assertEquals("dev.smsjdbc.jdbc.SmsDriver", service("java.sql.Driver"));
  }

  @Test void bundledLibrariesAreRelocatedUnderTheDriversPackage() throws IOException {
    List<String> kept = List.of("dev/smsjdbc/", "org/apache/calcite/", "software/amazon/awssdk/",
        "software/amazon/eventstream/", "org/reactivestreams/", "org/slf4j/");
    assertEquals(List.of(), entries(n -> n.endsWith(".class") && kept.stream().noneMatch(n::startsWith)));
    assertFalse(entries(n -> n.startsWith("dev/smsjdbc/shaded/com/google/common/")).isEmpty());
  }

  @Test void relocatedServicesKeepTheirProviders() throws IOException {
    assertEquals("dev.smsjdbc.shaded.org.codehaus.janino.CompilerFactory",
        service("dev.smsjdbc.shaded.org.codehaus.commons.compiler.ICompilerFactory"));
  }

  private static List<String> entries(java.util.function.Predicate<String> filter) throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      return jar.stream().map(JarEntry::getName).filter(filter).toList();
    }
  }

  /** The non-comment lines of a service file in the jar. */
  private static String service(String name) throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      JarEntry entry = jar.getJarEntry("META-INF/services/" + name);
      assertFalse(entry == null, name);
      String text = new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
      return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .reduce((a, b) -> a + "\n" + b).orElse("");
    }
  }
}
