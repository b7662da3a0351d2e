package dev.smsjdbc.jdbc;

import dev.smsjdbc.aws.ApiException;
import dev.smsjdbc.api.VisibleText;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.impl.ParseException;
import org.apache.calcite.sql.parser.impl.Token;
import org.apache.calcite.sql.validate.SqlValidatorException;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLWarning;
import java.util.Set;

/**
 * The one place where failures become the {@link SQLException} a user sees: the driver's typed
 * {@link ApiException}s by their kind, Calcite's parse and validation errors as syntax errors, and whatever
 * else with {@link SqlState#GENERAL_ERROR}. Avatica re-wraps failures into SQLExceptions without SQLState
 * ("Error while executing SQL ..."), so the cause chain is searched for the most telling one; nothing is
 * recognised by its message text. Messages quote the statement, its values and what servers said, so they
 * are {@linkplain VisibleText escaped} here: one line, no terminal escape sequences.
 *
 * <p>Where the statement's text is known (statement preparation), parse and validation errors say it as
 * pgjdbc does: the token at or near the error, its line and column, the text around it, and the closest
 * existing name for an unknown one ({@link NameSuggestions}).
 */
public final class ErrorTranslator {
  /** The longest message of unknown origin passed on whole: it may quote a statement or generated code. */
  private static final int MAX_MESSAGE = 1000;

  private static final Set<String> JANINO_FAILURES = Set.of("org.codehaus.commons.compiler.CompileException",
      "org.codehaus.commons.compiler.InternalCompilerException");

  private ErrorTranslator() {}

  /** The SQLException to report for {@code t}. */
  public static SQLException translate(Throwable t) {
    return translate(t, null);
  }

