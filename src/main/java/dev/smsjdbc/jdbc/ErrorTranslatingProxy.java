package dev.smsjdbc.jdbc;

import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaStatement;
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
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Wraps the JDBC objects Calcite hands out so that every failure reaches the user as an {@link SQLException}
 * with an SQLState ({@link ErrorTranslator}). Calcite's connection, statement and result set classes are
 * package-private, so they cannot be subclassed; a proxy per interface is the one place to catch what they
 * throw.
 *
 * <p>Being a proxy, it also keeps the wrappers' identity (unwrap, equals, a child's parent is its wrapper),
 * and it answers {@code getWarnings}/{@code clearWarnings}, which Avatica hard-wires to "none", from
 * {@link StatementWarnings} (statements) and {@link ConnectionWarnings} (the connection); it clears a
 * statement's cancel flag as an execution starts ({@link StatementFlags#clearCancel}), hands
 * {@code getObject(column, Class)} and TIMESTAMP getters to {@link TypedGetters}, the parameter values
 * Avatica mishandles to {@link ParameterValues}, and a result's column sizes to {@link ResultSetSizes}; and
 * it refuses the use of closed objects ({@link #refuseIfClosed}). It does nothing else.
 */
final class ErrorTranslatingProxy implements InvocationHandler {
  /** Interfaces whose instances are wrapped when a wrapped method is declared to return one. */
  private static final Set<Class<?>> WRAPPED = Set.of(CallableStatement.class, PreparedStatement.class,
      Statement.class, ResultSet.class, ResultSetMetaData.class, DatabaseMetaData.class, Connection.class);

  /** Methods that work on closed objects too (JDBC: close and isClosed may be called again, isValid says no). */
  private static final Set<String> ALWAYS_ALLOWED = Set.of("close", "isClosed", "isValid", "abort", "equals",
      "hashCode", "toString", "unwrap", "isWrapperFor", "getConnection", "getStatement");

  private final Object target;
  private final @Nullable Object parent;
  /** The connection everything wrapped here came from: when it is closed, they are closed too. */
  private final Connection connection;

  private ErrorTranslatingProxy(Object target, @Nullable Object parent, Connection connection) {
    this.target = target;
    this.parent = parent;
    this.connection = connection;
  }

  static Connection wrap(Connection connection) {
    return (Connection) wrap(connection, Connection.class, null, connection);
  }

  private static Object wrap(Object target, Class<?> iface, @Nullable Object parent, Connection connection) {
    return Proxy.newProxyInstance(ErrorTranslatingProxy.class.getClassLoader(), new Class<?>[] {iface},
        new ErrorTranslatingProxy(target, parent, connection));
  }

  @Override public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args)
      throws Throwable {
    boolean statementLike = target instanceof AvaticaStatement || target instanceof ResultSet;
    if (!ALWAYS_ALLOWED.contains(method.getName())) {
      refuseIfClosed();
    }
    switch (method.getName()) {
    case "isClosed":
      // Calcite leaves a closed connection's statements and result sets open; by JDBC they close with it.
      if (target != connection && !(target instanceof ResultSetMetaData) && connection.isClosed()) {
        return true;
      }
      break;
    case "unwrap":
      return ((Class<?>) args[0]).isInstance(proxy) ? proxy : call(() -> method.invoke(target, args));
    case "isWrapperFor":
      return ((Class<?>) args[0]).isInstance(proxy) || (Boolean) call(() -> method.invoke(target, args));
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
    case "getWarnings":
      if (statementLike) {
        return StatementWarnings.get(target);
      }
      if (target instanceof Connection) {
        return ConnectionWarnings.get(target);
      }
      break;
    case "clearWarnings":
      if (statementLike) {
        StatementWarnings.clear(target);
        return null;
      }
      if (target instanceof Connection) {
        ConnectionWarnings.clear(target);
        return null;
      }
      break;
    case "getPrecision":
    case "getScale":
    case "getColumnDisplaySize":
      if (target instanceof ResultSetMetaData md) {
        return ResultSetSizes.get(md, method, (Integer) args[0]);
      }
      break;
    case "cancel":
      // Avatica's cancel() waits for the statement's lock, which its execution holds while planning.
      StatementFlags.cancel(target);
      break;
    default:
      break;
    }
    String name = method.getName();
    if (target instanceof AvaticaStatement && name.startsWith("execute")) {
      StatementFlags.clearCancel(target);
    }
    if (target instanceof AvaticaResultSet rs && (boolean) call(() -> TypedGetters.handles(rs, name, args))) {
      return call(() -> TypedGetters.get(rs, name, args));
    }
    if (target instanceof AvaticaPreparedStatement ps
        && (boolean) call(() -> ParameterValues.handles(ps, name, args))) {
      return call(() -> ParameterValues.set(ps, args));
    }
    Object result;
    try (PlanningDeadline ignored = PlanningDeadline.enter(target, name)) {
      result = call(() -> method.invoke(target, args));
    }
    return result == null || !WRAPPED.contains(method.getReturnType())
        ? result : wrap(result, method.getReturnType(), proxy, connection);
  }

  /**
   * A closed connection, and everything of it, fails with 08003 (pgjdbc: "This connection has been closed");
   * a closed statement or result set with 55000 (pgjdbc: "This statement has been closed"). Avatica would
   * let a closed connection's result set go on reading, and says HY000 for the others.
   */
  private void refuseIfClosed() throws SQLException {
    if (target instanceof ResultSetMetaData) {
      return; // a description of columns, read from memory
    }
    if (connection.isClosed()) {
      throw closedConnection(null);
    }
    if (target instanceof Statement statement && statement.isClosed()) {
      throw new SQLException("Statement closed", SqlState.OBJECT_NOT_IN_STATE.code());
    }
    if (target instanceof ResultSet resultSet && resultSet.isClosed()) {
      throw new SQLException("ResultSet closed", SqlState.OBJECT_NOT_IN_STATE.code());
    }
  }

  private static SQLException closedConnection(@Nullable Throwable cause) {
    return new SQLNonTransientConnectionException(cause == null ? "Connection closed"
        : "Connection closed while the statement ran", SqlState.CONNECTION_DOES_NOT_EXIST.code(), cause);
  }

  private @Nullable Object call(Callable<?> call) throws Throwable {
    try {
      return call.call();
    } catch (InvocationTargetException | RuntimeException | SQLException e) {
      Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
      if (cause instanceof VirtualMachineError && !(cause instanceof StackOverflowError)) {
        throw cause; // out of memory: nothing a caller could handle as an SQL error
      }
      if (target != connection && connection.isClosed()) {
        throw closedConnection(cause); // whatever the statement saw then, e.g. its call aborted
      }
      SQLException translated = ErrorTranslator.translate(cause);
      // Avatica reports a cancelled statement without SQLState; the statement's flag says what happened.
      if (SqlState.GENERAL_ERROR.code().equals(translated.getSQLState()) && StatementFlags.isCancelled(target)) {
        throw ErrorTranslator.cancelled(cause);
      }
      throw translated;
    }
  }
}
