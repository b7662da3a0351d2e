package dev.smsjdbc.jdbc;

import dev.smsjdbc.schema.SmsHints;
import dev.smsjdbc.schema.SubsetSelectivity;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptListener;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.tools.Program;
import org.apache.calcite.util.Holder;
import org.apache.calcite.util.TryThreadLocal;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.List;

/**
 * Calcite's statement preparation, with changes that let the table scans see what a query needs.
 *
 * <ul>
 * <li>IN lists of any length stay a predicate. By default Calcite turns an IN list of 20 or more values into
 * a join with VALUES, which hides the keys from the scan, so {@code replication_job_id IN (25 ids)} would
 * list every job instead of making 25 calls.
 * <li>{@code Statement.setMaxRows(n)} becomes a LIMIT on top of the plan. Calcite applies max rows only to
 * the rows it hands out, so the scans would ask for full pages; as a LIMIT it reaches them
 * ({@code maxResults = n}), with the same result. A prepared statement's max rows are known only when it
 * executes: {@link MaxRows} caps those.
 * <li>Statements that write are refused before planning ({@link ReadOnlyStatements}); a trailing {@code ;}
 * is accepted; failures carry the statement's text to {@link ErrorTranslator}.
 * <li>The driver's SQL hints ({@link SmsHints}, e.g. {@code no_cache}) reach the table scans.
 * <li>A query the connection planned before is not planned again ({@link PlanCache}).
 * <li>The planner estimates filters on a table's primary key as such ({@link SubsetSelectivity}).
 * <li>Preparation is bounded: by the statement's size ({@link PlanningLimits}), its timeout and cancel
 * ({@link PlanningDeadline}), and a heuristic join order for many joins ({@link PlanningProgram}).
 * </ul>
 */
final class SmsPrepare extends CalcitePrepareImpl {
  /** The max rows of the statement being prepared on this thread, or -1. */
  private static final ThreadLocal<Long> MAX_ROWS = ThreadLocal.withInitial(() -> -1L);

  @Override public <T> CalcitePrepare.CalciteSignature<T> prepareSql(CalcitePrepare.Context context,
      CalcitePrepare.Query<T> query, Type elementType, long maxRowCount) {
    PlanningLimits.check(query.sql);
    PlanningDeadline.check();
    PlanCache.Slot slot = PlanCache.slot(context, query, elementType, maxRowCount);
    CalcitePrepare.CalciteSignature<T> planned = slot == null ? null : slot.planned();
    if (planned != null) {
      return planned;
    }
    MAX_ROWS.set(maxRowCount);
    try (TryThreadLocal.Memo ignored = Prepare.THREAD_INSUBQUERY_THRESHOLD.push(Integer.MAX_VALUE)) {
      CalcitePrepare.CalciteSignature<T> signature =
          MaxRows.capped(super.prepareSql(context, query, elementType, maxRowCount));
      PlanningDeadline.check(); // generating and compiling the code takes time too
      if (slot != null) {
        slot.keep(signature);
      }
      return signature;
    } catch (TranslatedException e) {
      throw e;
    } catch (RuntimeException e) {
      // Here the statement's text is known, for messages that show where it failed.
      TranslatedException ddl = ReadOnlyStatements.refusedDdl(query.sql);
      throw ddl != null ? ddl : new TranslatedException(ErrorTranslator.translate(e, query.sql));
    } finally {
      MAX_ROWS.remove();
    }
  }

  /** As Calcite's, stopped at every rule it fires when the statement is cancelled or times out. */
  @Override protected RelOptPlanner createPlanner(CalcitePrepare.Context prepareContext,
      org.apache.calcite.plan.@Nullable Context externalContext, @Nullable RelOptCostFactory costFactory) {
    RelOptPlanner planner = super.createPlanner(prepareContext, externalContext, costFactory);
    RelOptListener listener = PlanningDeadline.listener();
    if (listener != null) {
      planner.addListener(listener);
    }
    return planner;
  }

  /** As Calcite's, with the driver's metadata: the selectivity of key filters reaches the join costs. */
  @Override protected RelOptCluster createCluster(RelOptPlanner planner, RexBuilder rexBuilder) {
    RelOptCluster cluster = super.createCluster(planner, rexBuilder);
    cluster.setMetadataProvider(SubsetSelectivity.PROVIDER);
    return cluster;
  }

