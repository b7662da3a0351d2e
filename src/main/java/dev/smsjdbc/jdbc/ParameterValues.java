package dev.smsjdbc.jdbc;

import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * Parameter values Avatica mishandles. Calcite holds a TIMESTAMP as the wall clock in the session's zone
 * counted as UTC millis; Avatica hands it a String or a {@code java.time} value unchanged, and the query
 * fails with a ClassCastException. Here text and {@code LocalDateTime}/{@code LocalDate} are read as the
 * wall clock in the session's zone, as a literal is, and {@code Instant}/{@code OffsetDateTime}/
 * {@code ZonedDateTime} as the instant they name, as {@code setTimestamp} is. Avatica also ignores
 * {@code setObject(i, x, type, scale)} altogether, leaving the parameter unset; it is taken as
 * {@code setObject(i, x, type)}, which in turn cannot take a {@code java.util.Date} for a TIMESTAMP.
 */
final class ParameterValues {
  private ParameterValues() {}

  /** Whether {@link #set} takes this call instead of Avatica. */
  static boolean handles(AvaticaPreparedStatement ps, String method, @Nullable Object[] args) throws SQLException {
    if (args == null || args.length < 2 || !(args[0] instanceof Integer index)) {
      return false;
    }
    boolean setObject = method.equals("setObject");
    if (setObject && args.length == 4) {
      return true;
    }
    Object value = args[1];
    boolean temporal = value instanceof String || value instanceof java.util.Date
        || wallClock(value, ZoneOffset.UTC) != null;
    return (setObject && args.length <= 3 || method.equals("setString") && args.length == 2)
        && temporal && ps.getParameterMetaData().getParameterType(index) == Types.TIMESTAMP;
  }

  static @Nullable Object set(AvaticaPreparedStatement ps, Object[] args) throws SQLException {
    int index = (Integer) args[0];
    Object value = args[1];
    if (ps.getParameterMetaData().getParameterType(index) != Types.TIMESTAMP) {
      ps.setObject(index, value, (Integer) args[2]); // the 4-argument form, on another type
    } else if (value instanceof java.util.Date date) { // Avatica's setObject(i, x, TIMESTAMP) cannot take one
      ps.setTimestamp(index, date instanceof Timestamp t ? t : new Timestamp(date.getTime()));
    } else {
      ZoneId zone = ((AvaticaConnection) ps.getConnection()).getTimeZone().toZoneId();
      LocalDateTime wall = value instanceof String text ? parse(text) : wallClock(value, zone);
      if (wall == null) { // the 4-argument form with a value Avatica converts itself
        ps.setObject(index, value, (Integer) args[2]);
      } else {
        ps.setLong(index, wall.toInstant(ZoneOffset.UTC).toEpochMilli());
      }
    }
    return null;
  }

  /** The wall clock in {@code zone} a {@code java.time} value names, or null for other values. */
  private static @Nullable LocalDateTime wallClock(@Nullable Object value, ZoneId zone) {
    if (value instanceof LocalDateTime wall) {
      return wall;
    }
    if (value instanceof LocalDate date) {
      return date.atStartOfDay();
    }
    Instant instant = value instanceof Instant i ? i
        : value instanceof OffsetDateTime o ? o.toInstant()
        : value instanceof ZonedDateTime z ? z.toInstant()
        : null;
    return instant == null ? null : LocalDateTime.ofInstant(instant, zone);
  }

  private static LocalDateTime parse(String value) throws SQLDataException {
    String text = value.trim();
    try {
      return LocalDateTime.parse(text.replace(' ', 'T'));
    } catch (DateTimeParseException e) {
      throw new SQLDataException("Not a TIMESTAMP such as 2024-11-03 01:30:00.250: '" + ValueType.shorten(text)
          + "'", SqlState.INVALID_DATETIME_FORMAT.code(), e);
    }
  }
}
