package dev.smsjdbc.aws;

import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/**
 * What one scan reads, resolved to values: the planner's pushed-down keys, Regions and row limit after
 * parameters are bound. It is the only thing a table hands to the API side.
 *
 * @param keys distinct key values (non-empty strings), or null for every item
 * @param regions the Regions to read, or null for all of the connection's
 * @param limit rows wanted, or -1 for all
 */
public record ScanRequest(@Nullable List<String> keys, @Nullable List<String> regions, long limit) {

  public ScanRequest {
    keys = keys == null ? null : List.copyOf(keys);
    regions = regions == null ? null : List.copyOf(regions);
  }

  /** Whether the request can be answered with no row and no call: a limit of 0, or no key or Region left. */
  public boolean isEmpty() {
    return limit == 0 || keys != null && keys.isEmpty() || regions != null && regions.isEmpty();
  }
}