  /** Tools end statements with {@code ;}; Calcite's parser does not accept it. */
  @Override protected SqlParser createParser(String sql, SqlParser.Config parserConfig) {
    return super.createParser(StatementText.withoutTrailingSemicolon(sql), parserConfig);
  }

  /** The statements that Calcite hands to its DDL executor (SET, ALTER SESSION, ...): none is supported. */
  @Override public void executeDdl(CalcitePrepare.Context context, SqlNode node) {
    throw ReadOnlyStatements.refused(node.getKind());
  }

  /** As Calcite's, but a statement that applies max rows (Calcite's enumerable convention, as the driver's). */
  @Override protected CalcitePreparingStmt getPreparingStmt(CalcitePrepare.Context context, Type elementType,
      CalciteCatalogReader catalogReader, RelOptPlanner planner) {
    JavaTypeFactory typeFactory = context.getTypeFactory();
    EnumerableRel.Prefer prefer = elementType == Object[].class
        ? EnumerableRel.Prefer.ARRAY : EnumerableRel.Prefer.CUSTOM;
    return new MaxRowsPreparingStmt(this, context, catalogReader, typeFactory, context.getRootSchema(), prefer,
        createCluster(planner, new RexBuilder(typeFactory)), EnumerableConvention.INSTANCE,
        createConvertletTable());
  }

  /** Puts the statement's max rows on top of a query's plan as a LIMIT, before the planner runs. */
  private static final class MaxRowsPreparingStmt extends CalcitePreparingStmt {
    MaxRowsPreparingStmt(CalcitePrepareImpl prepare, CalcitePrepare.Context context,
        Prepare.CatalogReader catalogReader, JavaTypeFactory typeFactory, CalciteSchema schema,
        EnumerableRel.Prefer prefer, RelOptCluster cluster, EnumerableConvention resultConvention,
        SqlRexConvertletTable convertletTable) {
      super(prepare, context, catalogReader, typeFactory, schema, prefer, cluster, resultConvention,
          convertletTable);
    }

    /** Writes are refused before they are validated or planned. */
    @Override public PreparedResult prepareSql(SqlNode sqlQuery, SqlNode sqlNodeOriginal,
        Class<?> runtimeContextClass, SqlValidator validator, boolean needsValidation) {
      ReadOnlyStatements.check(sqlQuery.getKind());
      return super.prepareSql(sqlQuery, sqlNodeOriginal, runtimeContextClass, validator, needsValidation);
    }

    @Override protected SqlToRelConverter getSqlToRelConverter(SqlValidator validator,
        Prepare.CatalogReader catalogReader, SqlToRelConverter.Config config) {
      return super.getSqlToRelConverter(validator, catalogReader, config.withHintStrategyTable(SmsHints.STRATEGIES));
    }

    /** Calcite's program, with a heuristic join order for many joins ({@link PlanningProgram}). */
    @Override protected Program getProgram() {
      Holder<@Nullable Program> hooked = Holder.empty();
      Hook.PROGRAM.run(hooked); // as Calcite's: tests may replace the program
      Program program = hooked.get();
      return program != null ? program : PlanningProgram.get();
    }

    /** The plan's code is generated and compiled only if the statement is still wanted. */
    @Override protected PreparedResult implement(RelRoot root) {
      PlanningDeadline.check();
      return super.implement(root);
    }

    @Override protected RelRoot optimize(RelRoot root, List<Materialization> materializations,
        List<CalciteSchema.LatticeEntry> lattices) {
      long maxRows = MAX_ROWS.get();
      if (maxRows > 0 && root.kind.belongsTo(SqlKind.QUERY)) {
        RexBuilder rexBuilder = root.rel.getCluster().getRexBuilder();
        root = root.withRel(LogicalSort.create(root.rel, root.collation, null,
            rexBuilder.makeExactLiteral(BigDecimal.valueOf(maxRows))));
      }
      PlanningDeadline.check(); // after parsing, validation and conversion
      return super.optimize(root, materializations, lattices);
    }
  }
}
