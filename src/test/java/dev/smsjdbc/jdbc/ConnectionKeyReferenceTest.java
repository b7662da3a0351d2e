package dev.smsjdbc.jdbc;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's connection-key table is the one {@link ConnectionKeyReference} generates from
 * {@link ConnectionKey}. {@code mvn test -Dtest=ConnectionKeyReferenceTest -Dkeys.update=true} rewrites the
 * block instead of comparing.
 */
class ConnectionKeyReferenceTest {
  private static final Path README = Path.of("README.md");

  @Test void readmeKeyTableIsUpToDate() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int start = readme.indexOf(ConnectionKeyReference.START);
    int end = readme.indexOf(ConnectionKeyReference.END);
    assertTrue(start >= 0 && end > start, "README.md lacks the " + ConnectionKeyReference.START + " block");
    int from = start + ConnectionKeyReference.START.length() + 1;
    String fresh = ConnectionKeyReference.markdown();
    if (Boolean.getBoolean("keys.update")) {
      Files.writeString(README, readme.substring(0, from) + fresh + readme.substring(end), StandardCharsets.UTF_8);
      return;
    }
    assertEquals(fresh, readme.substring(from, end), () -> "README.md's connection-key table is out of date: run "
        + "mvn test -Dtest=ConnectionKeyReferenceTest -Dkeys.update=true, or put between "
        + ConnectionKeyReference.START + " and " + ConnectionKeyReference.END + ":\n" + fresh);
  }

  @Test void everyKeyIsListedWithItsTypeDefaultAndDescription() {
    String md = ConnectionKeyReference.markdown();
    for (ConnectionKey key : ConnectionKey.values()) {
      String defaultText = key.defaultText() == null ? "none" : "`" + key.defaultText() + "`";
      assertTrue(md.contains("| `" + key.key + "` | " + key.typeDescription() + " | " + defaultText + " | "
          + key.description()), key.key);
    }
  }

  @Test void choicesAndRangesAreShown() {
    String md = ConnectionKeyReference.markdown();
    assertTrue(md.contains("| `retryMode` | `standard`, `adaptive`, `legacy` | `standard` |"), md);
    assertTrue(md.contains("| `pageSize` | integer 1–1000 | `50` |"), md);
  }
}
