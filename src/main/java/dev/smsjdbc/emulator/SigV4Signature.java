package dev.smsjdbc.emulator;

import com.google.common.base.Splitter;
import com.google.common.hash.Hashing;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * The Signature Version 4 that AWS expects of a request, computed from the specification (canonical
 * request, string to sign, derived signing key; "Create a signed AWS API request" in the IAM guide).
 *
 * <p>It is written here, not taken from the driver's signer nor from the SDK's on which that builds, so
 * that a signing bug of the driver is not mirrored by the emulator: like AWS, the emulator checks
 * requests against the specification, not against the client's own code. It covers what SMS and STS
 * clients send: any path (normalized, then URI-encoded again, as for every service but S3), query
 * parameters, and exactly the headers that the client signed.
 */
final class SigV4Signature {
  static final String ALGORITHM = "AWS4-HMAC-SHA256";

  private SigV4Signature() {
  }

  /**
   * The hex signature.
   *
   * @param signedHeaders the signed headers, by lowercase name, each with its values as they arrived
   * @param payloadHash hex SHA-256 of the body, or {@code UNSIGNED-PAYLOAD}
   * @param amzDate the request's {@code X-Amz-Date}, {@code yyyyMMdd'T'HHmmss'Z'}
   */
  static String compute(String method, URI uri, SortedMap<String, List<String>> signedHeaders,
      String payloadHash, String secretAccessKey, String amzDate, String region, String service) {
    String canonicalRequest = String.join("\n", method, canonicalPath(uri.getRawPath()),
        canonicalQuery(uri.getRawQuery()), canonicalHeaders(signedHeaders),
        String.join(";", signedHeaders.keySet()), payloadHash);
    String scope = amzDate.substring(0, 8) + "/" + region + "/" + service + "/aws4_request";
    String stringToSign = String.join("\n", ALGORITHM, amzDate, scope,
        sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    byte[] key = ("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8);
    key = hmac(key, amzDate.substring(0, 8));
    key = hmac(key, region);
    key = hmac(key, service);
    key = hmac(key, "aws4_request");
    return Hashing.hmacSha256(key).hashString(stringToSign, StandardCharsets.UTF_8).toString();
  }

  static String sha256Hex(byte[] bytes) {
    return Hashing.sha256().hashBytes(bytes).toString();
  }

  private static byte[] hmac(byte[] key, String data) {
    return Hashing.hmacSha256(key).hashString(data, StandardCharsets.UTF_8).asBytes();
  }

  /** The raw (once-encoded) path without dot segments, encoded a second time; "/" if empty. */
  private static String canonicalPath(String rawPath) {
    if (rawPath == null || rawPath.isEmpty()) {
      return "/";
    }
    // With a scheme and host, so that a path starting "//" is not taken for an authority.
    return encode(URI.create("http://host" + rawPath).normalize().getRawPath(), true);
  }

  /** Parameters decoded, then encoded the one SigV4 way, sorted by name and value. */
  private static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> pairs = new ArrayList<>();
    for (String pair : Splitter.on('&').omitEmptyStrings().split(rawQuery)) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      pairs.add(new String[] {encode(decode(name), false), encode(decode(value), false)});
    }
    pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
    return pairs.stream().map(p -> p[0] + "=" + p[1]).collect(Collectors.joining("&"));
  }

  /** {@code name:value\n} per header; values trimmed, inner runs of spaces collapsed, joined by ",". */
  private static String canonicalHeaders(SortedMap<String, List<String>> headers) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      sb.append(header.getKey()).append(':');
      List<String> values = header.getValue();
      for (int i = 0; i < values.size(); i++) {
        sb.append(i == 0 ? "" : ",").append(values.get(i).trim().replaceAll(" {2,}", " "));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Percent-encodes all but the unreserved characters (and {@code /} if {@code keepSlash}). */
  private static String encode(String s, boolean keepSlash) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
          || c == '-' || c == '_' || c == '.' || c == '~' || keepSlash && c == '/') {
        sb.append(c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
