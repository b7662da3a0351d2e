package dev.smsjdbc.jdbc;

import dev.smsjdbc.aws.QuietSigV4Signer;
import dev.smsjdbc.aws.SmsApi;
import dev.smsjdbc.emulator.SmsEmulator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
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
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.sms.SmsClient;
import software.amazon.awssdk.services.sms.SmsClientBuilder;

import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

/**
 * Builds the {@link SmsApi} of a connection from its settings: credentials (static keys, a profile, or the
 * SDK's default chain), region, endpoint, timeouts. With {@code demo=true} it points at the bundled emulator.
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

  static SmsApi create(SmsConnectionConfig config) throws SQLException {
    SmsClientBuilder builder = SmsClient.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .putAuthScheme(QUIET_SIGV4);
    Region region;
    if (config.demo()) {
      URI endpoint = DemoBackend.endpoint();
      builder.endpointOverride(endpoint)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
              SmsEmulator.DEMO_ACCESS_KEY_ID, SmsEmulator.DEMO_SECRET_ACCESS_KEY)));
      region = config.region() != null ? Region.of(config.region()) : Region.US_EAST_1;
    } else {
      builder.credentialsProvider(credentials(config));
      region = region(config);
      if (config.endpoint() != null) {
        builder.endpointOverride(config.endpoint());
      }
    }
    builder.region(region);
    builder.overrideConfiguration(o -> {
      o.retryStrategy(AwsRetryStrategy.forRetryMode(config.retryMode()).toBuilder()
          .maxAttempts(config.maxAttempts()).build());
      if (config.apiCallTimeout() != null) {
        o.apiCallTimeout(config.apiCallTimeout());
      }
    });
    return new SmsApi(builder.build(), region.id(), config.pageSize(), config.maxConcurrency());
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

  private static Region region(SmsConnectionConfig config) throws SQLException {
    if (config.region() != null) {
      return Region.of(config.region());
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
