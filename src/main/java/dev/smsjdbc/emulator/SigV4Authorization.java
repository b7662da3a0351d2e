package dev.smsjdbc.emulator;

import com.google.common.base.Splitter;

import java.util.List;

/**
 * The parts of an {@code AWS4-HMAC-SHA256 Credential=.., SignedHeaders=.., Signature=..} header, parsed
 * with the error messages AWS gives for a malformed one.
 */
record SigV4Authorization(String accessKeyId, String date, String region, String service,
    String terminator, List<String> signedHeaders, String signature) {

  /**
   * @throws ApiError IncompleteSignatureException if a part is missing or the scope is malformed
   */
  static SigV4Authorization parse(String header) {
    String algorithm = SigV4Signature.ALGORITHM;
    if (!header.startsWith(algorithm + " ")) {
      throw ApiError.incompleteSignature("Authorization header requires 'Credential' parameter. "
          + "Authorization header requires 'Signature' parameter. Authorization header requires "
          + "'SignedHeaders' parameter. Authorization=" + header);
    }
    String credential = null;
    String signedHeaders = null;
    String signature = null;
    for (String part : Splitter.on(',').trimResults().omitEmptyStrings()
        .split(header.substring(algorithm.length() + 1))) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String value = part.substring(eq + 1);
      switch (part.substring(0, eq)) {
        case "Credential" -> credential = value;
        case "SignedHeaders" -> signedHeaders = value;
        case "Signature" -> signature = value;
        default -> {
        }
      }
    }
    StringBuilder missing = new StringBuilder();
    if (credential == null) {
      missing.append("Authorization header requires 'Credential' parameter. ");
    }
    if (signature == null) {
      missing.append("Authorization header requires 'Signature' parameter. ");
    }
    if (signedHeaders == null) {
      missing.append("Authorization header requires 'SignedHeaders' parameter. ");
    }
    if (missing.length() > 0) {
      throw ApiError.incompleteSignature(missing + "Authorization=" + header);
    }
    List<String> scope = Splitter.on('/').splitToList(credential);
    if (scope.size() != 5) {
      throw ApiError.incompleteSignature("Credential should be scoped to a valid region. "
          + "Authorization=" + header);
    }
    return new SigV4Authorization(scope.get(0), scope.get(1), scope.get(2), scope.get(3),
        scope.get(4), Splitter.on(';').splitToList(signedHeaders), signature);
  }

  /**
   * The access key id of an {@code Authorization} header ({@code Credential=<id>/...}), whether or
   * not it is well-formed; null if there is none.
   */
  static String accessKeyIdOf(String authorization) {
    if (authorization == null) {
      return null;
    }
    int start = authorization.indexOf("Credential=");
    if (start < 0) {
      return null;
    }
    start += "Credential=".length();
    int end = authorization.indexOf('/', start);
    return end <= start ? null : authorization.substring(start, end);
  }
}
