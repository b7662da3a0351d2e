package dev.smsjdbc.jdbc;

import dev.smsjdbc.emulator.DataSpec;
import dev.smsjdbc.emulator.EmulatorData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLDataException;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Errors in the SQL's own expressions are SQLExceptions with the SQL standard's data-exception states. */
class ExpressionErrorsTest {
  private static SmsTestDatabase db;

  @BeforeAll static void start() {
    db = new SmsTestDatabase(EmulatorData.generate(DataSpec.seed(37).jobs(3).runsPerJob(1).servers(1)
        .connectors(1).apps(1)));
  }

  @AfterAll static void stop() {
    db.close();
  }

  private static SQLException failure(String sql) {
    return assertThrows(SQLException.class, () -> db.query(sql));
  }

  @Test void aConstantDivisionByZeroIs22012() {
    SQLException e = failure("SELECT 1/0");
    assertInstanceOf(SQLDataException.class, e);
    assertEquals("22012", e.getSQLState(), e::toString);
  }

  @Test void aDivisionByZeroOverRowsIs22012() {
    SQLException e = failure("SELECT frequency/0 FROM replication_jobs WHERE frequency IS NOT NULL");
    assertEquals("22012", e.getSQLState(), e::toString);
  }

  @Test void anImpossibleCastIs22018() {
    SQLException e = failure("SELECT cast('abc' AS integer)");
    assertEquals("22018", e.getSQLState(), e::toString);
  }
}
