package dev.smsjdbc.schema;

import org.apache.calcite.adapter.enumerable.EnumerableLimit;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.tools.RelBuilder;

import java.util.List;

/** The planner rules that push key filters and LIMIT into an {@link SmsTableScan}. */
public final class SmsRules {
  private SmsRules() {}

  /**
   * Turns {@code WHERE key = 'x'} (or IN, OR of =, with literals or {@code ?}) into scan keys, and the same
   * shapes on {@code region} into the Regions to read.
   */
  public static final RelOptRule FILTER_KEYS = RuleConfig.of("SmsFilterKeysRule",
      b0 -> b0.operand(LogicalFilter.class).oneInput(b1 ->
          b1.operand(SmsTableScan.class).predicate(scan -> !scan.spec.filtered())
              .noInputs()),
      FilterKeysRule::new).toRule();

  /**
   * Hands a LIMIT directly above the scan to it as a row budget. It matches the physical
   * {@link EnumerableLimit}, since the scan is already physical; the limit itself stays in the plan.
   */
  public static final RelOptRule LIMIT = RuleConfig.of("SmsLimitRule",
      b0 -> b0.operand(EnumerableLimit.class).predicate(l -> l.fetch != null && l.offset == null)
          .oneInput(b1 -> b1.operand(SmsTableScan.class).predicate(scan -> scan.spec.fetch() == null).noInputs()),
      LimitRule::new).toRule();

  public static final List<RelOptRule> RULES = List.of(FILTER_KEYS, LIMIT);

  /** See {@link #FILTER_KEYS}. */
  static final class FilterKeysRule extends RelRule<RuleConfig> {
    FilterKeysRule(RuleConfig config) {
      super(config);
    }

    @Override public void onMatch(RelOptRuleCall call) {
      LogicalFilter filter = call.rel(0);
      SmsTableScan scan = call.rel(1);
      TableDefinition<?> definition = scan.smsTable.definition();
      KeyPredicates.Split split = KeyPredicates.split(filter.getCluster().getRexBuilder(),
          filter.getCondition(), definition.keyIndex(), definition.regionIndex());
      if (split == null) {
        return;
      }
      RelBuilder builder = call.builder();
      builder.push(scan.withSpec(scan.spec.withFilter(split.keys(), split.regions()))).filter(split.remaining());
      call.transformTo(builder.build());
    }
  }

  /** See {@link #LIMIT}. */
  static final class LimitRule extends RelRule<RuleConfig> {
    LimitRule(RuleConfig config) {
      super(config);
    }

    @Override public void onMatch(RelOptRuleCall call) {
      EnumerableLimit limit = call.rel(0);
      SmsTableScan scan = call.rel(1);
      call.transformTo(EnumerableLimit.create(scan.withSpec(scan.spec.withFetch(limit.fetch)), limit.offset,
          limit.fetch));
    }
  }
}
