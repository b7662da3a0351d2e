package dev.smsjdbc.jdbc;

import dev.smsjdbc.archive.CliArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

import static dev.smsjdbc.jdbc.SmsTestDatabase.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A folder of AWS CLI output answers every example of {@code sql-examples/} as the emulator serving the
 * same data does; the one about {@code sms_meta.api_calls} answers no rows, as reading saved history makes
 * no API calls.
 */
class ArchiveSqlExamplesTest {
  private static final String API_CALLS_EXAMPLE = "20-what-a-query-cost.sql";
  private static Connection live;
  private static Connection saved;

  @BeforeAll static void connect() throws SQLException {
    Path archive = CliArchive.demo();
    live = DriverManager.getConnection("jdbc:sms:demo=true;regions=eu-west-1,us-east-1");
    saved = DriverManager.getConnection("jdbc:sms:archive=" + archive);
  }

  @AfterAll static void close() throws SQLException {
    if (live != null) {
      live.close();
      saved.close();
    }
  }

  @TestFactory Stream<DynamicTest> everyExampleAnswersAsTheEmulator() throws IOException {
    List<Path> examples;
    try (Stream<Path> files = Files.list(Path.of("sql-examples"))) {
      examples = files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
    }
    return examples.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      String sql = Files.readString(file, StandardCharsets.UTF_8).strip();
      sql = sql.substring(0, sql.length() - 1);
      List<List<Object>> answer = rows(saved, sql);
      if (file.getFileName().toString().equals(API_CALLS_EXAMPLE)) {
        assertTrue(answer.isEmpty(), answer.toString());
      } else {
        List<List<Object>> expected = rows(live, sql);
        assertFalse(expected.isEmpty(), file.toString());
        assertEquals(expected, answer, file.toString());
      }
    }));
  }
}
