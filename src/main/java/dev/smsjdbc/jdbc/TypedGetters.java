package dev.smsjdbc.jdbc;

import org.apache.calcite.avatica.AvaticaResultSet;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Map;
import java.util.function.Function;

/**
 * The result set getters that Avatica gets wrong or lacks, as pgjdbc answers them: JDBC 4.2's
 * {@code getObject(column, Class)} for the usual Java types, and TIMESTAMP values as instants.
 *
 * <p>A TIMESTAMP is held as the wall clock in the session's zone ({@code timeZone}), counted as if it were
 * UTC. Avatica turns it into an instant with the zone's offset at the wrong moment (an hour off near a DST
 * change) and through the JVM's zone; here the wall clock is read exactly ({@code getLong} gives Avatica's
 * raw value) and placed in the zone with {@code java.time}. In the repeated autumn hour a wall clock names
 * two instants; the earlier is taken (as {@link ZonedDateTime#of} does).
 */
final class TypedGetters {
  /** A getter of a ResultSet, for a table of them. */
  @FunctionalInterface
  private interface Getter {
    @Nullable Object get(ResultSet rs, int column) throws SQLException;
  }

  /** The getter behind {@code getObject(column, type)}, for types that are not TIMESTAMP's. */
  private static final Map<Class<?>, Getter> BOXED = Map.of(String.class, ResultSet::getString,
      Integer.class, ResultSet::getInt, Long.class, ResultSet::getLong, Short.class, ResultSet::getShort,
      Byte.class, ResultSet::getByte, Double.class, ResultSet::getDouble, Float.class, ResultSet::getFloat,
      Boolean.class, ResultSet::getBoolean, BigDecimal.class, ResultSet::getBigDecimal);

  /** What a TIMESTAMP, placed in the session's zone, becomes as each type. */
  private static final Map<Class<?>, Function<ZonedDateTime, Object>> FROM_TIMESTAMP = Map.of(
      Timestamp.class, z -> Timestamp.from(z.toInstant()), java.util.Date.class, z -> Timestamp.from(z.toInstant()),
      Object.class, z -> Timestamp.from(z.toInstant()), Instant.class, ZonedDateTime::toInstant,
      OffsetDateTime.class, ZonedDateTime::toOffsetDateTime, ZonedDateTime.class, z -> z,
      LocalDateTime.class, ZonedDateTime::toLocalDateTime, LocalDate.class, ZonedDateTime::toLocalDate,
      LocalTime.class, ZonedDateTime::toLocalTime, Date.class, z -> Date.valueOf(z.toLocalDate()));

  private TypedGetters() {}

  /** Whether {@link #get} answers this call: getObject with a class, and TIMESTAMP values. */
  static boolean handles(AvaticaResultSet rs, String method, @Nullable Object[] args) throws SQLException {
    if (args == null || args.length == 0 || !(args[0] instanceof Integer || args[0] instanceof String)) {
      return false;
    }
    return switch (method) {
      case "getObject" -> args.length == 2 && args[1] instanceof Class
          || args.length == 1 && isTimestamp(rs, column(rs, args[0]));
      case "getTimestamp" -> (args.length == 1 || args[1] instanceof Calendar) && isTimestamp(rs, column(rs, args[0]));
      default -> false;
    };
  }

  static @Nullable Object get(AvaticaResultSet rs, String method, Object[] args) throws SQLException {
    int column = column(rs, args[0]);
    if (method.equals("getTimestamp")) {
      ZoneId zone = args.length == 2 && args[1] != null ? ((Calendar) args[1]).getTimeZone().toZoneId() : zone(rs);
      ZonedDateTime value = zoned(rs, column, zone);
      return value == null ? null : Timestamp.from(value.toInstant());
    }
    return args.length == 1 ? get(rs, column, Timestamp.class) : get(rs, column, (Class<?>) args[1]);
  }

  private static @Nullable Object get(AvaticaResultSet rs, int column, Class<?> type) throws SQLException {
    if (isTimestamp(rs, column)) {
      return timestamp(rs, column, type);
    }
    Getter getter = BOXED.get(type);
    if (getter == null && type == LocalDate.class && rs.getMetaData().getColumnType(column) == Types.DATE) {
      getter = (r, i) -> r.getString(i) == null ? null : LocalDate.parse(r.getString(i));
    }
    if (getter == null) {
      return rs.getObject(column, type); // Avatica's answer, or its SQLDataException
    }
    Object value = getter.get(rs, column);
    return rs.wasNull() ? null : value;
  }

  private static @Nullable Object timestamp(AvaticaResultSet rs, int column, Class<?> type) throws SQLException {
    if (type == String.class) {
      return rs.getString(column);
    }
    Function<ZonedDateTime, Object> conversion = FROM_TIMESTAMP.get(type);
    if (conversion == null) {
      throw new SQLDataException("Cannot convert TIMESTAMP column " + column + " to " + type.getName(),
          SqlState.DATA_TYPE_MISMATCH.code());
    }
    ZonedDateTime value = zoned(rs, column, zone(rs));
    return value == null ? null : conversion.apply(value);
  }

  /** The TIMESTAMP value as the wall clock it is, placed in {@code zone}; null for NULL. */
  private static @Nullable ZonedDateTime zoned(AvaticaResultSet rs, int column, ZoneId zone) throws SQLException {
    long wallMillis = rs.getLong(column);
    if (rs.wasNull()) {
      return null;
    }
    LocalDateTime wall = LocalDateTime.ofEpochSecond(Math.floorDiv(wallMillis, 1000),
        (int) Math.floorMod(wallMillis, 1000) * 1_000_000, ZoneOffset.UTC);
    return ZonedDateTime.of(wall, zone);
  }

  private static ZoneId zone(AvaticaResultSet rs) {
    return rs.getLocalCalendar().getTimeZone().toZoneId();
  }

  private static boolean isTimestamp(ResultSet rs, int column) throws SQLException {
    return rs.getMetaData().getColumnType(column) == Types.TIMESTAMP;
  }

  private static int column(ResultSet rs, Object indexOrLabel) throws SQLException {
    return indexOrLabel instanceof Integer index ? index : rs.findColumn((String) indexOrLabel);
  }
}
