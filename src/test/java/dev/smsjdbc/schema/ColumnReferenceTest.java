package dev.smsjdbc.schema;

import dev.smsjdbc.ReadmeBlock;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's tables-and-columns reference is the one {@link ColumnReference} generates from the metadata.
 * {@code mvn test -Dtest=ColumnReferenceTest -Dcolumns.update=true} rewrites the block instead of comparing.
 */
class ColumnReferenceTest {
  @Test void readmeColumnReferenceIsUpToDate() throws IOException {
    ReadmeBlock.assertCurrent(ColumnReference.START, ColumnReference.END, ColumnReference.markdown(), "column reference", "ColumnReferenceTest", "columns.update");
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
