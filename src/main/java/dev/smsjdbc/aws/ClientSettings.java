package dev.smsjdbc.aws;

import org.checkerframework.checker.nullness.qual.Nullable;
import software.amazon.awssdk.core.retry.RetryMode;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How to build a connection's SDK clients: where to call, as whom, and how calls are retried and bounded.
 *
 * @param endpoint an endpoint override (an emulator, a proxy), or null for AWS's own
 * @param regions the Regions to query; empty for the SDK's region chain
 * @param credentials whose credentials sign the calls
 * @param role a role to assume on top of them, or null
 * @param apiCallTimeout the time limit of one call, retries included, or null for none
 * @param retryMode the SDK's retry mode
 * @param maxAttempts attempts per call, the first included
 * @param maxResponseBytes the largest answer accepted ({@link BoundedHttpClient})
 */
public record ClientSettings(@Nullable URI endpoint, List<String> regions, CredentialSource credentials,
    @Nullable AssumedRole role, @Nullable Duration apiCallTimeout, RetryMode retryMode, int maxAttempts,
    long maxResponseBytes) {

  public ClientSettings {
    regions = List.copyOf(regions);
  }

  /** Where the base credentials come from. */
  public sealed interface CredentialSource {
    /** Static keys, e.g. from the URL. */
    record StaticKeys(String accessKeyId, String secretAccessKey, @Nullable String sessionToken)
        implements CredentialSource {
      @Override public String toString() {
        return "StaticKeys[" + accessKeyId + "]"; // never the secret or the token
      }
    }

    /** A named profile of ~/.aws/config and ~/.aws/credentials (which may also give the Region). */
    record Profile(String name) implements CredentialSource {}

    /** The SDK's default chain: environment, system properties, profiles, SSO, container, instance. */
    record DefaultChain() implements CredentialSource {}
  }

  /**
   * A role assumed through STS with the base credentials.
   *
   * @param stsEndpoint an STS endpoint override, or null for the Region's
   */
  public record AssumedRole(String roleArn, @Nullable String externalId, String sessionName,
      @Nullable URI stsEndpoint) {
    @Override public String toString() {
      return "AssumedRole[" + roleArn + "]"; // the external id is a shared secret of the trust policy
    }
  }
}
