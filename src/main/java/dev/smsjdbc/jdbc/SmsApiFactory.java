package dev.smsjdbc.jdbc;

import dev.smsjdbc.aws.QuietSigV4Signer;
import dev.smsjdbc.aws.ApiSession;
import dev.smsjdbc.aws.SmsErrors;
import dev.smsjdbc.emulator.SmsEmulator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.spi.scheme.AuthScheme;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.sms.SmsClient;
import software.amazon.awssdk.services.sms.SmsClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

import com.google.common.hash.Hashing;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.function.Consumer;

/**
 * Builds the {@link ApiSession} of a connection from its settings: credentials (static keys, a profile, or the
 * SDK's default chain, optionally turned into an assumed role's through STS), region, endpoint, timeouts. With {@code demo=true} it points at the bundled emulator.
 * Nothing here calls AWS: credentials are resolved on the first API call.
 */
final class SmsApiFactory {
  private SmsApiFactory() {}

  /** SigV4 as the SDK does it, minus the SDK signer's debug log of canonical requests (session tokens). */
  private static final AuthScheme<AwsCredentialsIdentity> QUIET_SIGV4 = new AuthScheme<>() {
    private final QuietSigV4Signer signer = new QuietSigV4Signer();

    @Override public String schemeId() {
      return AwsV4AuthScheme.SCHEME_ID;
    }

    @Override public IdentityProvider<AwsCredentialsIdentity> identityProvider(IdentityProviders providers) {
      return providers.identityProvider(AwsCredentialsIdentity.class);
    }

    @Override public HttpSigner<AwsCredentialsIdentity> signer() {
      return signer;
    }
  };

