package dev.smsjdbc.jdbc;

import org.checkerframework.checker.nullness.qual.Nullable;

import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * {@code Driver.getPropertyInfo}: what DBeaver's "Driver properties" tab and similar dialogs list. Exactly
 * the {@link ConnectionKey}s, which are all that {@code connect} accepts (Calcite's own list would offer
 * dozens of internals that are rejected or fail).
 */
final class DriverProperties {
  private DriverProperties() {}

  /** Each key with the value the URL suffix or {@code info} gives, else its default; secrets empty. */
  static DriverPropertyInfo[] of(String urlSuffix, @Nullable Properties info) throws SQLException {
    Properties merged = UrlSuffix.merge(urlSuffix, info == null ? new Properties() : info);
    Map<ConnectionKey, String> given = new EnumMap<>(ConnectionKey.class);
    for (String name : merged.stringPropertyNames()) {
      ConnectionKey.of(name).ifPresent(k -> given.put(k, merged.getProperty(name)));
    }
    ConnectionKey[] keys = ConnectionKey.values();
    DriverPropertyInfo[] result = new DriverPropertyInfo[keys.length];
    for (int i = 0; i < keys.length; i++) {
      ConnectionKey key = keys[i];
      String value = key.isSecret() ? "" : given.getOrDefault(key, key.defaultText());
      DriverPropertyInfo property = new DriverPropertyInfo(key.key, value);
      property.description = key.description();
      property.required = false;
      property.choices = key.choices().isEmpty() ? null : key.choices().toArray(String[]::new);
      result[i] = property;
    }
    return result;
  }
}
