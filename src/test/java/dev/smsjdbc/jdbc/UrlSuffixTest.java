package dev.smsjdbc.jdbc;

import org.apache.calcite.avatica.ConnectStringParser;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The driver reads a URL suffix as Avatica's {@code ConnectStringParser} does, which Calcite uses after it. */
class UrlSuffixTest {
  @Test void pairsAreReadAsAvaticaReadsThem() throws SQLException {
    for (String suffix : List.of("", "a=1", "a=1;b=2;", " a = 1 ; b=", "a='x;y';b=\"q\"\"r\"", "a==b=c",
        "a='it''s' ;b=2", "flag", "a=;b=;", "a=1;;b=2")) {
      assertEquals(ConnectStringParser.parse(suffix), UrlSuffix.merge(suffix, new Properties()), suffix);
    }
  }

  @Test void theUrlWinsOverProperties() throws SQLException {
    Properties p = new Properties();
    p.setProperty("a", "from-properties");
    p.setProperty("b", "kept");
    Properties merged = UrlSuffix.merge("a=from-url", p);
    assertEquals("from-url", merged.getProperty("a"));
    assertEquals("kept", merged.getProperty("b"));
    assertEquals("from-properties", p.getProperty("a"), "the caller's Properties are not changed");
  }
}
