package dev.smsjdbc.emulator;

import com.google.common.collect.ImmutableMap;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Checks the AWS Signature Version 4 of a request, as AWS does.
 *
 * <p>It computes the signature ({@link SigV4Signature}) over what arrived: method, path, query,
 * exactly the headers named in {@code SignedHeaders}, the body, with the configured secret for the
 * access key, the region and service of the credential scope and the request's own
 * {@code X-Amz-Date}; and it compares the signatures in constant time. Because only the signed headers
 * count, requests of the AWS SDK for Java (which signs {@code x-amz-content-sha256}) and of botocore,
 * hence the AWS CLI (which does not), verify alike.
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
    SigV4Authorization auth = SigV4Authorization.parse(authorization);
    String secret = secrets.get(auth.accessKeyId());
    if (secret == null) {
      IssuedCredentials.Issued temporary = issued.get(auth.accessKeyId());
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
    if (!auth.service().equals(service)) {
      throw ApiError.invalidSignature(
          "Credential should be scoped to correct service: '" + service + "'. ");
    }
    if (!auth.terminator().equals("aws4_request")) {
      throw ApiError.invalidSignature("Credential should be scoped with a valid terminator: "
          + "'aws4_request', not '" + auth.terminator() + "'. ");
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
    if (!amzDate.startsWith(auth.date())) {
      throw ApiError.invalidSignature("Date in Credential scope does not match YYYYMMDD from "
          + "ISO-8601 version of date from HTTP: '" + auth.date() + "' != '"
          + amzDate.substring(0, 8) + "', from '" + amzDate + "'.");
    }
    Instant now = clock.instant();
    if (Duration.between(signedAt, now).abs().compareTo(MAX_SKEW) > 0) {
      throw ApiError.invalidSignature("Signature expired: " + amzDate + " is now earlier than "
          + AMZ_DATE.format(now.minus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " - 15 min.)");
    }
    if (!auth.signedHeaders().contains("host")) {
      throw ApiError.invalidSignature("'Host' must be a 'SignedHeader' in the AWS Authorization.");
    }

    String expected = expectedSignature(request, auth, secret, amzDate);
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        auth.signature().getBytes(StandardCharsets.US_ASCII))) {
      throw ApiError.invalidSignature("The request signature we calculated does not match the "
          + "signature you provided. Check your AWS Secret Access Key and signing method. "
          + "Consult the service documentation for details.");
    }
    return auth.accessKeyId();
  }

  private static String expectedSignature(Request request, SigV4Authorization auth, String secret,
      String amzDate) {
    SortedMap<String, List<String>> signed = new TreeMap<>();
    for (String name : auth.signedHeaders()) {
      List<String> values = request.header(name);
      if (values.isEmpty()) {
        throw ApiError.invalidSignature("The request signature we calculated does not match the "
            + "signature you provided: signed header '" + name + "' is missing.");
      }
      signed.put(name.toLowerCase(Locale.ROOT), values);
    }
    String bodyHash = SigV4Signature.sha256Hex(request.body());
    String contentHash = first(request, "x-amz-content-sha256").orElse(bodyHash);
    if (!contentHash.equals(bodyHash) && !contentHash.equals("UNSIGNED-PAYLOAD")) {
      throw ApiError.invalidSignature("The provided 'x-amz-content-sha256' header does not match what "
          + "was computed.");
    }
    return SigV4Signature.compute(request.method(), request.uri(), signed, contentHash, secret,
        amzDate, auth.region(), auth.service());
  }

  private static Optional<String> first(Request request, String name) {
    List<String> values = request.header(name);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
