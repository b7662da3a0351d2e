package dev.smsjdbc.spark;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link SparkIT} with the all jar as {@code spark-submit --driver-class-path ... --jars ...} puts it: on the
 * JVM's class path ahead of Spark's own jars, so the jar's classes win wherever both have a class.
 */
class SparkDriverClassPathIT extends SparkIT {
  @Test void theDriverIsOnTheClassPath() {
    assertTrue(onClassPath());
  }
}
