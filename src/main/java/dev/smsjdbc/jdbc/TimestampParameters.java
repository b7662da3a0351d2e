package dev.smsjdbc.jdbc;

import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Text given to a TIMESTAMP parameter ({@code setString}, {@code setObject} with a String), read as the
 * wall clock in the session's zone, as a literal is. Avatica would pass the String where Calcite expects
 * its form of a TIMESTAMP (the wall clock counted as UTC millis) and fail with a ClassCastException.
 */
final class TimestampParameters {
  private TimestampParameters() {}

  static boolean handles(AvaticaPreparedStatement ps, String method, @Nullable Object[] args) throws SQLException {
    return (method.equals("setString") || method.equals("setObject")) && args != null && args.length == 2
        && args[0] instanceof Integer index && args[1] instanceof String
        && ps.getParameterMetaData().getParameterType(index) == Types.TIMESTAMP;
  }

  static @Nullable Object set(AvaticaPreparedStatement ps, Object[] args) throws SQLException {
    String text = ((String) args[1]).trim();
    LocalDateTime wall;
    try {
      wall = LocalDateTime.parse(text.replace(' ', 'T'));
    } catch (DateTimeParseException e) {
      throw new SQLDataException("Not a TIMESTAMP such as 2024-11-03 01:30:00.250: '" + ValueType.shorten(text)
          + "'", SqlState.INVALID_DATETIME_FORMAT.code(), e);
    }
    Instant asUtc = wall.toInstant(ZoneOffset.UTC);
    ps.setLong((Integer) args[0], asUtc.toEpochMilli());
    return null;
  }
}
