package dev.smsjdbc.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Types;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * DBeaver's Generic driver replayed against {@code jdbc:sms:demo=true} as a new user uses it: the calls it
 * makes, in its order, on its connections. It fails on any exception other than {@link SQLException}, on any
 * SQLException without SQLState, and on each defect issue 12 lists.
 *
 * <p>Followed: github.com/dbeaver/dbeaver at commit 2428359b748778a5a345432906ab3da69289c20c (2024-10-24):
 * <ul>
 * <li>{@code plugins/org.jkiss.dbeaver.registry/src/org/jkiss/dbeaver/registry/driver/DriverDescriptor.java}:
 * the driver class is loaded by the driver's own class loader over its jar and instantiated by its
 * constructor;
 * <li>{@code plugins/org.jkiss.dbeaver.model.jdbc/.../impl/jdbc/JDBCDataSource.java}: {@code openConnection}
 * calls {@code Driver.connect(url, Properties)} (not {@code DriverManager}), once for the main context and
 * once for the separate metadata context; {@code initialize} reads the server version and the dialect's
 * driver settings ({@code JDBCSQLDialect.initDriverSettings}) and the data source info
 * ({@code JDBCDataSourceInfo});
 * <li>{@code .../impl/jdbc/JDBCExecutionContext.java}: {@code connect} sets the transaction isolation and
 * auto-commit, then reads auto-commit back;
 * <li>{@code plugins/org.jkiss.dbeaver.ext.generic/.../model/GenericDataSource.java}: {@code initialize}
 * reads the type info, then {@code getCatalogs} and, with no catalog, the schemas;
 * {@code .../model/meta/GenericMetaModel.java}: {@code loadSchemas} ({@code getSchemas}),
 * {@code getTables}, {@code getColumns} with the schema's and table's names escaped by
 * {@code JDBCUtils.escapeWildCards}, {@code getPrimaryKeys}, {@code getImportedKeys}, {@code getExportedKeys},
 * {@code getIndexInfo(..., false, true)}, {@code getFunctions} and {@code getProcedures};
 * <li>{@code .../impl/jdbc/struct/JDBCTable.java}: {@code readData} builds {@code SELECT * FROM sms.t} with the
 * filter's {@code WHERE} and the sort's {@code ORDER BY} (no alias: the Generic dialect has
 * {@code supportsAliasInSelect() == false}) on a plain statement (statement type SCRIPT) whose
 * {@code setLimit} ({@code JDBCStatementImpl}) becomes {@code setMaxRows(200)}, and {@code setMaxRows(400)}
 * with the first 200 rows skipped for the next page; {@code countData} sends
 * {@code SELECT COUNT(*) FROM sms.t} on a prepared statement;
 * <li>{@code .../impl/jdbc/data/handlers/JDBCDateTimeValueHandler.java}: a TIMESTAMP cell is
 * {@code getObject}, shown and turned into a "Filter by value" literal as {@code yyyy-MM-dd HH:mm:ss.SSS} in
 * the JVM's zone ({@code plugins/org.jkiss.dbeaver.ui.editors.data/.../resultset/FilterByAttributeAction.java},
 * {@code StandardSQLDialectQueryGenerator.appendQueryConditions});
 * <li>{@code plugins/org.jkiss.dbeaver.ui.editors.sql/.../execute/SQLQueryJob.java}: each statement of a
 * script on a plain statement with {@code setMaxRows(200)}, {@code execute}, then the result set or update
 * count and the warnings; the grid's Save sends an UPDATE;
 * <li>{@code .../impl/jdbc/JDBCUtils.java} ({@code isConnectionAlive}: {@code isValid}) and
 * {@code JDBCExecutionContext.close}: the disconnect.
 * </ul>
 *
 * <p>It runs on the {@code -all.jar} (hence an IT, after {@code package}) and prints what each data-editor
 * action cost in API calls ({@code sms_meta.api_calls}) to its output file.
 */
class DBeaverReplayIT {
  private static final Path JAR = Path.of(System.getProperty("smsjdbc.allJar"));
  private static final String URL = "jdbc:sms:demo=true";
  private static final List<String> SMS_TABLES =
      List.of("apps", "connectors", "replication_jobs", "replication_runs", "servers");

  private static URLClassLoader loader;
  private static Driver driver;

