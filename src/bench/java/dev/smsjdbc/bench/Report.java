package dev.smsjdbc.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report: Markdown, echoed to standard output as it is written, then saved ({@link #write}). Keeps the
 * verdicts of the targets checked during the run and writes them as the Targets table.
 */
final class Report {
  private final StringBuilder md = new StringBuilder();
  private final List<Target.Verdict> verdicts = new ArrayList<>();
  private final List<String> misses = new ArrayList<>();

  /** {@link String#format} in the root locale. */
  static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  void text(String text) {
    md.append(text);
    System.out.print(text);
    System.out.flush();
  }

  void section(String title) {
    text("\n## " + title + "\n\n");
  }

  /** A table's header; {@code align} has one letter per column, l (left) or r (right). */
  void tableHeader(String align, String... columns) {
    StringBuilder rule = new StringBuilder("|");
    for (char a : align.toCharArray()) {
      rule.append(a == 'r' ? "--:|" : "---|");
    }
    text("| " + String.join(" | ", columns) + " |\n" + rule + "\n");
  }

  void row(Object... cells) {
    List<String> texts = new ArrayList<>();
    for (Object cell : cells) {
      texts.add(String.valueOf(cell));
    }
    text("| " + String.join(" | ", texts) + " |\n");
  }

  /** Checks {@code target} against the measured value; returns "met" or "**missed**" for a table cell. */
  String check(Target target, String where, double measured) {
    Target.Verdict verdict = target.check(where, measured);
    verdicts.add(verdict);
    return verdict.result();
  }

  /** Why a target was missed, from this run's figures; listed under the Targets table. */
  void explainMiss(String why) {
    misses.add(why);
  }

  void targets() {
    section("Targets");
    if (verdicts.isEmpty()) {
      text("No target was checked in this run.\n");
      return;
    }
    tableHeader("llllll", "target", "at", "metric", "required", "measured", "result");
    for (Target.Verdict v : verdicts) {
      Target t = v.target();
      row(t.name(), v.where(), t.metric().label, t.required(), t.metric().format(v.measured()), v.result());
    }
    long met = verdicts.stream().filter(Target.Verdict::met).count();
    text(fmt("\n%d of %d targets met.\n", met, verdicts.size()));
    if (!misses.isEmpty()) {
      text("\nWhere a target is missed:\n\n");
      misses.forEach(m -> text("- " + m + "\n"));
    }
  }

  void write(Path out) throws IOException {
    Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
  }
}
