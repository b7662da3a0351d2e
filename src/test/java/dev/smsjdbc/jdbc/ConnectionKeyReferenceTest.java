package dev.smsjdbc.jdbc;

import dev.smsjdbc.ReadmeBlock;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's connection-key table is the one {@link ConnectionKeyReference} generates from
 * {@link ConnectionKey}. {@code mvn test -Dtest=ConnectionKeyReferenceTest -Dkeys.update=true} rewrites the
 * block instead of comparing.
 */
class ConnectionKeyReferenceTest {
  @Test void readmeKeyTableIsUpToDate() throws IOException {
    ReadmeBlock.assertCurrent(ConnectionKeyReference.START, ConnectionKeyReference.END, ConnectionKeyReference.markdown(), "connection-key table", "ConnectionKeyReferenceTest", "keys.update");
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