  @BeforeAll static void loadTheDriverAsDBeaverDoes() throws Exception {
    loader = new URLClassLoader(new URL[] {JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    driver = (Driver) loader.loadClass("dev.smsjdbc.jdbc.SmsDriver").getDeclaredConstructor().newInstance();
  }

  @AfterAll static void close() throws IOException {
    loader.close();
  }

  /** A call DBeaver makes; any failure but an SQLException with an SQLState is a defect. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws Exception;
  }

  static <T> T call(String what, Call<T> call) {
    try {
      return call.run();
    } catch (SQLException e) {
      assertNotNull(e.getSQLState(), () -> what + ": SQLException without SQLState: " + e);
      throw new AssertionError(what + ": " + e, e);
    } catch (Exception | Error e) {
      if (e instanceof AssertionError assertion) {
        throw assertion;
      }
      throw new AssertionError(what + ": not an SQLException: " + e, e);
    }
  }

  /** A call that DBeaver expects to fail: it must fail with an SQLException that has an SQLState. */
  static SQLException failure(String what, Call<?> call) {
    try {
      call.run();
    } catch (SQLException e) {
      assertNotNull(e.getSQLState(), () -> what + ": SQLException without SQLState: " + e);
      return e;
    } catch (Exception | Error e) {
      throw new AssertionError(what + ": not an SQLException: " + e, e);
    }
    throw new AssertionError(what + ": did not fail");
  }

  @Test void newUserSession() throws Exception {
    Properties props = new Properties(); // "No authentication": no user, no password
    DriverPropertyInfo[] info = call("driver properties tab", () -> driver.getPropertyInfo(URL, props));
    List<String> keys = Arrays.stream(info).map(p -> p.name).toList();
    assertTrue(keys.contains("region") && keys.contains("demo") && !keys.contains("lex"), keys.toString());

    try (Connection main = open(props); Connection meta = open(props)) {
      assertNotEquals(main, meta);
      initialize(meta);
      navigate(meta);
      Map<String, Integer> costs = new LinkedHashMap<>();
      for (String table : SMS_TABLES) {
        dataEditor(main, table, costs);
      }
      costs.forEach((action, calls) -> System.out.println("API calls: " + action + " = " + calls));
      sqlEditorScript(main);
      gridSave(main);
      errorText(main);
      for (Connection c : List.of(main, meta)) { // keep-alive (JDBCUtils.isConnectionAlive), then disconnect
        assertTrue(call("isValid", () -> c.isValid(5)), "connection no longer valid");
        call("disconnect", () -> {
          c.close();
          return null;
        });
        assertTrue(call("isClosed", c::isClosed));
      }
    }
  }

  /** JDBCDataSource.openConnection, then JDBCExecutionContext.connect. */
  private static Connection open(Properties props) {
    Connection c = call("connect", () -> driver.connect(URL, props));
    assertNotNull(c, "connect returned null for " + URL);
    call("setTransactionIsolation", () -> {
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      return null;
    });
    call("setAutoCommit", () -> {
      c.setAutoCommit(true);
      return null;
    });
    call("getAutoCommit", c::getAutoCommit);
    call("getTransactionIsolation", c::getTransactionIsolation);
    return c;
  }

  /** JDBCDataSource.initialize, JDBCSQLDialect.initDriverSettings, JDBCDataSourceInfo, GenericDataSource. */
  private static void initialize(Connection c) {
    DatabaseMetaData md = call("getMetaData", c::getMetaData);
    call("server version", () -> md.getDatabaseMajorVersion() + "." + md.getDatabaseMinorVersion());
    call("dialect", () -> List.of(md.getIdentifierQuoteString(), md.getSQLStateType(),
        md.supportsMixedCaseIdentifiers(), md.storesUpperCaseIdentifiers(), md.storesLowerCaseIdentifiers(),
        md.getSearchStringEscape(), md.getCatalogSeparator(), md.supportsSchemasInDataManipulation(),
        md.getExtraNameCharacters(), md.isCatalogAtStart(), md.getSQLKeywords(), md.getNumericFunctions(),
        md.getStringFunctions(), md.getSystemFunctions(), md.getTimeDateFunctions()));
    call("data source info", () -> List.of(md.isReadOnly(), md.getDatabaseProductName(),
        md.getDatabaseProductVersion(), md.getDriverName(), md.getDriverVersion(), md.getSchemaTerm(),
        md.getProcedureTerm(), md.getCatalogTerm(), md.supportsBatchUpdates(), md.supportsTransactions()));
    call("getTypeInfo", () -> rows(md.getTypeInfo()));
    List<Map<String, Object>> catalogs = call("getCatalogs", () -> rows(md.getCatalogs()));
    for (Map<String, Object> catalog : catalogs) {
      assertNotNull(catalog.get("TABLE_CAT"), "getCatalogs has a row whose TABLE_CAT is null");
    }
  }

  /** The navigator, expanded everywhere: GenericMetaModel's loads, per schema and per table. */
  private static void navigate(Connection c) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    String escape = md.getSearchStringEscape();
    List<String> schemas = call("getSchemas", () -> column(md.getSchemas(), "TABLE_SCHEM"));
    assertEquals(List.of("sms", "sms_meta"), schemas, "schemas in the navigator");
    List<String> tableTypes = call("getTableTypes", () -> column(md.getTableTypes(), "TABLE_TYPE"));
    for (String schema : schemas) {
      String schemaPattern = escape(schema, escape);
      List<Map<String, Object>> tables = call("getTables " + schema,
          () -> rows(md.getTables(null, schemaPattern, "%", null)));
      assertFalse(tables.isEmpty(), schema + " has no tables");
      for (Map<String, Object> table : tables) {
        assertTrue(tableTypes.contains((String) table.get("TABLE_TYPE")), "getTableTypes lacks " + table);
        String name = (String) table.get("TABLE_NAME");
        String tablePattern = escape(name, escape);
        List<Map<String, Object>> columns = call("getColumns " + name,
            () -> rows(md.getColumns(null, schemaPattern, tablePattern, "%")));
        assertFalse(columns.isEmpty(), name + " has no columns");
        for (Map<String, Object> column : columns) {
          assertColumnSizes(name, column);
        }
        List<String> keyColumns = call("getPrimaryKeys " + name,
            () -> column(md.getPrimaryKeys(null, schema, name), "COLUMN_NAME"));
        List<String> indexColumns = call("getIndexInfo " + name,
            () -> column(md.getIndexInfo(null, schema, name, false, true), "COLUMN_NAME"));
        assertEquals(keyColumns, indexColumns, name + ": the primary key's unique index");
        for (Map<String, Object> key : call("getImportedKeys " + name,
            () -> rows(md.getImportedKeys(null, schema, name)))) {
          // DBeaver: "Can't find PK table column" unless the referenced column is the referenced table's key.
          List<String> referencedKey = column(md.getPrimaryKeys(null, (String) key.get("PKTABLE_SCHEM"),
              (String) key.get("PKTABLE_NAME")), "COLUMN_NAME");
          assertTrue(referencedKey.contains((String) key.get("PKCOLUMN_NAME")), "foreign key to no key: " + key);
        }
        call("getExportedKeys " + name, () -> rows(md.getExportedKeys(null, schema, name)));
      }
      assertEquals(List.of(), call("getFunctions " + schema,
          () -> column(md.getFunctions(null, schemaPattern, "%"), "FUNCTION_NAME")), "functions of " + schema);
      assertEquals(List.of(), call("getProcedures " + schema,
          () -> column(md.getProcedures(null, schemaPattern, "%"), "PROCEDURE_NAME")), "procedures of " + schema);
    }
  }

  private static void assertColumnSizes(String table, Map<String, Object> column) {
    String where = table + "." + column.get("COLUMN_NAME");
    assertNotEquals("JavaType", column.get("TYPE_NAME"), where);
    int type = ((Number) column.get("DATA_TYPE")).intValue();
    Object size = column.get("COLUMN_SIZE");
    assertTrue(size instanceof Number n && n.intValue() > 0, where + " COLUMN_SIZE " + size);
    assertNotEquals(-1, ((Number) column.get("CHAR_OCTET_LENGTH")).intValue(), where + " CHAR_OCTET_LENGTH");
    if (type == Types.TIMESTAMP) {
      assertEquals(3, ((Number) column.get("DECIMAL_DIGITS")).intValue(), where + " DECIMAL_DIGITS");
    }
  }

  /** Opening a table in the data editor: first page, row count, next page, sort, filter. */
  private static void dataEditor(Connection c, String table, Map<String, Integer> costs) {
    String name = "sms." + table;
    int rows = apiCalls(c, table + ": open (first 200 rows)", costs,
        () -> readData(c, "SELECT * FROM " + name, 0, 200).size());
    long count = apiCalls(c, table + ": row count", costs, () -> countData(c, "SELECT COUNT(*) FROM " + name));
    assertTrue(count >= rows, table + ": " + count + " rows counted, " + rows + " shown");
    if (count > 200) {
      int next = apiCalls(c, table + ": next page", costs,
          () -> readData(c, "SELECT * FROM " + name, 200, 200).size());
      assertEquals(Math.min(count - 200, 200), next, table + ": rows of the next page");
    }
    String sortColumn = table.equals("replication_runs") ? "completed_time" : "region";
    apiCalls(c, table + ": sort (server side)", costs,
        () -> readData(c, "SELECT * FROM " + name + "\nORDER BY " + sortColumn + " DESC", 0, 200).size());
    apiCalls(c, table + ": filter", costs,
        () -> readData(c, "SELECT * FROM " + name + "\nWHERE region = 'us-east-1'", 0, 200).size());
  }

  /** JDBCTable.readData on a SCRIPT statement: setLimit(first, max) → setMaxRows(first + max), skip first. */
  private static List<Map<String, Object>> readData(Connection c, String sql, int firstRow, int maxRows)
      throws SQLException {
    try (Statement s = c.createStatement()) {
      s.setMaxRows(firstRow + maxRows);
      assertTrue(s.execute(sql), sql);
      try (ResultSet rs = s.getResultSet()) {
        ResultSetMetaData md = rs.getMetaData();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          assertResultColumnSizes(sql, md, i);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int row = 0; rs.next(); row++) {
          if (row >= firstRow) {
            rows.add(row(rs));
          }
        }
        s.getWarnings();
        return rows;
      }
    }
  }

