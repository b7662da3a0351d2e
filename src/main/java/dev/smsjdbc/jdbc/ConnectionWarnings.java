package dev.smsjdbc.jdbc;

import com.google.common.collect.MapMaker;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.sql.SQLWarning;
import java.util.List;
import java.util.Map;

/**
 * {@code Connection.getWarnings} / {@code clearWarnings}: what the connection's API side noticed when it was
 * set up (e.g. about the saved history of {@code archive=}). Avatica's own always answer null. Kept per
 * Calcite connection, weakly, so the entry goes with the connection.
 */
final class ConnectionWarnings {
  private static final Map<Object, List<String>> NOTICES = new MapMaker().weakKeys().makeMap();

  private ConnectionWarnings() {}

  static void set(Object connection, List<String> notices) {
    if (!notices.isEmpty()) {
      NOTICES.put(connection, List.copyOf(notices));
    }
  }

  /** The connection's warnings, chained, or null. */
  static @Nullable SQLWarning get(Object connection) {
    List<String> notices = NOTICES.getOrDefault(connection, List.of());
    if (notices.isEmpty()) {
      return null;
    }
    SQLWarning first = new SQLWarning(notices.get(0), SqlState.WARNING.code());
    notices.subList(1, notices.size()).forEach(n -> first.setNextWarning(new SQLWarning(n, SqlState.WARNING.code())));
    return first;
  }

  static void clear(Object connection) {
    NOTICES.remove(connection);
  }
}
