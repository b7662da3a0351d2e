package dev.smsjdbc.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Rows of Spark and of plain JDBC in one comparable form: a line per row, sorted. */
final class Rows {
  private Rows() {
  }

  static List<String> of(Dataset<Row> rows) {
    List<String> lines = new ArrayList<>();
    for (Row row : rows.collectAsList()) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        values.add(row.get(i));
      }
      lines.add(text(values));
    }
    return sorted(lines);
  }

  /** Timestamps as instants (the zones of the two sides may differ); numbers whatever their width. */
  static String text(List<Object> values) {
    return values.stream().map(v -> v instanceof Timestamp t ? t.toInstant().toString() : String.valueOf(v))
        .collect(Collectors.joining("|"));
  }

  static List<String> sorted(List<String> lines) {
    return lines.stream().sorted().toList();
  }
}
