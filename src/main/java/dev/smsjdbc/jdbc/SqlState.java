package dev.smsjdbc.jdbc;

/**
 * Every SQLState the driver reports, in one place (as pgjdbc's {@code PSQLState}). Classes follow SQL:2016
 * and ODBC where they have one (08 connection, 0A feature not supported, 22 data, 28 authorization,
 * 42 syntax, HY driver), and
 * PostgreSQL's codes where the standard has none (54000, 55000, 57014), so tools that know pgjdbc read them right.
 */
public enum SqlState {
  /** No connection could be made: unreachable endpoint, unknown key, no Region. */
  CONNECTION_UNABLE_TO_CONNECT("08001"),
  /** The connection is closed: any use of it, its statements or result sets (pgjdbc's word for it). */
  CONNECTION_DOES_NOT_EXIST("08003"),
  /** The endpoint failed or throttled while a statement ran. */
  COMMUNICATION_ERROR("08S01"),
  /**
   * The endpoint answered a value the API model does not allow (wrong type or range, an item without its
   * id, an item twice): a data exception, not a connection one (class 08 makes pools evict a sound connection).
   */
  DATA_EXCEPTION("22000"),
  /** A number too large for its type, e.g. an integer overflow. */
  NUMERIC_VALUE_OUT_OF_RANGE("22003"),
  /** Division by zero in an expression. */
  DIVISION_BY_ZERO("22012"),
  /** A value that cannot be cast, e.g. {@code cast('abc' AS INTEGER)}. */
  INVALID_CHARACTER_VALUE_FOR_CAST("22018"),
  /** AWS refused the credentials or their permissions. */
  INVALID_AUTHORIZATION("28000"),
  /** {@code getObject(column, Class)} to a type the column's value cannot become (as pgjdbc). */
  DATA_TYPE_MISMATCH("07006"),
  /** Text given for a TIMESTAMP parameter that is not one. */
  INVALID_DATETIME_FORMAT("22007"),
  /** The driver is read-only: INSERT, UPDATE, DELETE, MERGE and DDL are not supported. */
  FEATURE_NOT_SUPPORTED("0A000"),
  /** The SQL cannot be parsed, or names no such table or column. */
  SYNTAX_ERROR("42000"),
  /** The statement needs more API calls than {@code maxApiCalls}. */
  PROGRAM_LIMIT_EXCEEDED("54000"),
  /** A statement too large or too deeply nested to plan. */
  STATEMENT_TOO_COMPLEX("54001"),
  /** A closed statement or result set used again (as pgjdbc). */
  OBJECT_NOT_IN_STATE("55000"),
  /** {@code Statement.cancel()}. */
  QUERY_CANCELED("57014"),
  /** {@code setQueryTimeout} or {@code apiCallTimeout} ran out. */
  TIMEOUT("HYT00"),
  /** A connection property with a value the driver cannot use. */
  INVALID_ATTRIBUTE_VALUE("HY024"),
  /** A warning that is no other class's, e.g. about the saved history an {@code archive=} connection reads. */
  WARNING("01000"),
  /** Anything else: the message says what. */
  GENERAL_ERROR("HY000");

  private final String code;

  SqlState(String code) {
    this.code = code;
  }

  /** The five-character SQLState. */
  public String code() {
    return code;
  }
}
