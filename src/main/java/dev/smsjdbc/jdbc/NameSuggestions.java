package dev.smsjdbc.jdbc;

import dev.smsjdbc.schema.SmsTables;
import dev.smsjdbc.schema.TableDefinition;
import org.apache.calcite.runtime.SqlFunctions;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The closest existing table or column name to one that was not found, as pgjdbc hints "Perhaps you meant to
 * reference the column ...". Distance is Calcite's Levenshtein (its {@code LEVENSHTEIN} SQL function); a
 * suggestion is made only when at most a third of the name differs.
 */
final class NameSuggestions {
  /** Every table and column name of the driver's schemas, lower case. */
  private static final Set<String> NAMES = names();

  private NameSuggestions() {}

  /** The closest name to {@code unknown}, or null if none is close, or {@code unknown} itself exists. */
  static @Nullable String closest(String unknown) {
    String name = unknown.toLowerCase(Locale.ROOT);
    if (NAMES.contains(name)) {
      return null;
    }
    int allowed = Math.max(1, name.length() / 3);
    return NAMES.stream()
        .filter(candidate -> SqlFunctions.levenshtein(name, candidate) <= allowed)
        .min(Comparator.comparingInt((String candidate) -> SqlFunctions.levenshtein(name, candidate))
            .thenComparing(Comparator.naturalOrder()))
        .orElse(null);
  }

  private static Set<String> names() {
    Set<String> names = new TreeSet<>();
    Stream.concat(SmsTables.ALL.stream(), SmsTables.META.stream()).forEach((TableDefinition<?> table) -> {
      names.add(table.name());
      table.columns().forEach(column -> names.add(column.name()));
    });
    return names;
  }
}
