package dev.smsjdbc.jdbc;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The README's table of connection keys, generated from {@link ConnectionKey} so that it cannot drift from
 * what the driver accepts. {@code ConnectionKeyReferenceTest} fails, and prints the fresh text, when the
 * checked-in block differs.
 */
public final class ConnectionKeyReference {
  private ConnectionKeyReference() {}

  /** Marks the start of the generated block in README.md. */
  public static final String START = "<!-- connection-keys:start -->";
  /** Marks its end. */
  public static final String END = "<!-- connection-keys:end -->";

  /** The markdown table, as it stands between {@link #START} and {@link #END}. */
  public static String markdown() {
    return "| key | type / allowed values | default | description |\n|---|---|---|---|\n"
        + Arrays.stream(ConnectionKey.values()).map(ConnectionKeyReference::row).collect(Collectors.joining());
  }

  private static String row(ConnectionKey key) {
    String defaultText = key.defaultText() == null ? "none" : "`" + key.defaultText() + "`";
    return "| `" + key.key + "` | " + key.typeDescription() + " | " + defaultText + " | "
        + key.description().replace("|", "\\|") + " |\n";
  }

  /** Prints the block, for pasting into README.md. */
  public static void main(String[] args) {
    System.out.print(markdown());
  }
}
