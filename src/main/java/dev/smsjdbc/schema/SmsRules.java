package dev.smsjdbc.schema;

import org.apache.calcite.adapter.enumerable.EnumerableLimit;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.rules.FilterProjectTransposeRule;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.tools.RelBuilder;

import java.util.List;

/**
 * The planner rules that push key filters and LIMIT into an {@link SmsTableScan}, and that bind a join's keys
 * into it at run time.
 */
public final class SmsRules {
  private SmsRules() {}

  /**
   * Turns {@code WHERE key = 'x'} (or IN, OR of =, with literals or {@code ?}) into scan keys, and the same
   * shapes on {@code region} into the Regions to read. A scan whose Regions are pushed already still takes
   * keys: a join's bound keys arrive in a filter of their own.
   */
  public static final RelOptRule FILTER_KEYS = RuleConfig.of("SmsFilterKeysRule",
      b0 -> b0.operand(LogicalFilter.class).oneInput(b1 ->
          b1.operand(SmsTableScan.class).predicate(scan -> !scan.spec.keyed())
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

  /** Binds a join's right-side SMS key to its left rows' keys at run time ({@link KeyBindingJoin}). */
  public static final RelOptRule KEY_BINDING_JOIN = RuleConfig.of("SmsKeyBindingJoinRule",
      b0 -> b0.operand(LogicalJoin.class).anyInputs(), KeyBindingJoinRule::new).toRule();

  /**
   * Moves a {@link KeyBindingJoin}'s key filter below a Project (field trimming puts one between it and the
   * scan), so that it reaches the scan. Calcite's FILTER_PROJECT_TRANSPOSE leaves alone every filter with a
   * correlation variable; this one takes only the join's key filters.
   */
  public static final RelOptRule BOUND_KEYS_PROJECT_TRANSPOSE = FilterProjectTransposeRule.Config.DEFAULT
      .withOperandFor(Filter.class, f -> KeyPredicates.isBoundKeyFilter(f.getCondition()), Project.class,
          p -> true)
      .withDescription("SmsBoundKeysProjectTransposeRule")
      .as(FilterProjectTransposeRule.Config.class)
      .toRule();

  public static final List<RelOptRule> RULES = List.of(FILTER_KEYS, LIMIT, KEY_BINDING_JOIN,
      BOUND_KEYS_PROJECT_TRANSPOSE);

  /** See {@link #FILTER_KEYS}. */
  static final class FilterKeysRule extends RelRule<RuleConfig> {
    FilterKeysRule(RuleConfig config) {
      super(config);
    }

    @Override public void onMatch(RelOptRuleCall call) {
      LogicalFilter filter = call.rel(0);
      SmsTableScan scan = call.rel(1);
      TableDefinition<?> definition = scan.smsTable.definition();
      List<RexNode> regions = scan.spec.regions();
      // Regions pushed already stay as they are; a further region predicate is left to Calcite.
      KeyPredicates.Split split = KeyPredicates.split(filter.getCluster().getRexBuilder(),
          filter.getCondition(), definition.keyIndex(), regions == null ? definition.regionIndex() : -1);
      if (split == null) {
        return;
      }
      RelBuilder builder = call.builder();
      builder.push(scan.withSpec(scan.spec.withFilter(split.keys(), regions == null ? split.regions() : regions)))
          .filter(split.remaining());
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
