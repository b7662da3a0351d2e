package dev.smsjdbc.jdbc;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import dev.smsjdbc.schema.SmsSchema;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.runtime.Hook;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.lang.reflect.Type;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The plans a connection compiled, by statement text: BI tools, DBeaver and pools send the same SQL again
 * and again, and parsing, validating, planning and compiling cost far more than executing. A plan is safe to
 * reuse on its connection: the generated code reads its tables from the execution's context, and what was
 * pushed into the scans ({@code ScanSpec}) is immutable and bound anew each execution. Per connection, so a
 * plan never outlives the schema it was planned for; bounded.
 *
 * <p>Only queries are kept (not EXPLAIN, whose text is computed while planning), and nothing is kept or
 * reused while a Calcite planner hook ({@link Hook#PLANNER}) changes rules, as tests and benchmarks do to
 * compare plans.
 */
final class PlanCache {
  /** Plans per connection. */
  static final int CAPACITY = 256;

  /**
   * What makes two preparations the same: the text, the row type, the max rows planned in, and what the
   * planner knew of the tables (a listing that showed a table's real size can make another plan cheaper).
   */
  private record Key(String sql, Type elementType, long maxRowCount, long statistics) {}

  private PlanCache() {}

  /** Where one preparation's plan is found or kept: the connection's cache and the preparation's key. */
  record Slot(Cache<Object, Object> plans, Object key) {
    /** The plan kept from an earlier preparation, or null. */
    @SuppressWarnings("unchecked")
    <T> CalcitePrepare.@Nullable CalciteSignature<T> planned() {
      return (CalcitePrepare.CalciteSignature<T>) plans.getIfPresent(key);
    }

    /** Keeps a query's plan; an EXPLAIN's (whose text is computed while planning) is not kept. */
    void keep(CalcitePrepare.CalciteSignature<?> signature) {
      if (signature.statementType == Meta.StatementType.SELECT && signature.sql != null
          && !StatementText.firstKeyword(signature.sql).toUpperCase(Locale.ROOT).equals("EXPLAIN")) {
        plans.put(key, signature);
      }
    }
  }

  /** The slot of a preparation, or null where there is none (no SQL text, a hook at work, not the driver's). */
  static @Nullable Slot slot(CalcitePrepare.Context context, CalcitePrepare.Query<?> query, Type elementType,
      long maxRowCount) {
    CalciteSchema sms = query.sql == null || plannerHooked() ? null
        : context.getRootSchema().getSubSchema(SmsSchema.NAME, true);
    if (sms == null || !(sms.schema instanceof SmsSchema schema)) {
      return null;
    }
    return new Slot(schema.planCache(() -> CacheBuilder.newBuilder().maximumSize(CAPACITY).build()),
        new Key(query.sql, elementType, maxRowCount, schema.statisticsVersion()));
  }

  /** Whether a {@link Hook#PLANNER} handler touches the planners of this thread. */
  private static boolean plannerHooked() {
    Probe probe = new Probe();
    Hook.PLANNER.run(probe);
    return probe.touched;
  }

  /** A planner that only notes whether a hook changed its rules. */
  private static final class Probe extends HepPlanner {
    boolean touched;

    Probe() {
      super(HepProgram.builder().build());
    }

    @Override public boolean addRule(RelOptRule rule) {
      touched = true;
      return false;
    }

    @Override public boolean removeRule(RelOptRule rule) {
      touched = true;
      return false;
    }

    @Override public void setRuleDescExclusionFilter(@Nullable Pattern exclusionFilter) {
      touched = true;
    }
  }
}
