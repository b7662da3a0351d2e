package dev.smsjdbc.jdbc;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The declarations themselves: defaults that parse, Avatica types that fit, names found ignoring case. */
class ConnectionKeyTest {
  @Test void everyDefaultIsAValidValueOfItsKey() {
    for (ConnectionKey key : ConnectionKey.values()) {
      assertDoesNotThrow(() -> key.parse(null), key.key);
    }
  }

  @Test void everyAvaticaTypeFitsItsDefaultAndValueClass() {
    for (ConnectionKey key : ConnectionKey.values()) {
      assertTrue(key.type().valid(key.defaultValue(), key.valueClass()), key.key);
    }
  }

  @Test void keysAreFoundIgnoringCase() {
    for (ConnectionKey key : ConnectionKey.values()) {
      assertEquals(key, ConnectionKey.of(key.key.toUpperCase(Locale.ROOT)).orElseThrow());
    }
  }

  @Test void wrapReadsTheValueFromProperties() {
    Properties p = new Properties();
    p.setProperty("PageSize", "7");
    assertEquals(7, ConnectionKey.PAGE_SIZE.wrap(p).getInt());
  }
}
