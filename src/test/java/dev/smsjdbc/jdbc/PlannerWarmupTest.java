package dev.smsjdbc.jdbc;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the planner warm-up runs: by default only where a spare core takes it; the system property decides. */
class PlannerWarmupTest {
  @Test void onByDefaultWithThreeOrMoreCores() {
    assertTrue(PlannerWarmup.enabled(null, 3));
    assertTrue(PlannerWarmup.enabled("", 16));
  }

  @Test void offByDefaultOnTwoCoresOrFewer() {
    assertFalse(PlannerWarmup.enabled(null, 2));
    assertFalse(PlannerWarmup.enabled(null, 1));
  }

  @Test void theSystemPropertyDecidesWhateverTheCores() {
    assertTrue(PlannerWarmup.enabled("true", 2));
    assertFalse(PlannerWarmup.enabled("false", 16));
    assertTrue(PlannerWarmup.enabled(" TRUE ", 1));
  }
}
