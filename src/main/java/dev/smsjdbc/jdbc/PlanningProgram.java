package dev.smsjdbc.jdbc;

import org.apache.calcite.plan.RelOptLattice;
import org.apache.calcite.plan.RelOptListener;
import org.apache.calcite.plan.RelOptMaterialization;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.JoinPushThroughJoinRule;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The planner's program: Calcite's standard one ({@code Programs.standard()}: sub-queries, decorrelation,
 * field trimming, the cost-based planner, calcs), with two changes.
 *
 * <ul>
 * <li>A plan of {@value #HEURISTIC_JOIN_ORDER_JOINS} or more joins gets its join order from a heuristic, not
 * from the cost-based planner's exhaustive search: Calcite's {@code JoinToMultiJoinRule} gathers the inner
 * joins into one MultiJoin and {@code LoptOptimizeJoinRule} orders it greedily by estimated row counts, as
 * {@code Programs.heuristicJoinOrder} does. The planner's join commute and push-through-join rules, which
 * enumerate every order (a number of alternatives exponential in the joins), are left out for such a plan,
 * and so is the copying of keys across join equalities. Key binding ({@code KeyBindingJoin}) still applies to the joins the heuristic builds.
 * <li>Each phase first checks the statement's {@link PlanningDeadline}.
 * </ul>
 */
final class PlanningProgram {
  /**
   * The joins from which the join order is heuristic: 9 joins, 10 tables. The exhaustive search finds the
   * plans of fewest API calls (with the heuristic, 11 of JoinPushdownTest's 15 joins of 2 or 3 tables cost
   * more calls), so it stays while it is cheap: a chain of self-joins costs it 0.4 s of CPU at 10 tables,
   * 1.2 s at 16, 5 s at 26 (warm, measured), 60 s and more at 50; the heuristic plans 50 tables in 1.7 s.
   */
  static final int HEURISTIC_JOIN_ORDER_JOINS = 9;

  private static final RelMetadataProvider METADATA = DefaultRelMetadataProvider.INSTANCE;

  /** The rule applications of each step of {@link #MULTI_JOIN}: many for any join that plans in seconds. */
  private static final int MULTI_JOIN_MATCHES = 10_000;

  /**
   * The rules left out of the cost-based phase of a plan of many joins: those that enumerate join orders, and
   * the transitive predicates, whose inference over many joins can take minutes in one step, out of reach of
   * the statement's deadline. Excluded by description: the scans register the last one.
   */
  private static final Pattern EXHAUSTIVE_JOIN_RULES = Pattern.compile(String.join("|",
      Stream.of(CoreRules.JOIN_COMMUTE, CoreRules.JOIN_ASSOCIATE, JoinPushThroughJoinRule.LEFT,
          JoinPushThroughJoinRule.RIGHT, CoreRules.JOIN_PUSH_TRANSITIVE_PREDICATES)
          .map(rule -> Pattern.quote(rule.toString())).toList()));

  /**
   * Inner joins and the filters on them gathered into one MultiJoin, bottom up. Bounded in matches, as a guard
   * against a rule that would undo another's work forever.
   */
  private static final HepProgram MULTI_JOIN = HepProgram.builder()
      .addMatchLimit(MULTI_JOIN_MATCHES)
      .addRuleInstance(CoreRules.FILTER_INTO_JOIN)
      .addMatchOrder(HepMatchOrder.BOTTOM_UP)
      .addRuleInstance(CoreRules.JOIN_TO_MULTI_JOIN)
      .build();

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

  /** {@link #MULTI_JOIN} on a planner that the statement's deadline stops. */
  private static RelNode multiJoin(RelNode rel) {
    HepPlanner hep = new HepPlanner(MULTI_JOIN);
    RelOptListener listener = PlanningDeadline.listener();
    if (listener != null) {
      hep.addListener(listener);
    }
    hep.setRoot(rel);
    return hep.findBestExp();
  }

  /** Calcite's cost-based phase, as in {@code Programs.standard()}, after the heuristic for many joins. */
  private static RelNode costBased(RelOptPlanner planner, RelNode rel, RelTraitSet traits,
      List<RelOptMaterialization> materializations, List<RelOptLattice> lattices) {
    if (RelOptUtil.countJoins(rel) >= HEURISTIC_JOIN_ORDER_JOINS) {
      rel = multiJoin(rel);
      planner.setRuleDescExclusionFilter(EXHAUSTIVE_JOIN_RULES);
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
