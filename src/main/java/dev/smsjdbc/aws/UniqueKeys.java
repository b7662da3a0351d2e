package dev.smsjdbc.aws;

import dev.smsjdbc.api.SmsOperation;
import dev.smsjdbc.api.VisibleText;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The ids one scan has returned, so that no row comes twice: a listing whose pages repeat an item (the
 * endpoint repeats pages, or the listing changed while it was read) is an error at the first repeat, not
 * a row shown twice nor one dropped quietly, since a listing that repeats rows may as well have skipped
 * some. The set is bounded by what the scan reads ({@code maxApiCalls} pages within
 * {@code maxResponseSize} each).
 */
final class UniqueKeys<T> {
  private final SmsOperation operation;
  private final String keyMember;
  private final Function<T, @Nullable String> key;
  private final Set<String> seen = new HashSet<>();

  private UniqueKeys(SmsOperation operation, Function<T, @Nullable String> key) {
    this.operation = operation;
    this.keyMember = AnswerCheck.keyMember(operation);
    this.key = key;
  }

  static UniqueKeys<JobRow> jobs() {
    return new UniqueKeys<>(SmsOperation.GET_REPLICATION_JOBS, r -> r.job().replicationJobId());
  }

  static UniqueKeys<RunRow> runs() {
    return new UniqueKeys<>(SmsOperation.GET_REPLICATION_RUNS, r -> r.run().replicationRunId());
  }

  /** The items of a list operation, by the getter of their id member ({@link AnswerCheck#keyMember}). */
  static <T> UniqueKeys<Regional<T>> of(SmsOperation operation, Function<T, @Nullable String> key) {
    return new UniqueKeys<>(operation, r -> key.apply(r.item()));
  }

  /** Notes the ids of the next items of the scan; fails at the first one already returned. */
  List<T> check(List<T> items) {
    for (T item : items) {
      String id = key.apply(item);
      if (id != null && !seen.add(id)) { // every live item has its id (AnswerCheck); saved history too
        throw new ApiException(ApiException.Kind.INVALID_ANSWER, operation.wireName() + " answered the item with "
            + keyMember + " \"" + VisibleText.quoted(id, 80) + "\" twice in one scan: the endpoint repeats its pages"
            + " or the listing changed while it was read, so no result is returned; run the query again.");
      }
    }
    return items;
  }
}
