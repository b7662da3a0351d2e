package dev.smsjdbc.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * The SMS API operations the driver reads, under the one name each has on the wire ({@code X-Amz-Target}
 * suffix), in EXPLAIN and in {@code sms_meta.api_calls}. Shared by the driver and the emulator, which is
 * why it lives apart from both.
 */
public enum SmsOperation {
  GET_REPLICATION_JOBS("GetReplicationJobs"),
  GET_REPLICATION_RUNS("GetReplicationRuns"),
  GET_SERVERS("GetServers"),
  GET_CONNECTORS("GetConnectors"),
  LIST_APPS("ListApps");

  private final String wireName;

  SmsOperation(String wireName) {
    this.wireName = wireName;
  }

  /** The operation's name in the API model, e.g. {@code GetReplicationJobs}. */
  public String wireName() {
    return wireName;
  }

  /** The operation with this model name, if the driver knows it. */
  public static Optional<SmsOperation> ofWireName(String name) {
    return Arrays.stream(values()).filter(o -> o.wireName.equals(name)).findFirst();
  }

  @Override public String toString() {
    return wireName;
  }
}
