package dev.smsjdbc.schema;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.tools.RelBuilderFactory;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.function.Function;

/**
 * A rule configuration written by hand, so that the build needs no annotation processor for the two
 * rules of this adapter (Calcite's own rules generate theirs with Immutables).
 */
record RuleConfig(RelBuilderFactory relBuilderFactory, @Nullable String description,
    RelRule.OperandTransform operandSupplier, Function<RuleConfig, RelOptRule> factory)
    implements RelRule.Config {

  static RuleConfig of(String description, RelRule.OperandTransform operands,
      Function<RuleConfig, RelOptRule> factory) {
    return new RuleConfig(RelFactories.LOGICAL_BUILDER, description, operands, factory);
  }

  @Override public RuleConfig withRelBuilderFactory(RelBuilderFactory f) {
    return new RuleConfig(f, description, operandSupplier, factory);
  }

  @Override public RuleConfig withDescription(@Nullable String d) {
    return new RuleConfig(relBuilderFactory, d, operandSupplier, factory);
  }

  @Override public RuleConfig withOperandSupplier(RelRule.OperandTransform t) {
    return new RuleConfig(relBuilderFactory, description, t, factory);
  }

  @Override public RelOptRule toRule() {
    return factory.apply(this);
  }
}
