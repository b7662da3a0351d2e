package dev.smsjdbc.aws;

import dev.smsjdbc.api.SmsOperation;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;
import java.util.Set;

/** One page of a paginated SMS call: its items and the token of the next page, if any. */
public record Page<T>(List<T> items, @Nullable String nextToken) {

  /** The page size to ask for: a full page, or no more than the rows still wanted ({@code limit} -1: all). */
  static int maxResults(int pageSize, long limit, long received) {
    return limit < 0 ? pageSize : (int) Math.max(1, Math.min(pageSize, limit - received));
  }

  /**
   * Notes this page's token among those of the listing so far; a server that hands out a token it gave
   * before would make the listing loop forever, so that is an error at the first repeat.
   */
  Page<T> checkedAgainst(Set<String> tokensSeen, SmsOperation operation) {
    if (nextToken != null && !tokensSeen.add(nextToken)) {
      throw new ApiException(ApiException.Kind.FAILED, operation.wireName() + " failed: the endpoint returned a"
          + " nextToken it had returned before; the listing would never end, so it was stopped.");
    }
    return this;
  }
}
