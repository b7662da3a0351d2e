package dev.smsjdbc.jdbc;

import org.apache.calcite.plan.RelOptLattice;
import org.apache.calcite.plan.RelOptMaterialization;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.JoinPushThroughJoinRule;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;

import java.util.List;

/**
 * The planner's program: Calcite's standard one ({@code Programs.standard()}: sub-queries, decorrelation,
 * field trimming, the cost-based planner, calcs), with two changes.
 *
 * <ul>
 * <li>A plan of {@value #HEURISTIC_JOIN_ORDER_JOINS} or more joins gets its join order from a heuristic, not
 * from the cost-based planner's exhaustive search: Calcite's {@code JoinToMultiJoinRule} gathers the inner
 * joins into one MultiJoin and {@code LoptOptimizeJoinRule} orders it greedily by estimated row counts, as
 * {@code Programs.heuristicJoinOrder} does. The planner's join commute and push-through-join rules, which
 * enumerate every order (a number of alternatives exponential in the joins), are left out for such a plan.
 * Key binding ({@code KeyBindingJoin}) still applies to the joins the heuristic builds.
 * <li>Each phase first checks the statement's {@link PlanningDeadline}.
 * </ul>
 */
final class PlanningProgram {
  /**
   * The joins from which the join order is heuristic: 9 joins, 10 tables. Planning a chain of self-joins
   * exhaustively costs about 0.5 s of CPU at 2 tables, 1 s at 10, 4 s at 20, and grows steeply beyond; the
   * joins of this driver's tables (servers, jobs, runs, apps, connectors, ...) rarely need more than a few, and
   * below the threshold every order is weighed, key binding included.
   */
  static final int HEURISTIC_JOIN_ORDER_JOINS = 9;

  private static final RelMetadataProvider METADATA = DefaultRelMetadataProvider.INSTANCE;

  /** The rules that make the search of join orders exhaustive. */
  private static final List<RelOptRule> EXHAUSTIVE_JOIN_RULES = List.of(CoreRules.JOIN_COMMUTE,
      CoreRules.JOIN_ASSOCIATE, JoinPushThroughJoinRule.LEFT, JoinPushThroughJoinRule.RIGHT);

  /** Inner joins (and filters on them) gathered into one MultiJoin, bottom up. */
  private static final Program MULTI_JOIN = Programs.of(HepProgram.builder()
      .addRuleInstance(CoreRules.FILTER_INTO_JOIN)
      .addMatchOrder(HepMatchOrder.BOTTOM_UP)
      .addRuleInstance(CoreRules.JOIN_TO_MULTI_JOIN)
      .build(), false, METADATA);

  private static final Program PROGRAM = Programs.sequence(checked(Programs.subQuery(METADATA)),
      checked(Programs.decorrelate()), checked(Programs.measure(METADATA)), checked(Programs.trim()),
      checked(PlanningProgram::costBased), checked(Programs.calc(METADATA)));

  private PlanningProgram() {}

  static Program get() {
    return PROGRAM;
  }

  private static Program checked(Program program) {
    return (planner, rel, traits, materializations, lattices) -> {
      PlanningDeadline.check();
      return program.run(planner, rel, traits, materializations, lattices);
    };
  }

  /** Calcite's cost-based phase, as in {@code Programs.standard()}, after the heuristic for many joins. */
  private static RelNode costBased(RelOptPlanner planner, RelNode rel, RelTraitSet traits,
      List<RelOptMaterialization> materializations, List<RelOptLattice> lattices) {
    if (RelOptUtil.countJoins(rel) >= HEURISTIC_JOIN_ORDER_JOINS) {
      rel = MULTI_JOIN.run(planner, rel, traits, materializations, lattices);
      EXHAUSTIVE_JOIN_RULES.forEach(planner::removeRule);
      planner.addRule(CoreRules.MULTI_JOIN_OPTIMIZE);
      PlanningDeadline.check();
    }
    materializations.forEach(planner::addMaterialization);
    lattices.forEach(planner::addLattice);
    planner.setRoot(rel);
    RelNode root = rel.getTraitSet().equals(traits) ? rel : planner.changeTraits(rel, traits);
    planner.setRoot(root);
    return planner.chooseDelegate().findBestExp();
  }
}
