package dev.smsjdbc.emulator;

import com.google.common.base.Splitter;
import com.google.common.net.HostAndPort;
import com.google.common.collect.ImmutableMap;

import dev.smsjdbc.aws.SigV4;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * Checks the AWS Signature Version 4 of a request, as AWS does.
 *
 * <p>It rebuilds the request from what arrived (method, path, query, exactly the headers named in
 * {@code SignedHeaders}, the body), signs that with {@link SigV4} (the AWS SDK's own canonical request)
 * using the configured secret for the access key, the region and service of the credential scope, and
 * the request's own {@code X-Amz-Date}, and compares the signatures in constant time. Because only the
 * signed headers are rebuilt, requests of the AWS SDK for Java (which signs {@code x-amz-content-sha256})
 * and of botocore, hence the AWS CLI (which does not), verify alike. The SDK's signer is not used because
 * it logs canonical requests, session tokens included, at DEBUG.
 *
 * <p>With the configured (long-term) credentials, a session token ({@code X-Amz-Security-Token}) is
 * accepted whatever its value, provided the access key and secret match: the token is covered by the
 * signature, so it cannot be changed in transit. Temporary credentials that the emulator's own STS
 * issued ({@link IssuedCredentials}, see {@link StsOperations}) are accepted only with the session
 * token issued with them, as AWS does: without it or with another one the request is refused with
 * {@code UnrecognizedClientException} (400), and after their expiration with
 * {@code ExpiredTokenException} (400).
 *
 * <p>Errors follow AWS: no Authorization header is {@code MissingAuthenticationTokenException}
 * (403), a malformed one {@code IncompleteSignatureException} (400), an unknown access key
 * {@code UnrecognizedClientException} (400), a wrong signature, scope, or a time more than 15
 * minutes from the server's {@code InvalidSignatureException} (403). These are SMS's (JSON) codes;
 * {@link StsOperations#asStsError} renames them for STS.
 */
final class SigV4Verifier {
  static final String SERVICE = "sms";
  private static final String ALGORITHM = "AWS4-HMAC-SHA256";
  private static final Duration MAX_SKEW = Duration.ofMinutes(15);
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Map<String, String> secrets;
  private final IssuedCredentials issued;
  private final Clock clock;

  /**
   * @param secrets secret access key by access key id
   */
  SigV4Verifier(Map<String, String> secrets, Clock clock) {
    this(secrets, new IssuedCredentials(), clock);
  }

  /**
   * @param secrets secret access key by access key id (long-term credentials)
   * @param issued temporary credentials issued by the emulator's STS, accepted with their token
   */
  SigV4Verifier(Map<String, String> secrets, IssuedCredentials issued, Clock clock) {
    this.secrets = ImmutableMap.copyOf(secrets);
    this.issued = issued;
    this.clock = clock;
  }

  /** What the verifier needs to know of a request. */
  interface Request {
    String method();

    URI uri();

    /** All values of a header (case-insensitive name), empty if absent. */
    List<String> header(String name);

    byte[] body();
  }

  /**
   * Verifies the signature of an SMS {@code request} (credential scope service {@code sms}).
   *
   * @return the access key id that signed it
   * @throws ApiError if it is missing or not valid
   */
  String verify(Request request) {
    return verify(request, SERVICE);
  }

  /**
   * Verifies the signature of {@code request} for {@code service}, the service its credential scope
   * must name ({@code sms}, {@code sts}).
   *
   * @return the access key id that signed it
   * @throws ApiError if it is missing or not valid
   */
  String verify(Request request, String service) {
    String authorization = first(request, "Authorization").orElse(null);
    if (authorization == null) {
      throw ApiError.missingAuthenticationToken();
    }
    Authorization auth = Authorization.parse(authorization);
    String secret = secrets.get(auth.accessKeyId);
    if (secret == null) {
      IssuedCredentials.Issued temporary = issued.get(auth.accessKeyId);
      if (temporary == null) {
        throw ApiError.unrecognizedClient();
      }
      String token = first(request, "X-Amz-Security-Token").orElse("");
      if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
          temporary.sessionToken().getBytes(StandardCharsets.UTF_8))) {
        throw ApiError.unrecognizedClient();
      }
      if (clock.instant().isAfter(temporary.expiration())) {
        throw ApiError.expiredToken();
      }
      secret = temporary.secretAccessKey();
    }
    if (!auth.service.equals(service)) {
      throw ApiError.invalidSignature(
          "Credential should be scoped to correct service: '" + service + "'. ");
    }
    if (!auth.terminator.equals("aws4_request")) {
      throw ApiError.invalidSignature("Credential should be scoped with a valid terminator: "
          + "'aws4_request', not '" + auth.terminator + "'. ");
    }
    String amzDate = first(request, "X-Amz-Date").orElseThrow(() -> ApiError.incompleteSignature(
        "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
            + "Authorization=" + authorization));
    Instant signedAt;
    try {
      signedAt = Instant.from(AMZ_DATE.parse(amzDate));
    } catch (DateTimeParseException e) {
      throw ApiError.incompleteSignature("Date must be in ISO-8601 'basic format'. Got '"
          + amzDate + "'. See http://en.wikipedia.org/wiki/ISO_8601");
    }
    if (!amzDate.startsWith(auth.date)) {
      throw ApiError.invalidSignature("Date in Credential scope does not match YYYYMMDD from "
          + "ISO-8601 version of date from HTTP: '" + auth.date + "' != '"
          + amzDate.substring(0, 8) + "', from '" + amzDate + "'.");
    }
    Instant now = clock.instant();
    if (Duration.between(signedAt, now).abs().compareTo(MAX_SKEW) > 0) {
      throw ApiError.invalidSignature("Signature expired: " + amzDate + " is now earlier than "
          + AMZ_DATE.format(now.minus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " - 15 min.)");
    }
    if (!auth.signedHeaders.contains("host")) {
      throw ApiError.invalidSignature("'Host' must be a 'SignedHeader' in the AWS Authorization.");
    }

    String expected = expectedSignature(request, auth, secret, signedAt);
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        auth.signature.getBytes(StandardCharsets.US_ASCII))) {
      throw ApiError.invalidSignature("The request signature we calculated does not match the "
          + "signature you provided. Check your AWS Secret Access Key and signing method. "
          + "Consult the service documentation for details.");
    }
    return auth.accessKeyId;
  }

  private static String expectedSignature(Request request, Authorization auth, String secret,
      Instant signedAt) {
    URI uri = request.uri();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    HostAndPort host = HostAndPort.fromString(first(request, "Host").orElse("localhost"))
        .withDefaultPort(80);
    SdkHttpFullRequest.Builder rebuilt = SdkHttpFullRequest.builder()
        .method(SdkHttpMethod.fromValue(request.method()))
        .protocol("http")
        .host(host.getHost())
        .port(host.getPort())
        .encodedPath(path);
    if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
      for (String pair : Splitter.on('&').omitEmptyStrings().split(uri.getRawQuery())) {
        int eq = pair.indexOf('=');
        rebuilt.appendRawQueryParameter(decode(eq < 0 ? pair : pair.substring(0, eq)),
            eq < 0 ? null : decode(pair.substring(eq + 1)));
      }
    }
    for (String name : auth.signedHeaders) {
      List<String> values = request.header(name);
      if (values.isEmpty()) {
        throw ApiError.invalidSignature("The request signature we calculated does not match the "
            + "signature you provided: signed header '" + name + "' is missing.");
      }
      rebuilt.putHeader(name, values);
    }
    byte[] body = request.body();
    String bodyHash = SigV4.sha256Hex(body);
    String contentHash = first(request, "x-amz-content-sha256").orElse(bodyHash);
    if (!contentHash.equals(bodyHash) && !contentHash.equals("UNSIGNED-PAYLOAD")) {
      throw ApiError.invalidSignature("The provided 'x-amz-content-sha256' header does not match what "
          + "was computed.");
    }
    return SigV4.sign(rebuilt.build(), contentHash, secret, auth.region, auth.service,
        first(request, "X-Amz-Date").orElseThrow()).signature();
  }

  /**
   * The access key id of an {@code Authorization} header ({@code Credential=<id>/...}), whether or
   * not its signature is valid; null if there is none.
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

  private static Optional<String> first(Request request, String name) {
    List<String> values = request.header(name);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** The parts of an {@code AWS4-HMAC-SHA256 Credential=.., SignedHeaders=.., Signature=..}. */
  private static final class Authorization {
    final String accessKeyId;
    final String date;
    final String region;
    final String service;
    final String terminator;
    final List<String> signedHeaders;
    final String signature;

    private Authorization(List<String> scope, List<String> signedHeaders, String signature) {
      this.accessKeyId = scope.get(0);
      this.date = scope.get(1);
      this.region = scope.get(2);
      this.service = scope.get(3);
      this.terminator = scope.get(4);
      this.signedHeaders = signedHeaders;
      this.signature = signature;
    }

    static Authorization parse(String header) {
      if (!header.startsWith(ALGORITHM + " ")) {
        throw ApiError.incompleteSignature("Authorization header requires 'Credential' parameter. "
            + "Authorization header requires 'Signature' parameter. Authorization header requires "
            + "'SignedHeaders' parameter. Authorization=" + header);
      }
      String credential = null;
      String signedHeaders = null;
      String signature = null;
      for (String part : Splitter.on(',').trimResults().omitEmptyStrings()
          .split(header.substring(ALGORITHM.length() + 1))) {
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
      return new Authorization(scope, Splitter.on(';').splitToList(signedHeaders), signature);
    }
  }
}
