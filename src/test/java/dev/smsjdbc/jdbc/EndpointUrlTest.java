package dev.smsjdbc.jdbc;

import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An endpoint URL with a user name or password is refused, and the password is never shown. */
class EndpointUrlTest {
  private static final String PASSWORD = "hunter2-Secret";

  private static SQLException refused(String url) {
    return assertThrows(SQLException.class, () -> DriverManager.getConnection(url).close());
  }

  @Test void userInfoInTheEndpointIsRefusedWithoutShowingIt() {
    SQLException e = refused("jdbc:sms:endpoint=http://admin:" + PASSWORD + "@127.0.0.1:1;accessKeyId=AKIAX;"
        + "secretAccessKey=x");
    assertEquals("HY024", e.getSQLState());
    assertTrue(e.getMessage().contains("user name or password"), e.getMessage());
    assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
  }

  @Test void userInfoInTheStsEndpointIsRefusedToo() {
    SQLException e = refused("jdbc:sms:demo=true;roleArn=arn:aws:iam::123456789012:role/r;"
        + "stsEndpoint=https://u:" + PASSWORD + "@sts.example");
    assertEquals("HY024", e.getSQLState());
    assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
  }

  @Test void aMalformedUrlIsShownWithoutItsUserInfo() {
    SQLException e = refused("jdbc:sms:endpoint=http://admin:" + PASSWORD + "@bad host;accessKeyId=AKIAX;"
        + "secretAccessKey=x");
    assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
  }
}
