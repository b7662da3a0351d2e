package dev.smsjdbc.aws;

import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/** One page of a paginated SMS call: its items and the token of the next page, if any. */
public record Page<T>(List<T> items, @Nullable String nextToken) {}
