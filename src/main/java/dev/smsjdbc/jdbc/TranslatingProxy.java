package dev.smsjdbc.jdbc;

import dev.smsjdbc.aws.SmsErrors;
import dev.smsjdbc.aws.StatementState;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidatorException;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.SQLSyntaxErrorException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Wraps the JDBC objects Calcite hands out so that every failure reaches the user as an
 * {@link SQLException} whose SQLState says what kind of failure it is.
 *
 * <p>Avatica re-wraps whatever goes wrong while a statement executes into a plain {@code SQLException}
 * without SQLState ("Error while executing SQL ..."), so the driver's own, precise exception (28000 for bad
 * credentials, 08S01 for a failing endpoint, HYT00 for a timeout ...) ends up buried in the cause chain, SQL
 * errors carry no 42000, and a cancelled statement no 57014. Calcite's connection and statement classes are
 * package-private, so they cannot be subclassed; a proxy per interface is the one place to put this right.
 */
final class TranslatingProxy implements InvocationHandler {
  /** The statement-level opt-out of the response cache: {@code SELECT /*+ no_cache *}{@code / ...}. */
  private static final Pattern NO_CACHE = Pattern.compile("/\\*\\+\\s*no_cache\\b", Pattern.CASE_INSENSITIVE);

  /** Interfaces whose instances are wrapped when a wrapped method is declared to return one. */
  private static final Set<Class<?>> WRAPPED = Set.of(CallableStatement.class, PreparedStatement.class,
      Statement.class, ResultSet.class, DatabaseMetaData.class, Connection.class);

  private final Object target;
  private final @Nullable Object parent;
  /** The SQL of a prepared statement, for its per-execution state. */
  private final @Nullable String sql;
  /** For a result set: the rows it may return (its statement's max rows), or 0 for all. */
  private final long maxRows;
  private long rowsReturned;

  private TranslatingProxy(Object target, @Nullable Object parent, @Nullable String sql, long maxRows) {
    this.target = target;
    this.parent = parent;
    this.sql = sql;
    this.maxRows = maxRows;
  }

  static Connection wrap(Connection connection) {
    return (Connection) wrap(connection, Connection.class, null, null, 0);
  }

  private static Object wrap(Object target, Class<?> iface, @Nullable Object parent, @Nullable String sql,
      long maxRows) {
    return Proxy.newProxyInstance(TranslatingProxy.class.getClassLoader(), new Class<?>[] {iface},
        new TranslatingProxy(target, parent, sql, maxRows));
  }

  @Override public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args)
      throws Throwable {
    switch (method.getName()) {
    case "unwrap":
      Class<?> iface = (Class<?>) args[0];
      return iface.isInstance(proxy) ? proxy : method.invoke(target, args);
    case "isWrapperFor":
      return ((Class<?>) args[0]).isInstance(proxy) || (Boolean) method.invoke(target, args);
    case "equals":
      return proxy == args[0];
    case "hashCode":
      return System.identityHashCode(proxy);
    case "getConnection":
    case "getStatement":
      // The parent of a wrapped object is its wrapper, so that callers never see an unwrapped object.
      if (parent != null && method.getReturnType().isInstance(parent)) {
        return parent;
      }
      break;
    case "next":
      // Calcite ignores setMaxRows on a prepared statement: the result set enforces it.
      if (maxRows > 0 && rowsReturned >= maxRows) {
        return false;
      }
      rowsReturned++;
      break;
    case "getWarnings":
      if (target instanceof AvaticaStatement || target instanceof ResultSet) {
        StatementState state = state(target);
        return state == null ? null : state.warnings();
      }
      break;
    case "clearWarnings":
      if (target instanceof AvaticaStatement || target instanceof ResultSet) {
        StatementState state = state(target);
        if (state != null) {
          state.clearWarnings();
        }
        return null;
      }
      break;
    default:
      if (method.getName().startsWith("execute") && target instanceof AvaticaStatement) {
        // A new execution: new id, budget and warnings; the no_cache hint opts this one out of the cache.
        String text = args != null && args.length > 0 && args[0] instanceof String s ? s : sql;
        StatementState state = state(target);
        if (state != null) {
          state.reset(text != null && NO_CACHE.matcher(text).find());
        }
      }
      break;
    }
    Object result;
    try {
      result = method.invoke(target, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw cause instanceof SQLException sql ? clarify(sql) : cause;
    }
    if (result == null || !WRAPPED.contains(method.getReturnType())) {
      return result;
    }
    long resultMaxRows = result instanceof ResultSet && target instanceof PreparedStatement ps ? ps.getMaxRows() : 0;
    return wrap(result, method.getReturnType(), proxy,
        method.getName().equals("prepareStatement") ? (String) args[0] : null, resultMaxRows);
  }

  /**
   * The state of the statement behind a statement or result set (Calcite tells tables its cancel flag), or
   * null where there is none, e.g. for the result sets of {@code DatabaseMetaData}.
   */
  private static @Nullable StatementState state(Object statementOrResultSet) throws SQLException {
    Object statement = statementOrResultSet instanceof ResultSet rs ? rs.getStatement() : statementOrResultSet;
    if (!(statement instanceof AvaticaStatement avatica)) {
      return null;
    }
    try {
      return StatementState.of(avatica.getConnection().getCancelFlag(avatica.handle));
    } catch (NoSuchStatementException e) {
      return null;
    }
  }


  /** The most telling form of a failure that Calcite or Avatica reports. */
  static SQLException clarify(SQLException e) {
    if (e.getSQLState() != null) {
      return e;
    }
    SQLException lost = SmsErrors.recover(e);
    if (lost != null) {
      return lost;
    }
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      if (c instanceof SQLException ours && ours.getSQLState() != null) {
        return ours;
      }
      if (c instanceof SqlParseException parse) {
        String message = parse.getMessage();
        SqlParserPos pos = parse.getPos();
        if (pos != null && message != null && !message.contains(" line ")) {
          message += " (at line " + pos.getLineNum() + ", column " + pos.getColumnNum() + ")";
        }
        return new SQLSyntaxErrorException(message, "42000", e);
      }
      if (c instanceof CalciteContextException || c instanceof SqlValidatorException) {
        return new SQLSyntaxErrorException(c.getMessage(), "42000", e);
      }
    }
    if ("Statement canceled".equals(e.getMessage())) {
      return SmsErrors.cancelled();
    }
    return e;
  }
}