  private static void assertResultColumnSizes(String sql, ResultSetMetaData md, int i) throws SQLException {
    String where = sql + ": " + md.getColumnLabel(i);
    md.getColumnTypeName(i);
    md.getTableName(i);
    md.getSchemaName(i);
    md.isNullable(i);
    assertTrue(md.getColumnDisplaySize(i) > 0, where + " display size " + md.getColumnDisplaySize(i));
    if (md.getColumnType(i) == Types.TIMESTAMP) {
      assertEquals(23, md.getColumnDisplaySize(i), where);
      assertEquals(3, md.getScale(i), where);
    }
  }

  /** JDBCTable.countData: a prepared statement, executed, its first value. */
  private static long countData(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      assertTrue(ps.execute(), sql);
      try (ResultSet rs = ps.getResultSet()) {
        assertTrue(rs.next(), sql);
        return ((Number) rs.getObject(1)).longValue();
      }
    }
  }

  /** Runs an action and records the API calls it made, read from {@code sms_meta.api_calls}. */
  private static <T> T apiCalls(Connection c, String action, Map<String, Integer> costs, Call<T> call) {
    long before = call("count api_calls", () -> countData(c, "SELECT COUNT(*) FROM sms_meta.api_calls"));
    T result = call(action, call);
    long after = call("count api_calls", () -> countData(c, "SELECT COUNT(*) FROM sms_meta.api_calls"));
    costs.put(action, (int) (after - before));
    return result;
  }

  /** SQLQueryJob: each statement of the script; one is sent with its ";", as some tools do. */
  private static void sqlEditorScript(Connection c) {
    List<String> script = List.of(
        "SELECT state, COUNT(*) AS jobs FROM replication_jobs GROUP BY state ORDER BY state",
        "SELECT j.vm_name, r.state, r.completed_time FROM replication_runs r JOIN replication_jobs j "
            + "ON j.replication_job_id = r.replication_job_id WHERE r.state = 'COMPLETED' "
            + "ORDER BY r.completed_time DESC",
        "SELECT operation, COUNT(*) AS calls FROM sms_meta.api_calls GROUP BY operation;");
    for (String sql : script) {
      call("SQL editor: " + sql, () -> {
        try (Statement s = c.createStatement()) {
          s.setMaxRows(200);
          if (s.execute(sql)) {
            try (ResultSet rs = s.getResultSet()) {
              assertTrue(rs.next(), sql);
              for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                assertResultColumnSizes(sql, rs.getMetaData(), i);
              }
            }
          } else {
            s.getUpdateCount();
          }
          s.getWarnings();
          return null;
        }
      });
    }
  }

  /** The grid's Save: an UPDATE by key, prepared. DBeaver ignores isReadOnly(), so users will try. */
  private static void gridSave(Connection c) {
    for (String[] write : new String[][] {
        {"UPDATE", "UPDATE sms.replication_jobs SET description=? WHERE replication_job_id=?"},
        {"DELETE", "DELETE FROM sms.replication_jobs WHERE replication_job_id=?"},
        {"INSERT", "INSERT INTO sms.replication_jobs (replication_job_id, description) VALUES (?, ?)"}}) {
      SQLException e = failure("grid save " + write[0], () -> c.prepareStatement(write[1]));
      assertTrue(e instanceof SQLFeatureNotSupportedException, e.toString());
      assertEquals("0A000", e.getSQLState());
      assertEquals("sms-jdbc is read-only: " + write[0] + " is not supported", e.getMessage());
    }
  }

  /** What a typo, a statement cut short and a misspelt column say in the SQL editor. */
  private static void errorText(Connection c) {
    String typo = failure("typo", () -> c.createStatement().execute("selct * from replication_jobs")).getMessage();
    assertTrue(typo.contains("\"selct\"") && typo.contains("line 1, column 1"), typo);
    String cut = failure("cut short", () -> c.createStatement().execute("select * from replication_jobs where"))
        .getMessage();
    assertTrue(cut.lines().count() <= 2 && cut.contains("line 1, column"), cut);
    String column = failure("misspelt column", () -> c.createStatement().execute(
        "select vm_nme from replication_jobs")).getMessage();
    assertTrue(column.contains("vm_name"), column);
  }

  /**
   * "Filter by value" on a TIMESTAMP cell with the JVM in America/New_York: the grid's value and the filter
   * literal DBeaver builds from it find the same row. Needs the session time zone of the pipelines issue
   * (key {@code timeZone}, built on another branch); until it is merged this test fails.
   */
  @Test void filterByTimestampValueFindsTheSameRowOutsideUtc() throws Exception {
    TimeZone jvmZone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
    // A JVM that starts in that zone: Avatica reads the default zone once, when its classes load, so the
    // driver gets a class loader of its own, made after the zone is set.
    try (URLClassLoader newYork = new URLClassLoader(new URL[] {JAR.toUri().toURL()},
             ClassLoader.getPlatformClassLoader());
         Connection c = ((Driver) newYork.loadClass("dev.smsjdbc.jdbc.SmsDriver").getDeclaredConstructor()
             .newInstance()).connect(URL, new Properties())) {
      String id;
      Object cell;
      String text;
      try (Statement s = c.createStatement()) {
        s.setMaxRows(200);
        try (ResultSet rs = s.executeQuery("SELECT * FROM sms.replication_jobs\nORDER BY replication_job_id")) {
          assertTrue(rs.next());
          id = rs.getString("replication_job_id");
          cell = rs.getObject("seed_replication_time"); // JDBCDateTimeValueHandler.fetchValueObject
          text = rs.getString("seed_replication_time");
        }
      }
      assertTrue(cell instanceof java.util.Date, "TIMESTAMP cell is " + cell);
      String literal = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss.SSS").format((java.util.Date) cell);
      assertEquals(text, literal, "the grid shows " + literal + " where getString says " + text);
      List<String> found = call("filter by value", () -> column(c.createStatement().executeQuery(
          "SELECT * FROM sms.replication_jobs\nWHERE seed_replication_time = '" + literal + "'"),
          "replication_job_id"));
      assertTrue(found.contains(id), "filter by value " + literal + " found " + found + ", not " + id);
    } finally {
      TimeZone.setDefault(jvmZone);
    }
  }

  private static String escape(String name, String escape) {
    return escape == null ? name : name.replace("_", escape + "_").replace("%", escape + "%");
  }

  private static List<String> column(ResultSet rs, String name) throws SQLException {
    try (rs) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(name));
      }
      return values;
    }
  }

  private static List<Map<String, Object>> rows(ResultSet rs) throws SQLException {
    try (rs) {
      List<Map<String, Object>> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(row(rs));
      }
      return rows;
    }
  }

  private static Map<String, Object> row(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      row.put(md.getColumnLabel(i), rs.getObject(i));
    }
    return row;
  }
}
