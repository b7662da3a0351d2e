package dev.smsjdbc.api;

import com.google.common.escape.Escaper;
import com.google.common.escape.Escapers;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.Locale;

/**
 * Text that a server or a user chose (an id, an error message, a value), made safe to quote in a log line,
 * an exception message or {@code sms_meta.api_calls}: control characters become visible escapes
 * ({@code \n}, {@code \r}, {@code \t}, {@code \u001b}), so that a line stays one line (no forged log
 * lines) and a terminal is not driven by escape sequences. Line and paragraph separators and the bidi
 * controls that reorder what a reader sees are escaped too. Backslashes are left alone: text stays
 * readable (Windows paths), and escaping twice changes nothing, so each layer may escape what it quotes.
 */
public final class VisibleText {
  private VisibleText() {}

  private static final Escaper ESCAPER = escaper();

  /** {@code text} with every character that {@link #isEscaped} escaped; null stays null. */
  public static @Nullable String of(@Nullable String text) {
    return text == null ? null : ESCAPER.escape(text);
  }

  /** {@link #of} the first {@code max} characters of {@code text}, with "..." where it was cut. */
  public static String quoted(String text, int max) {
    return ESCAPER.escape(text.length() <= max ? text : text.substring(0, max) + "...");
  }

  /** Whether {@code text} holds a character that would be escaped: one no credential or id may hold. */
  public static boolean hasControlCharacters(String text) {
    return text.chars().anyMatch(c -> isEscaped((char) c));
  }

  /** C0 and C1 controls and DEL, line and paragraph separators, bidi embeddings, overrides and isolates. */
  static boolean isEscaped(char c) {
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
        || c == '\u061c' || c == '\u200e' || c == '\u200f' || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }

  private static Escaper escaper() {
    Escapers.Builder builder = Escapers.builder().setSafeRange(Character.MIN_VALUE, Character.MAX_VALUE);
    for (char c = 0; c <= '\u2069'; c++) {
      if (isEscaped(c)) {
        builder.addEscape(c, switch (c) {
          case '\n' -> "\\n";
          case '\r' -> "\\r";
          case '\t' -> "\\t";
          default -> String.format(Locale.ROOT, "\\u%04x", (int) c);
        });
      }
    }
    return builder.build();
  }
}
