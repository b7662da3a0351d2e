package dev.smsjdbc.emulator;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The verifier against a request that botocore (AWS CLI 2.9.19) signed, captured with
 * {@code aws --debug}: an independent implementation of SigV4 that, unlike the Java SDK, does not
 * sign {@code x-amz-content-sha256}.
 */
class SigV4VerifierTest {
  private static final Instant SIGNED_AT = Instant.parse("2026-11-27T11:21:41Z");
  private static final String BODY = "{\"replicationJobId\": \"sms-job-7611f6048eb629c2e\"}";
  private static final Map<String, String> HEADERS = Map.of(
      "Host", "127.0.0.1:35881",
      "Content-Type", "application/x-amz-json-1.1",
      "User-Agent", "aws-cli/2.9.19 Python/3.11.2 Linux/6.18.44-fc-v782 source/x86_64.debian.12 "
          + "prompt/off command/sms.get-replication-runs",
      "X-Amz-Date", "20261127T112141Z",
      "X-Amz-Target", "AWSServerMigrationService_V2016_10_24.GetReplicationRuns",
      "Authorization", "AWS4-HMAC-SHA256 Credential=AKIASMSJDBCDEMO00000/20261127/eu-west-3/sms/"
          + "aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, "
          + "Signature=5d669f6b03679ab9f55672642068467f64d8d68ff4c9caefd85426d2b735be3e",
      "Content-Length", "49");

  private static SigV4Verifier verifier(String secret, Instant now) {
    return new SigV4Verifier(Map.of(SmsEmulator.DEMO_ACCESS_KEY_ID, secret),
        Clock.fixed(now, ZoneOffset.UTC));
  }

  private static SigV4Verifier.Request request(Map<String, String> headers, String body) {
    Map<String, String> lower = new TreeMap<>();
    headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    return new SigV4Verifier.Request() {
      @Override public String method() {
        return "POST";
      }

      @Override public URI uri() {
        return URI.create("/");
      }

      @Override public List<String> header(String name) {
        String value = lower.get(name.toLowerCase(Locale.ROOT));
        return value == null ? List.of() : List.of(value);
      }

      @Override public byte[] body() {
        return body.getBytes(StandardCharsets.UTF_8);
      }
    };
  }

  @Test
  void botocoreSignedRequestIsValid() {
    assertDoesNotThrow(() -> verifier(SmsEmulator.DEMO_SECRET_ACCESS_KEY, SIGNED_AT.plusSeconds(2))
        .verify(request(HEADERS, BODY)));
  }

  @Test
  void botocoreSignedRequestWithAlteredBodyIsInvalid() {
    ApiError e = assertThrows(ApiError.class,
        () -> verifier(SmsEmulator.DEMO_SECRET_ACCESS_KEY, SIGNED_AT)
            .verify(request(HEADERS, BODY.replace("7611", "7612"))));
    assertEquals("InvalidSignatureException", e.type());
    assertEquals(403, e.status());
  }

  @Test
  void botocoreSignedRequestWithAnotherSecretIsInvalid() {
    ApiError e = assertThrows(ApiError.class,
        () -> verifier("another-secret", SIGNED_AT).verify(request(HEADERS, BODY)));
    assertEquals("InvalidSignatureException", e.type());
  }

  @Test
  void unsignedHeadersMayChange() {
    Map<String, String> headers = new TreeMap<>(HEADERS);
    headers.put("User-Agent", "something else");
    headers.put("X-Unsigned", "anything");
    assertDoesNotThrow(() -> verifier(SmsEmulator.DEMO_SECRET_ACCESS_KEY, SIGNED_AT)
        .verify(request(headers, BODY)));
  }

  @Test
  void requestOlderThanFifteenMinutesHasExpired() {
    ApiError e = assertThrows(ApiError.class,
        () -> verifier(SmsEmulator.DEMO_SECRET_ACCESS_KEY,
            SIGNED_AT.plus(Duration.ofMinutes(15)).plusSeconds(1)).verify(request(HEADERS, BODY)));
    assertEquals("InvalidSignatureException", e.type());
    assertEquals(true, e.getMessage().startsWith("Signature expired"));
  }

  @Test
  void unknownAccessKeyIsUnrecognizedClient() {
    SigV4Verifier verifier = new SigV4Verifier(Map.of("AKIAOTHER", "x"),
        Clock.fixed(SIGNED_AT, ZoneOffset.UTC));
    ApiError e = assertThrows(ApiError.class, () -> verifier.verify(request(HEADERS, BODY)));
    assertEquals("UnrecognizedClientException", e.type());
    assertEquals(400, e.status());
  }
}
