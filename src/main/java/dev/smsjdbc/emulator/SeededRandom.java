package dev.smsjdbc.emulator;

import java.util.List;
import java.util.Random;

/**
 * The pseudo-random choices of the data generators, from one seed.
 *
 * <p>All generators of a data set draw from one instance, in a fixed order, so that a seed always gives
 * the same data: a change in the order of draws changes every value after it (and the checked-in demo
 * data, see {@link DemoData}).
 */
final class SeededRandom {
  private final Random random;

  SeededRandom(long seed) {
    this.random = new Random(seed);
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  double nextDouble() {
    return random.nextDouble();
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  @SafeVarargs
  final <T> T weighted(int[] weights, T... values) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = random.nextInt(total);
    for (int i = 0; i < values.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return values[i];
      }
    }
    throw new AssertionError();
  }

  /** A random duration below {@code bound} milliseconds, with a millisecond fraction. */
  long millis(long bound) {
    return (long) (random.nextDouble() * bound);
  }

  /** A random duration below {@code bound} milliseconds, in whole seconds. */
  long wholeSeconds(long bound) {
    return millis(bound) / 1000 * 1000;
  }

  /** {@code prefix} and 17 lowercase hex digits, the form of SMS and EC2 ids. */
  String id(String prefix) {
    return prefix + hex(17);
  }

  String hex(int digits) {
    StringBuilder sb = new StringBuilder(digits);
    for (int i = 0; i < digits; i++) {
      sb.append(Character.forDigit(random.nextInt(16), 16));
    }
    return sb.toString();
  }

  /** A version 4 UUID. */
  String uuid() {
    String h = hex(32);
    return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-"
        + "89ab".charAt(random.nextInt(4)) + h.substring(17, 20) + "-" + h.substring(20);
  }
}