  /** The SQLException to report for {@code t}, a failure of {@code statement} if not null. */
  static SQLException translate(Throwable t, @Nullable String statement) {
    SQLException tooComplex = tooComplex(t);
    if (tooComplex != null) {
      return tooComplex;
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ApiException api) {
        return fromApi(api);
      }
      if (c instanceof SQLException sql && sql.getSQLState() != null) {
        return sql;
      }
      if (c instanceof SqlParseException parse) {
        return new SQLSyntaxErrorException(VisibleText.of(parseMessage(parse, statement)),
            SqlState.SYNTAX_ERROR.code(), t);
      }
      if (c instanceof CalciteContextException context && statement != null) {
        return new SQLSyntaxErrorException(VisibleText.of(validationMessage(context, statement)),
            SqlState.SYNTAX_ERROR.code(), t);
      }
      if (c instanceof CalciteContextException || c instanceof SqlValidatorException) {
        return new SQLSyntaxErrorException(VisibleText.of(c.getMessage()), SqlState.SYNTAX_ERROR.code(), t);
      }
      if (c instanceof ArithmeticException arithmetic) {
        return arithmetic(arithmetic, t);
      }
      if (c instanceof NumberFormatException) {
        return new SQLDataException("Invalid value for a cast: " + VisibleText.of(c.getMessage()),
            SqlState.INVALID_CHARACTER_VALUE_FOR_CAST.code(), t);
      }
    }
    if (t instanceof SQLException sql) {
      return new SQLException(VisibleText.quoted(String.valueOf(sql.getMessage()), MAX_MESSAGE),
          SqlState.GENERAL_ERROR.code(), sql.getErrorCode(), sql);
    }
    return new SQLException(VisibleText.quoted(String.valueOf(t.getMessage() != null ? t.getMessage() : t),
        MAX_MESSAGE),
        SqlState.GENERAL_ERROR.code(), t);
  }

  /**
   * A statement too large or too deep for Calcite, wherever it shows in the chain (a parse error wraps the
   * parser's): the Java stack ran out (parser, validator, planner or Janino), or the code generated for its
   * plan does not compile (nested too deeply, a method over 64 KB). Calcite's wrapper of a compile failure
   * holds the whole generated source: the cause attached is Janino's exception, not that wrapper.
   */
  private static @Nullable SQLException tooComplex(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof StackOverflowError) {
        return statementTooComplex("it is nested too deeply to plan", c);
      }
      if (isJaninoFailure(c)) {
        return statementTooComplex("the code generated for its plan does not compile", c);
      }
    }
    return null;
  }

  /** Janino's compile errors; Janino is Calcite's runtime dependency, not one the driver compiles against. */
  private static boolean isJaninoFailure(Throwable t) {
    for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
      if (JANINO_FAILURES.contains(c.getName())) {
        return true;
      }
    }
    return false;
  }

  /** A statement that would write: the driver is read-only. */
  static SQLFeatureNotSupportedException readOnly(String verb) {
    return new SQLFeatureNotSupportedException("sms-jdbc is read-only: " + verb + " is not supported",
        SqlState.FEATURE_NOT_SUPPORTED.code());
  }

  /** The failure of a statement that was cancelled: Avatica reports it without SQLState. */
  public static SQLException cancelled(@Nullable Throwable cause) {
    return new SQLException("Statement canceled", SqlState.QUERY_CANCELED.code(), cause);
  }

  /** The statement's query timeout passed before its API calls (while it was prepared): as a scan reports it. */
  static SQLTimeoutException queryTimedOut(long timeoutMillis) {
    return new SQLTimeoutException("Query timed out after " + timeoutMillis + " ms (query timeout)",
        SqlState.TIMEOUT.code());
  }

  /** A statement too large or too deeply nested to plan; {@code why} says which. */
  static SQLException statementTooComplex(String why, @Nullable Throwable cause) {
    return new SQLException("Statement too complex: " + why, SqlState.STATEMENT_TOO_COMPLEX.code(), cause);
  }

  /** A failure that did not stop the statement, as the warning that reports it. */
  public static SQLWarning warning(ApiException e) {
    SQLException error = fromApi(e);
    return new SQLWarning(error.getMessage(), error.getSQLState(), error.getCause());
  }

  private static SQLException fromApi(ApiException e) {
    String message = VisibleText.of(e.getMessage());
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
      case INVALID_ANSWER -> new SQLDataException(message, SqlState.DATA_EXCEPTION.code(), cause);
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
    String message = VisibleText.of(String.valueOf(e.getMessage()));
    boolean byZero = message.toLowerCase(java.util.Locale.ROOT).contains("zero");
    return new SQLDataException((byZero ? "Division by zero" : "Numeric value out of range") + " (" + message + ")",
        (byZero ? SqlState.DIVISION_BY_ZERO : SqlState.NUMERIC_VALUE_OUT_OF_RANGE).code(), t);
  }

  /**
   * {@code Syntax error at or near "selct" at line 1, column 1: selct * from replication_jobs}: the token
   * the parser stopped at (its own token if it has one) and the text around it, instead of Calcite's list of
   * every token it expected.
   */
  private static String parseMessage(SqlParseException parse, @Nullable String sql) {
    if (sql != null && StatementText.withoutTrailingSemicolon(sql).isBlank()) {
      return "Syntax error: the statement is empty"; // Calcite's parser fails on no input with an index error
    }
    SqlParserPos pos = parse.getPos();
    if (sql == null || pos == null) {
      String message = String.valueOf(parse.getMessage());
      return pos == null || message.contains(" line ") ? message
          : message + " (at line " + pos.getLineNum() + ", column " + pos.getColumnNum() + ")";
    }
    Token token = parse.getCause() instanceof ParseException p && p.currentToken != null
        ? p.currentToken.next : null;
    int line = token != null && token.kind != 0 ? token.beginLine : pos.getLineNum();
    int column = token != null && token.kind != 0 ? token.beginColumn : pos.getColumnNum();
    int offset = StatementText.offset(sql, line, column);
    if ((token != null && token.kind == 0) || offset < 0) { // kind 0 is the parser's end of input
      String text = sql.stripTrailing();
      return "Syntax error: the statement ends unexpectedly at line " + line + ", column " + column + ": "
          + StatementText.excerpt(text, text.length());
    }
    String near = token != null && token.image != null ? token.image : StatementText.tokenAt(sql, offset);
    return "Syntax error at or near \"" + near + "\" at line " + line + ", column " + column + ": "
        + StatementText.excerpt(sql, offset);
  }

  /**
   * Calcite's validator message (it starts with the position), and for a name that does not exist the closest
   * one that does: {@code From line 1, column 8 to line 1, column 13: Column 'vm_nme' not found in any table;
   * did you mean "vm_name"?}
   */
  private static String validationMessage(CalciteContextException context, String sql) {
    String name = StatementText.simpleName(StatementText.span(sql, context.getPosLine(), context.getPosColumn(),
        context.getEndPosLine(), context.getEndPosColumn()));
    String suggestion = name == null ? null : NameSuggestions.closest(name);
    return context.getMessage() + (suggestion == null ? "" : "; did you mean \"" + suggestion + "\"?");
  }
}
