package dev.smsjdbc.aws;

/** An item of a list operation with the Region it was read from. */
public record Regional<T>(String region, T item) {}
