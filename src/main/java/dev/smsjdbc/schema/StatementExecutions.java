package dev.smsjdbc.schema;

import com.google.common.collect.MapMaker;
import dev.smsjdbc.aws.Execution;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link Execution} of each statement. Calcite hands a table nothing that identifies its statement but
 * the statement's cancel flag, one per statement, so that flag is the key; it is held weakly, so the entry
 * goes when the statement does.
 */
public final class StatementExecutions {
  private static final Map<AtomicBoolean, Execution> EXECUTIONS = new MapMaker().weakKeys().makeMap();

  private StatementExecutions() {}

  /** The execution of the statement whose cancel flag this is; a fresh one when there is no flag. */
  public static Execution of(@Nullable AtomicBoolean cancelFlag) {
    return cancelFlag == null ? new Execution() : EXECUTIONS.computeIfAbsent(cancelFlag, f -> new Execution());
  }
}
