package dev.smsjdbc.aws;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.scheme.AuthScheme;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;

/**
 * The driver's SigV4 request signer: the same signature as the SDK's {@code AwsV4HttpSigner}, computed by
 * {@link SigV4} so that no canonical request (which would show the session token) is ever logged.
 */
final class QuietSigV4Signer implements HttpSigner<AwsCredentialsIdentity> {
  /** The SDK's SigV4 auth scheme with this signer: what the driver's clients are built with. */
  static final AuthScheme<AwsCredentialsIdentity> SCHEME = new AuthScheme<>() {
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

  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  @Override public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
    AwsCredentialsIdentity identity = request.identity();
    Clock clock = request.property(HttpSigner.SIGNING_CLOCK);
    String amzDate = AMZ_DATE.format((clock == null ? Clock.systemUTC() : clock).instant());
    byte[] body = request.payload().map(QuietSigV4Signer::read).orElse(new byte[0]);
    String payloadHash = SigV4.sha256Hex(body);

    SdkHttpRequest.Builder builder = request.request().toBuilder()
        .putHeader("Host", hostHeader(request.request()))
        .putHeader("X-Amz-Date", amzDate)
        .putHeader("x-amz-content-sha256", payloadHash);
    if (identity instanceof AwsSessionCredentialsIdentity session) {
      builder.putHeader("X-Amz-Security-Token", session.sessionToken());
    }
    String region = request.property(AwsV4HttpSigner.REGION_NAME);
    String service = request.property(AwsV4HttpSigner.SERVICE_SIGNING_NAME);
    SigV4.Signature signature = SigV4.sign(builder.build(), payloadHash, identity.secretAccessKey(), region,
        service, amzDate);
    builder.putHeader("Authorization", SigV4.ALGORITHM + " Credential=" + identity.accessKeyId() + "/"
        + SigV4.scope(amzDate, region, service) + ", SignedHeaders=" + signature.signedHeaders()
        + ", Signature=" + signature.signature());
    return SignedRequest.builder().request(builder.build())
        .payload(request.payload().orElse(null)).build();
  }

  /** The driver uses the synchronous client only. */
  @Override public CompletableFuture<AsyncSignedRequest> signAsync(
      AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException("synchronous client only"));
  }

  private static String hostHeader(SdkHttpRequest request) {
    boolean standardPort = request.port() == ("https".equals(request.protocol()) ? 443 : 80);
    return standardPort ? request.host() : request.host() + ":" + request.port();
  }

  private static byte[] read(ContentStreamProvider provider) {
    try (InputStream in = provider.newStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the request body to sign it", e);
    }
  }
}
