package dev.smsjdbc.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every query in {@code sql-examples/} runs on the demo data ({@code jdbc:sms:demo=true}) and returns rows. */
class SqlExamplesTest {
  private static final Path EXAMPLES = Path.of("sql-examples");
  private static Connection connection;

  @BeforeAll static void connect() throws SQLException {
    connection = DriverManager.getConnection("jdbc:sms:demo=true");
  }

  @AfterAll static void close() throws SQLException {
    connection.close();
  }

  @Test void thereAreAtLeastTwelveExamples() throws IOException {
    assertTrue(examples().size() >= 12, examples().toString());
  }

  @TestFactory Stream<DynamicTest> everyExampleReturnsRows() throws IOException {
    return examples().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      try (Statement statement = connection.createStatement();
           ResultSet rs = statement.executeQuery(statementOf(file))) {
        assertTrue(rs.next(), file + " returned no rows");
      }
    }));
  }

  @Test void everyExampleStartsWithAComment() throws IOException {
    for (Path file : examples()) {
      assertTrue(Files.readString(file, StandardCharsets.UTF_8).startsWith("-- "), file.toString());
    }
  }

  private static List<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
    }
  }

  /** The file's one statement, without the ';' that sqlline needs and JDBC does not accept. */
  private static String statementOf(Path file) throws IOException {
    String sql = Files.readString(file, StandardCharsets.UTF_8).strip();
    assertTrue(sql.endsWith(";"), file + " must end its statement with ';' for sqlline");
    sql = sql.substring(0, sql.length() - 1);
    assertFalse(sql.replaceAll("(?m)--.*$", "").contains(";"), file + " must hold one statement");
    return sql;
  }
}
