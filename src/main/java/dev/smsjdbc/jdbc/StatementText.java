package dev.smsjdbc.jdbc;

import com.google.common.base.CharMatcher;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;
import java.util.Locale;

/**
 * What error messages and the read-only check read from a statement's text: positions, excerpts, the token
 * at a position, the first keyword. Positions are the parser's: lines and columns counted from 1.
 */
final class StatementText {
  /** Characters of context shown on each side of an error position. */
  private static final int EXCERPT_RADIUS = 30;

  private static final CharMatcher WORD = CharMatcher.inRange('a', 'z').or(CharMatcher.inRange('A', 'Z'))
      .or(CharMatcher.inRange('0', '9')).or(CharMatcher.anyOf("_$"));

  private StatementText() {}

  /**
   * The statement without the {@code ;} that tools (and people) put at its end. Only trailing ones go:
   * two statements separated by {@code ;} are still an error.
   */
  static String withoutTrailingSemicolon(String sql) {
    int end = CharMatcher.whitespace().or(CharMatcher.is(';')).trimTrailingFrom(sql).length();
    return sql.substring(0, end);
  }

  /** The first keyword of the statement, upper case, after white space and comments; "" if none. */
  static String firstKeyword(String sql) {
    int i = 0;
    while (i < sql.length()) {
      if (Character.isWhitespace(sql.charAt(i))) {
        i++;
      } else if (sql.startsWith("--", i)) {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? sql.length() : eol + 1;
      } else if (sql.startsWith("/*", i)) {
        int close = sql.indexOf("*/", i + 2);
        i = close < 0 ? sql.length() : close + 2;
      } else {
        break;
      }
    }
    int end = i;
    while (end < sql.length() && WORD.matches(sql.charAt(end))) {
      end++;
    }
    return sql.substring(i, end).toUpperCase(Locale.ROOT);
  }

  /** The offset of a parser position in {@code sql}, or -1 if it lies outside. */
  static int offset(String sql, int line, int column) {
    int offset = 0;
    for (int l = 1; l < line; l++) {
      int eol = sql.indexOf('\n', offset);
      if (eol < 0) {
        return -1;
      }
      offset = eol + 1;
    }
    int result = offset + column - 1;
    return column < 1 || result >= sql.length() ? -1 : result;
  }

  /** The text from position to end position (inclusive), or "" if they lie outside. */
  static String span(String sql, int line, int column, int endLine, int endColumn) {
    int start = offset(sql, line, column);
    int end = offset(sql, endLine, endColumn);
    return start < 0 || end < start ? "" : sql.substring(start, end + 1);
  }

  /** The word, quoted name or single character at an offset. */
  static String tokenAt(String sql, int offset) {
    char c = sql.charAt(offset);
    int end = offset + 1;
    if (WORD.matches(c)) {
      end = WORD.negate().indexIn(sql, offset);
    } else if (c == '\'' || c == '"' || c == '`') {
      end = sql.indexOf(c, offset + 1) + 1;
    }
    return sql.substring(offset, end <= offset ? sql.length() : end);
  }

  /** The line around an offset, cut to some characters on each side, for a message. */
  static String excerpt(String sql, int offset) {
    int lineStart = sql.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
    int lineEnd = sql.indexOf('\n', offset);
    lineEnd = lineEnd < 0 ? sql.length() : lineEnd;
    int from = Math.max(lineStart, offset - EXCERPT_RADIUS);
    int to = Math.min(lineEnd, offset + EXCERPT_RADIUS);
    String text = CharMatcher.whitespace().trimFrom(sql.substring(from, to));
    return (from > lineStart ? "..." : "") + text + (to < lineEnd ? "..." : "");
  }

  /** The last part of a possibly qualified, possibly quoted name: {@code j."vm_nme"} → {@code vm_nme}. */
  static @Nullable String simpleName(String text) {
    List<String> parts = List.of(text.split("\\.", -1));
    String last = CharMatcher.anyOf("\"`").trimFrom(parts.get(parts.size() - 1));
    return !last.isEmpty() && WORD.matchesAllOf(last) ? last : null;
  }
}
