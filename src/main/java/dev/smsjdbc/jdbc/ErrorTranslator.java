package dev.smsjdbc.jdbc;

import dev.smsjdbc.aws.ApiException;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidatorException;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLWarning;

/**
 * The one place where failures become the {@link SQLException} a user sees: the driver's typed
 * {@link ApiException}s by their kind, Calcite's parse and validation errors as syntax errors, and whatever
 * else with {@link SqlState#GENERAL_ERROR}. Avatica re-wraps failures into SQLExceptions without SQLState
 * ("Error while executing SQL ..."), so the cause chain is searched for the most telling one; nothing is
 * recognised by its message text.
 */
public final class ErrorTranslator {
  private ErrorTranslator() {}

  /** The SQLException to report for {@code t}. */
  public static SQLException translate(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ApiException api) {
        return fromApi(api);
      }
      if (c instanceof SQLException sql && sql.getSQLState() != null) {
        return sql;
      }
      if (c instanceof SqlParseException parse) {
        return new SQLSyntaxErrorException(parseMessage(parse), SqlState.SYNTAX_ERROR.code(), t);
      }
      if (c instanceof CalciteContextException || c instanceof SqlValidatorException) {
        return new SQLSyntaxErrorException(c.getMessage(), SqlState.SYNTAX_ERROR.code(), t);
      }
      if (c instanceof ArithmeticException arithmetic) {
        return arithmetic(arithmetic, t);
      }
      if (c instanceof NumberFormatException) {
        return new SQLDataException("Invalid value for a cast: " + c.getMessage(),
            SqlState.INVALID_CHARACTER_VALUE_FOR_CAST.code(), t);
      }
      if (c instanceof StackOverflowError) {
        return new SQLException("Statement too complex: it is nested too deeply to plan",
            SqlState.STATEMENT_TOO_COMPLEX.code(), t);
      }
    }
    if (t instanceof SQLException sql) {
      return new SQLException(sql.getMessage(), SqlState.GENERAL_ERROR.code(), sql.getErrorCode(), sql);
    }
    return new SQLException(String.valueOf(t.getMessage() != null ? t.getMessage() : t),
        SqlState.GENERAL_ERROR.code(), t);
  }

  /** The failure of a statement that was cancelled: Avatica reports it without SQLState. */
  public static SQLException cancelled(@Nullable Throwable cause) {
    return new SQLException("Statement canceled", SqlState.QUERY_CANCELED.code(), cause);
  }

  /** A failure that did not stop the statement, as the warning that reports it. */
  public static SQLWarning warning(ApiException e) {
    SQLException error = fromApi(e);
    return new SQLWarning(error.getMessage(), error.getSQLState(), error.getCause());
  }

  private static SQLException fromApi(ApiException e) {
    String message = e.getMessage();
    Throwable cause = sdkCause(e);
    return switch (e.kind()) {
      case AUTHENTICATION -> new SQLInvalidAuthorizationSpecException(message,
          SqlState.INVALID_AUTHORIZATION.code(), cause);
      case CONFIGURATION, UNREACHABLE -> new SQLNonTransientConnectionException(message,
          SqlState.CONNECTION_UNABLE_TO_CONNECT.code(), cause);
      case TRANSIENT -> new SQLTransientConnectionException(message, SqlState.COMMUNICATION_ERROR.code(), cause);
      case CALL_TIMEOUT, QUERY_TIMEOUT -> new SQLTimeoutException(message, SqlState.TIMEOUT.code(), cause);
      case CANCELLED -> cancelled(cause);
      case CALL_BUDGET -> new SQLException(message, SqlState.PROGRAM_LIMIT_EXCEEDED.code(), cause);
      case FAILED -> new SQLException(message, SqlState.GENERAL_ERROR.code(), cause);
    };
  }

  /** The SDK's (or the network's) exception behind a chain of ApiExceptions, for the SQLException's cause. */
  private static @Nullable Throwable sdkCause(ApiException e) {
    Throwable c = e.getCause();
    while (c instanceof ApiException inner) {
      c = inner.getCause();
    }
    return c;
  }

  /** The JDK tells division by zero from overflow only in its message ("/ by zero", "integer overflow"). */
  private static SQLException arithmetic(ArithmeticException e, Throwable t) {
    String message = String.valueOf(e.getMessage());
    boolean byZero = message.toLowerCase(java.util.Locale.ROOT).contains("zero");
    return new SQLDataException((byZero ? "Division by zero" : "Numeric value out of range") + " (" + message + ")",
        (byZero ? SqlState.DIVISION_BY_ZERO : SqlState.NUMERIC_VALUE_OUT_OF_RANGE).code(), t);
  }

  private static String parseMessage(SqlParseException parse) {
    String message = String.valueOf(parse.getMessage());
    SqlParserPos pos = parse.getPos();
    if (pos != null && !message.contains(" line ")) {
      message += " (at line " + pos.getLineNum() + ", column " + pos.getColumnNum() + ")";
    }
    return message;
  }
}
