package dev.smsjdbc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A generated block of README.md, between two markers: the README must hold exactly what the generator
 * makes now. With {@code -D<updateProperty>=true} the block is rewritten instead of compared.
 */
public final class ReadmeBlock {
  private static final Path README = Path.of("README.md");

  private ReadmeBlock() {}

  /**
   * @param what the block, for the message (e.g. "column reference")
   * @param test the test class that checks it, for the message's command
   */
  public static void assertCurrent(String start, String end, String fresh, String what, String test,
      String updateProperty) throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int from = readme.indexOf(start);
    int to = readme.indexOf(end);
    assertTrue(from >= 0 && to > from, "README.md lacks the " + start + " block");
    from += start.length() + 1;
    if (Boolean.getBoolean(updateProperty)) {
      Files.writeString(README, readme.substring(0, from) + fresh + readme.substring(to), StandardCharsets.UTF_8);
      return;
    }
    assertEquals(fresh, readme.substring(from, to), "README.md's " + what + " is out of date: run mvn test -Dtest="
        + test + " -D" + updateProperty + "=true, or put between " + start + " and " + end + ":\n" + fresh);
  }
}
