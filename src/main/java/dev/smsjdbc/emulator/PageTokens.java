package dev.smsjdbc.emulator;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import com.google.common.io.BaseEncoding;

import dev.smsjdbc.api.SmsOperation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Issues and checks {@code nextToken} values.
 *
 * <p>A token is opaque to clients: base64url of the offset of the next page and an HMAC-SHA256 over
 * the operation, the scope (the filter of the request: job id, app ids, ...) and that offset, keyed
 * with a secret that each emulator draws at start. So a forged or altered token, or one issued for
 * another operation or another job, is refused with {@code InvalidParameterException}, as is a
 * token from an earlier emulator instance.
 */
final class PageTokens {
  private static final int OFFSET_BYTES = Integer.BYTES;
  private static final BaseEncoding BASE64URL = BaseEncoding.base64Url().omitPadding();

  private final HashFunction hmac;
  private final int macBytes;

  PageTokens() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.hmac = Hashing.hmacSha256(secret);
    this.macBytes = hmac.bits() / Byte.SIZE;
  }

  /** The token that resumes {@code operation} within {@code scope} at {@code offset}. */
  String issue(SmsOperation operation, String scope, int offset) {
    return BASE64URL.encode(ByteBuffer.allocate(OFFSET_BYTES + macBytes)
        .putInt(offset)
        .put(mac(operation, scope, offset))
        .array());
  }

  /**
   * The offset that {@code token} resumes at.
   *
   * @throws ApiError InvalidParameterException if the token was not issued for this operation and
   *     scope by this emulator
   */
  int offset(String token, SmsOperation operation, String scope) {
    byte[] bytes;
    try {
      bytes = BASE64URL.decode(token);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (bytes.length != OFFSET_BYTES + macBytes) {
      throw invalid();
    }
    int offset = ByteBuffer.wrap(bytes).getInt();
    byte[] mac = Arrays.copyOfRange(bytes, OFFSET_BYTES, bytes.length);
    // Constant time, so that timing reveals nothing about the expected MAC.
    if (offset < 0 || !MessageDigest.isEqual(mac, mac(operation, scope, offset))) {
      throw invalid();
    }
    return offset;
  }

  private byte[] mac(SmsOperation operation, String scope, int offset) {
    return hmac.newHasher()
        .putString(operation.wireName(), StandardCharsets.UTF_8).putByte((byte) 0)
        .putString(scope, StandardCharsets.UTF_8).putByte((byte) 0)
        .putInt(offset)
        .hash().asBytes();
  }

  private static ApiError invalid() {
    return ApiError.invalidParameter("The nextToken is not valid.");
  }
}
