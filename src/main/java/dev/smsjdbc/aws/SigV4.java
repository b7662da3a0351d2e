package dev.smsjdbc.aws;

import com.google.common.hash.Hashing;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.internal.signer.V4CanonicalRequest;

import java.nio.charset.StandardCharsets;

/**
 * AWS Signature Version 4 over the AWS SDK's own canonical request ({@link V4CanonicalRequest}, the
 * canonicalisation every SDK signer uses), for the driver's request signer. The emulator checks signatures
 * with its own implementation, so a mistake here cannot be mirrored there.
 *
 * <p>Why not the SDK's signer itself: it logs each canonical request at DEBUG, and a canonical request holds
 * the session token ({@code x-amz-security-token}) in clear. A user who turns on the SDK's debug log must
 * not find a credential in it. The SDK is pinned at its last {@code sms} release (2.33.4), so the internal
 * class this relies on cannot change under it.
 */
final class SigV4 {
  private SigV4() {}

  static final String ALGORITHM = "AWS4-HMAC-SHA256";

  /** The signature and signed-headers list of a request whose headers are exactly those to sign. */
  record Signature(String signedHeaders, String signature) {}

  /**
   * Signs {@code request}.
   *
   * @param amzDate the request's {@code X-Amz-Date}, {@code yyyyMMdd'T'HHmmss'Z'}
   * @param payloadSha256 hex SHA-256 of the body
   */
  static Signature sign(SdkHttpRequest request, String payloadSha256, String secretAccessKey,
      String region, String service, String amzDate) {
    V4CanonicalRequest canonical = new V4CanonicalRequest(request, payloadSha256,
        new V4CanonicalRequest.Options(true, true));
    String scope = scope(amzDate, region, service);
    String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
        + sha256Hex(canonical.getCanonicalRequestString().getBytes(StandardCharsets.UTF_8));
    byte[] key = ("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8);
    for (String part : scope.split("/")) {
      key = hmac(key, part);
    }
    return new Signature(canonical.getSignedHeadersString(),
        Hashing.hmacSha256(key).hashString(stringToSign, StandardCharsets.UTF_8).toString());
  }

  /** The credential scope {@code date/region/service/aws4_request}. */
  static String scope(String amzDate, String region, String service) {
    return amzDate.substring(0, 8) + "/" + region + "/" + service + "/aws4_request";
  }

  static String sha256Hex(byte[] bytes) {
    return Hashing.sha256().hashBytes(bytes).toString();
  }

  private static byte[] hmac(byte[] key, String data) {
    return Hashing.hmacSha256(key).hashString(data, StandardCharsets.UTF_8).asBytes();
  }
}
