package dev.smsjdbc.jdbc;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import schemacrawler.inclusionrule.RegularExpressionInclusionRule;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.Column;
import schemacrawler.schema.ColumnReference;
import schemacrawler.schema.ForeignKey;
import schemacrawler.schema.Schema;
import schemacrawler.schema.Table;
import schemacrawler.schemacrawler.LimitOptionsBuilder;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import us.fatehi.utility.datasource.DatabaseConnectionSource;
import us.fatehi.utility.datasource.DatabaseConnectionSources;
import us.fatehi.utility.datasource.MultiUseUserCredentials;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SchemaCrawler reads the whole catalog through {@code DatabaseMetaData} at its maximum level, the way DBeaver
 * and other GUI tools do (schemas, tables, columns, keys, indexes, routines, types), and finds the SMS tables
 * with their remarks, columns and keys.
 */
class SchemaCrawlerTest {
  private static Catalog catalog;
  private static Map<String, Table> tables;

  @BeforeAll static void crawl() throws Exception {
    DatabaseConnectionSource source = DatabaseConnectionSources.newDatabaseConnectionSource(
        "jdbc:sms:demo=true", new MultiUseUserCredentials("", ""));
    SchemaCrawlerOptions options = SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
        .withLoadOptions(LoadOptionsBuilder.builder()
            .withSchemaInfoLevel(SchemaInfoLevelBuilder.maximum()).toOptions())
        .withLimitOptions(LimitOptionsBuilder.builder()
            .includeSchemas(new RegularExpressionInclusionRule("sms")).toOptions());
    try {
      catalog = SchemaCrawlerUtility.getCatalog(source, options);
    } finally {
      source.close();
    }
    Schema sms = catalog.lookupSchema("sms").orElseThrow();
    tables = catalog.getTables(sms).stream().collect(Collectors.toMap(Table::getName, Function.identity()));
  }

  @Test void findsEveryTableWithItsRemarks() {
    assertEquals(List.of("apps", "connectors", "replication_jobs", "replication_runs", "servers"),
        tables.keySet().stream().sorted().toList());
    assertTrue(tables.get("replication_jobs").getRemarks().startsWith("Replication jobs (GetReplicationJobs)"));
    assertTrue(tables.get("replication_runs").getRemarks().startsWith("Replication runs (GetReplicationRuns)"));
  }

  @Test void findsEveryColumnWithRemarksInOrder() {
    assertEquals(23, tables.get("replication_jobs").getColumns().size());
    assertEquals(14, tables.get("replication_runs").getColumns().size());
    for (Table table : tables.values()) {
      for (Column column : table.getColumns()) {
        assertFalse(column.getRemarks().isBlank(), column.getFullName());
      }
    }
    assertEquals("replication_job_id", tables.get("replication_jobs").getColumns().get(0).getName());
  }

  @Test void columnTypesAndNullabilityAreClean() {
    Column id = column("replication_jobs", "replication_job_id");
    assertEquals("VARCHAR", id.getColumnDataType().getName());
    assertFalse(id.isNullable());
    Column frequency = column("replication_jobs", "frequency");
    assertEquals("INTEGER", frequency.getColumnDataType().getName());
    assertTrue(frequency.isNullable());
    assertEquals("The time between consecutive replication runs, in hours.", frequency.getRemarks());
    assertEquals("TIMESTAMP", column("replication_runs", "completed_time").getColumnDataType().getName());
    assertEquals("BOOLEAN", column("replication_runs", "encrypted").getColumnDataType().getName());
  }

  @Test void findsThePrimaryKeys() {
    assertEquals(List.of("replication_job_id"), names(tables.get("replication_jobs").getPrimaryKey()
        .getConstrainedColumns()));
    assertEquals(List.of("replication_run_id"), names(tables.get("replication_runs").getPrimaryKey()
        .getConstrainedColumns()));
    assertTrue(column("replication_jobs", "replication_job_id").isPartOfPrimaryKey());
  }

  @Test void findsTheRelationshipFromRunsToJobs() {
    Collection<ForeignKey> imported = tables.get("replication_runs").getImportedForeignKeys();
    assertEquals(1, imported.size());
    ForeignKey key = imported.iterator().next();
    assertEquals("replication_runs_replication_job_id_fk", key.getName());
    ColumnReference reference = key.getColumnReferences().get(0);
    assertEquals("replication_runs.replication_job_id", shortName(reference.getForeignKeyColumn()));
    assertEquals("replication_jobs.replication_job_id", shortName(reference.getPrimaryKeyColumn()));
    assertTrue(tables.get("replication_jobs").getExportedForeignKeys().contains(key));
    assertTrue(column("replication_runs", "replication_job_id").isPartOfForeignKey());
  }

  @Test void findsTheRelationshipFromJobsToServers() {
    Collection<ForeignKey> imported = tables.get("replication_jobs").getImportedForeignKeys();
    assertEquals(List.of("replication_jobs_server_id_fk"), // vm_manager_id is a join path, no key (issue 12)
        imported.stream().map(ForeignKey::getName).sorted().toList());
    assertTrue(column("replication_jobs", "server_id").isPartOfForeignKey());
  }

  private static Column column(String table, String column) {
    return tables.get(table).lookupColumn(column).orElseThrow();
  }

  private static List<String> names(List<? extends Column> columns) {
    return columns.stream().map(Column::getName).toList();
  }

  private static String shortName(Column column) {
    return column.getParent().getName() + "." + column.getName();
  }
}
