package dev.smsjdbc.jdbc;

import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaFactory;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calcite's connection properties other than {@code caseSensitive} are rejected before Calcite reads them:
 * {@code model} reads a file and {@code schemaFactory} loads a class, named by whoever writes the URL.
 */
class CalciteKeysRejectedTest {
  private static SmsTestDatabase db;

  @BeforeAll static void start() {
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(11).jobs(4).runsPerJob(1).servers(1)
        .connectors(1).apps(1)));
  }

  @AfterAll static void stop() {
    db.close();
  }

  /** Counts its instantiations: Calcite instantiates it only if it reads the model or the key. */
  public static final class SpyFactory implements SchemaFactory {
    static final AtomicInteger CREATED = new AtomicInteger();

    public SpyFactory() {
      CREATED.incrementAndGet();
    }

    @Override public Schema create(SchemaPlus parentSchema, String name, Map<String, Object> operand) {
      return new AbstractSchema();
    }
  }

  private static SQLException rejected(String url, Properties p) {
    return assertThrows(SQLException.class, () -> DriverManager.getConnection(url, p).close());
  }

  @Test void aModelFileIsRejectedNamingTheKeyAndIsNotRead(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("model.json");
    Files.writeString(model, "{\"version\": \"1.0\", \"defaultSchema\": \"spy\", \"schemas\": [{\"name\": \"spy\", "
        + "\"type\": \"custom\", \"factory\": \"" + SpyFactory.class.getName() + "\"}]}");
    int before = SpyFactory.CREATED.get();
    SQLException e = rejected(db.url("model=" + model), new Properties());
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("'model'"), e.getMessage());
    assertEquals(before, SpyFactory.CREATED.get(), "the model was read");
  }

  @Test void modelEtcPasswdIsRejectedWith08001() {
    SQLException e = rejected("jdbc:sms:demo=true;model=/etc/passwd", new Properties());
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("'model'") && e.getMessage().contains("Valid keys: region,"), e.getMessage());
  }

  @Test void aSchemaFactoryClassIsRejectedAndNotLoaded() {
    int before = SpyFactory.CREATED.get();
    SQLException e = rejected(db.url("schemaFactory=" + SpyFactory.class.getName(), "schema=spy"), new Properties());
    assertEquals("08001", e.getSQLState());
    assertEquals(before, SpyFactory.CREATED.get());
  }

  @Test void aBadLexIsA08001ErrorNamingTheKeyNotARuntimeException() {
    SQLException e = rejected("jdbc:sms:demo=true;lex=bogus", new Properties());
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("'lex'"), e.getMessage());
  }

  @Test void calciteKeysFromPropertiesAreRejectedToo() {
    Properties p = new Properties();
    p.setProperty("fun", "oracle");
    SQLException e = rejected("jdbc:sms:demo=true", p);
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("'fun'"), e.getMessage());
  }

  @Test void caseSensitiveIsStillPassedToCalcite() throws SQLException {
    try (Connection c = db.connect("caseSensitive=true")) {
      assertEquals(4, SmsTestDatabase.rows(c, "SELECT * FROM replication_jobs").size());
      assertThrows(SQLException.class, () -> SmsTestDatabase.rows(c, "SELECT * FROM REPLICATION_JOBS"));
    }
  }

  @Test void aBadCaseSensitiveValueIsAnErrorNamingTheKey() {
    SQLException e = rejected("jdbc:sms:demo=true;caseSensitive=maybe", new Properties());
    assertEquals("HY024", e.getSQLState());
    assertTrue(e.getMessage().contains("'caseSensitive'") && e.getMessage().contains("maybe"), e.getMessage());
  }
}
