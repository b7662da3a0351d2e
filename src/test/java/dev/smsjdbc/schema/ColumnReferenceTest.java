package dev.smsjdbc.schema;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's tables-and-columns reference is the one {@link ColumnReference} generates from the metadata.
 * {@code mvn test -Dtest=ColumnReferenceTest -Dcolumns.update=true} rewrites the block instead of comparing.
 */
class ColumnReferenceTest {
  private static final Path README = Path.of("README.md");

  @Test void readmeColumnReferenceIsUpToDate() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int start = readme.indexOf(ColumnReference.START);
    int end = readme.indexOf(ColumnReference.END);
    assertTrue(start >= 0 && end > start, "README.md lacks the " + ColumnReference.START + " block");
    int from = start + ColumnReference.START.length() + 1;
    String fresh = ColumnReference.markdown();
    if (Boolean.getBoolean("columns.update")) {
      Files.writeString(README, readme.substring(0, from) + fresh + readme.substring(end), StandardCharsets.UTF_8);
      return;
    }
    assertEquals(fresh, readme.substring(from, end), () -> "README.md's column reference is out of date: run "
        + "mvn test -Dtest=ColumnReferenceTest -Dcolumns.update=true, or put between " + ColumnReference.START
        + " and " + ColumnReference.END + ":\n" + fresh);
  }

  @Test void everyColumnIsListedWithItsTypeAndRemarks() {
    String md = ColumnReference.markdown();
    for (TableDefinition<?> table : SmsTables.ALL) {
      for (Column<?> column : table.columns()) {
        assertTrue(md.contains("| `" + column.name() + "` | " + column.type().getName()), column.name());
        assertTrue(md.contains(column.remarks()), column.name());
      }
    }
  }

  @Test void keysAreListed() {
    assertTrue(ColumnReference.markdown().contains(
        "Primary key: `replication_run_id`. Foreign key: `replication_job_id` → `replication_jobs.replication_job_id`."));
  }
}
