package dev.smsjdbc.aws;

import org.checkerframework.checker.nullness.qual.Nullable;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;

import java.net.URI;

/** The Region to use when the connection names none: the SDK's chain, minus what must not happen here. */
final class RegionChain {
  private RegionChain() {}

  /**
   * The Region of the SDK's chain (AWS_REGION, the profile, ...).
   *
   * @param endpoint the endpoint override, if any
   * @param profile the profile of the credentials, if any
   */
  static Region resolve(@Nullable URI endpoint, @Nullable String profile) {
    String profileName = profile != null ? profile : ProfileFileSystemSetting.AWS_PROFILE.getStringValueOrThrow();
    AwsProfileRegionProvider fromProfile = new AwsProfileRegionProvider(ProfileFile::defaultProfileFile, profileName);
    if (endpoint != null) {
      // An endpoint override (the emulator, a proxy): the Region only scopes the signature. Take it from
      // AWS_REGION or the profile if set, else us-east-1, and never ask EC2 instance metadata for one.
      try {
        return new AwsRegionProviderChain(new SystemSettingsRegionProvider(), fromProfile).getRegion();
      } catch (SdkClientException e) {
        return Region.US_EAST_1;
      }
    }
    try {
      // A named profile first; then the SDK's whole chain (AWS_REGION, the default profile, ...).
      AwsRegionProvider sdkChain = DefaultAwsRegionProviderChain.builder().build();
      return (profile == null ? sdkChain : new AwsRegionProviderChain(fromProfile, sdkChain)).getRegion();
    } catch (SdkClientException e) {
      throw new ApiException(ApiException.Kind.CONFIGURATION, "No AWS Region given: add region=<id> to the"
          + " jdbc:sms: URL, or set AWS_REGION or a region in the profile ("
          + ProfileFileSystemSetting.AWS_CONFIG_FILE.environmentVariable() + ").", e);
    }
  }

}
