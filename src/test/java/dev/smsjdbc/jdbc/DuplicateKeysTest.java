package dev.smsjdbc.jdbc;

import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A key given twice in a URL is refused: which of the two values counts would otherwise be a guess. */
class DuplicateKeysTest {
  private static SQLException refused(String url) {
    return assertThrows(SQLException.class, () -> DriverManager.getConnection(url).close());
  }

  @Test void aKeyGivenTwiceIsRefusedNamingIt() {
    SQLException e = refused("jdbc:sms:demo=true;pageSize=10;pageSize=20");
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("'pageSize' is given twice"), e.getMessage());
  }

  @Test void keysDifferingOnlyInCaseAreTheSameKey() {
    SQLException e = refused("jdbc:sms:demo=true;region=us-east-1;REGION=eu-west-1");
    assertTrue(e.getMessage().contains("'REGION' is given twice"), e.getMessage());
  }

  @Test void demoGivenTwiceIsRefusedToo() {
    assertEquals("08001", refused("jdbc:sms:demo=false;demo=true").getSQLState());
  }
}
