package dev.smsjdbc.aws;

import software.amazon.awssdk.services.sms.model.ReplicationJob;
import software.amazon.awssdk.services.sms.model.VmServer;
import software.amazon.awssdk.services.sms.model.VmServerAddress;

import java.util.Optional;

/** A replication job as returned by GetReplicationJobs, with the region it was read from. */
public record JobRow(String region, ReplicationJob job) {

  public Optional<VmServer> vmServer() {
    return Optional.ofNullable(job.vmServer());
  }

  public Optional<VmServerAddress> vmServerAddress() {
    return vmServer().map(VmServer::vmServerAddress);
  }
}