  static ApiSession create(SmsConnectionConfig config) throws SQLException {
    URI endpoint = config.demo() ? DemoBackend.endpoint() : config.endpoint();
    AwsCredentialsProvider credentials = config.demo()
        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(
            SmsEmulator.DEMO_ACCESS_KEY_ID, SmsEmulator.DEMO_SECRET_ACCESS_KEY))
        : credentials(config);
    List<String> regions = !config.regions().isEmpty() ? config.regions()
        : List.of(config.demo() ? Region.US_EAST_1.id() : defaultRegion(config).id());
    Consumer<ClientOverrideConfiguration.Builder> overrides = o -> {
      o.retryStrategy(AwsRetryStrategy.forRetryMode(config.retryMode()).toBuilder()
          .maxAttempts(config.maxAttempts()).build());
      if (config.apiCallTimeout() != null) {
        o.apiCallTimeout(config.apiCallTimeout());
      }
    };
    List<AutoCloseable> resources = new ArrayList<>();
    if (credentials instanceof AutoCloseable closeable) {
      // The default chain and profile providers may hold threads and clients of their own.
      resources.add(closeable);
    }
    if (config.roleArn() != null) {
      credentials = assumeRole(config, credentials, regions.isEmpty() ? Region.US_EAST_1.id() : regions.get(0),
          config.stsEndpoint() != null || !config.demo() ? config.stsEndpoint() : endpoint, overrides, resources);
    }
    Map<String, SmsClient> clients = new LinkedHashMap<>();
    for (String region : regions) {
      SmsClientBuilder builder = SmsClient.builder()
          .httpClientBuilder(UrlConnectionHttpClient.builder())
          .putAuthScheme(QUIET_SIGV4)
          .credentialsProvider(credentials)
          .region(Region.of(region))
          .overrideConfiguration(overrides);
      if (endpoint != null) {
        builder.endpointOverride(endpoint);
      }
      clients.put(region, builder.build());
    }
    ApiSession session = new ApiSession(new ApiSession.Settings(config.pageSize(), config.maxConcurrency(),
        config.partialResults(), config.maxApiCalls(), config.cacheTtl(), cacheScope(config, endpoint)),
        clients);
    resources.forEach(session::closeOnClose);
    return session;
  }

  /**
   * The {@code roleArn}'s credentials, assumed through STS with {@code base}'s. AssumeRole is called on the
   * first API call, and again when the temporary credentials come within minutes of expiring, in the calling
   * thread (no refresh thread). The STS client and the provider go to {@code resources}, to close with the
   * connection. A failure names the role ({@link SmsErrors#assumeRoleFailed}).
   */
  private static AwsCredentialsProvider assumeRole(SmsConnectionConfig config, AwsCredentialsProvider base,
      String region, @Nullable URI stsEndpoint, Consumer<ClientOverrideConfiguration.Builder> overrides,
      List<AutoCloseable> resources) {
    StsClientBuilder builder = StsClient.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .putAuthScheme(QUIET_SIGV4)
        .credentialsProvider(base)
        .region(Region.of(region))
        .overrideConfiguration(overrides);
    if (stsEndpoint != null) {
      builder.endpointOverride(stsEndpoint);
    }
    StsClient sts = builder.build();
    StsAssumeRoleCredentialsProvider assumed = StsAssumeRoleCredentialsProvider.builder()
        .stsClient(sts)
        .asyncCredentialUpdateEnabled(false)
        .refreshRequest(r -> r.roleArn(config.roleArn()).roleSessionName(config.roleSessionName())
            .externalId(config.externalId()))
        .build();
    resources.add(assumed);
    resources.add(sts);
    String roleArn = config.roleArn();
    return new AwsCredentialsProvider() {
      @Override public AwsCredentials resolveCredentials() {
        try {
          return assumed.resolveCredentials();
        } catch (SdkException e) {
          throw SmsErrors.assumeRoleFailed(roleArn, e);
        }
      }

      @Override public String toString() {
        return "AssumeRole(" + roleArn + ")";
      }
    };
  }

  /**
   * Who is asking, for the shared response cache: connections share answers only with the same credentials
   * and endpoint. Secrets enter only as a hash.
   */
  private static String cacheScope(SmsConnectionConfig config, @Nullable URI endpoint) {
    String who;
    if (config.demo()) {
      who = "demo";
    } else if (config.accessKeyId() != null) {
      who = "keys:" + config.accessKeyId() + ":" + Hashing.sha256().hashString(
          config.secretAccessKey() + "\n" + config.sessionToken(), StandardCharsets.UTF_8);
    } else if (config.profile() != null) {
      who = "profile:" + config.profile();
    } else {
      who = "default-chain";
    }
    if (config.roleArn() != null) {
      who += " role:" + config.roleArn() + ":" + config.externalId();
    }
    return who + " @" + endpoint;
  }

  private static AwsCredentialsProvider credentials(SmsConnectionConfig config) {
    if (config.accessKeyId() != null) {
      return StaticCredentialsProvider.create(config.sessionToken() == null
          ? AwsBasicCredentials.create(config.accessKeyId(), config.secretAccessKey())
          : AwsSessionCredentials.create(config.accessKeyId(), config.secretAccessKey(), config.sessionToken()));
    }
    if (config.profile() != null) {
      return ProfileCredentialsProvider.create(config.profile());
    }
    return DefaultCredentialsProvider.builder().build();
  }

  /** The Region of the SDK's chain (AWS_REGION, the profile, ...) when the URL names none. */
  private static Region defaultRegion(SmsConnectionConfig config) throws SQLException {
    if (config.endpoint() != null) {
      // An endpoint override (the emulator, a proxy): the Region only scopes the signature. Take it from
      // AWS_REGION or the profile if set, else us-east-1, and never ask EC2 instance metadata for one.
      for (AwsRegionProvider provider : List.<AwsRegionProvider>of(new SystemSettingsRegionProvider(),
          new AwsProfileRegionProvider(() -> ProfileFile.defaultProfileFile(),
              config.profile() != null ? config.profile() : ProfileFileSystemSetting.AWS_PROFILE.getStringValueOrThrow()))) {
        try {
          Region region = provider.getRegion();
          if (region != null) {
            return region;
          }
        } catch (SdkClientException | IllegalStateException e) {
          // not set there: try the next
        }
      }
      return Region.US_EAST_1;
    }
    try {
      if (config.profile() != null) {
        Region fromProfile = new AwsProfileRegionProvider(
            () -> ProfileFile.defaultProfileFile(), config.profile()).getRegion();
        if (fromProfile != null) {
          return fromProfile;
        }
      }
      return DefaultAwsRegionProviderChain.builder().build().getRegion();
    } catch (SdkClientException e) {
      throw new SQLNonTransientConnectionException("No AWS Region given: add region=<id> to the jdbc:sms: URL,"
          + " or set AWS_REGION or a region in the profile (" + ProfileFileSystemSetting.AWS_CONFIG_FILE
          .environmentVariable() + ").", "08001", e);
    }
  }
}
