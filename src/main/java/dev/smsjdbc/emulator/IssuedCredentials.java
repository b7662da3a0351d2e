package dev.smsjdbc.emulator;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The temporary credentials the emulator's STS ({@link StsOperations}) has issued, by access key id,
 * for {@link SigV4Verifier} to accept. Thread-safe. Expired credentials are dropped whenever new ones
 * are issued, so that a long-running emulator does not grow without end.
 */
final class IssuedCredentials {
  /** Letters of AWS access key ids after the four-letter prefix. */
  private static final char[] KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
  private static final char[] SECRET_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

  /**
   * One set of temporary credentials.
   *
   * @param assumedRoleArn the {@code arn:aws:sts::...:assumed-role/...} they act as
   */
  record Issued(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
      String assumedRoleArn) {
    @Override public String toString() {
      return "Issued[" + accessKeyId + " as " + assumedRoleArn + " until " + expiration + "]";
    }
  }

  private final Map<String, Issued> byAccessKeyId = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  /** Issues new credentials ({@code ASIA...} key id, secret, session token) valid until {@code expiration}. */
  Issued issue(String assumedRoleArn, Instant expiration, Instant now) {
    byAccessKeyId.values().removeIf(i -> i.expiration().isBefore(now));
    Issued issued;
    do {
      issued = new Issued("ASIA" + random(KEY_ALPHABET, 16), random(SECRET_ALPHABET, 40),
          "IQoJb3JpZ2luX2VjE" + random(SECRET_ALPHABET, 340), expiration, assumedRoleArn);
    } while (byAccessKeyId.putIfAbsent(issued.accessKeyId(), issued) != null);
    return issued;
  }

  /** The credentials issued with {@code accessKeyId}, or null. */
  Issued get(String accessKeyId) {
    return byAccessKeyId.get(accessKeyId);
  }

  private String random(char[] alphabet, int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = alphabet[random.nextInt(alphabet.length)];
    }
    return new String(chars);
  }
}
