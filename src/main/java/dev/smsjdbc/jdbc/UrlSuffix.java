package dev.smsjdbc.jdbc;

import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code key=value;key=value} part of a {@code jdbc:sms:} URL, read with the rules of Avatica's
 * {@code ConnectStringParser} (values may be quoted with {@code '} or {@code "}, a doubled quote inside;
 * {@code ==} in a name is one {@code =}). Our own reader, because that one's errors quote the whole URL,
 * secrets included, and because redaction must cut pairs where the parser does: a quoted value may hold
 * a {@code ;}.
 */
final class UrlSuffix {
  /** One {@code name=value} pair, and where it stands in the suffix. */
  record Pair(String name, String value, int start, int end) {}

  private UrlSuffix() {}

  static List<Pair> parse(String s) throws SQLNonTransientConnectionException {
    List<Pair> pairs = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      int start = i;
      StringBuilder name = new StringBuilder();
      while (i < n) {
        char c = s.charAt(i++);
        if (c != '=') {
          name.append(c);
        } else if (i < n && s.charAt(i) == '=') {
          name.append('=');
          i++;
        } else {
          break;
        }
      }
      while (i < n && s.charAt(i) == ' ') {
        i++;
      }
      String value;
      if (i < n && (s.charAt(i) == '\'' || s.charAt(i) == '"')) {
        char quote = s.charAt(i++);
        StringBuilder quoted = new StringBuilder();
        while (true) {
          if (i >= n) {
            throw new SQLNonTransientConnectionException("Unterminated quoted value of connection property '"
                + name.toString().trim() + "' in the jdbc:sms: URL.", SqlState.CONNECTION_UNABLE_TO_CONNECT.code());
          }
          char c = s.charAt(i++);
          if (c != quote) {
            quoted.append(c);
          } else if (i < n && s.charAt(i) == quote) {
            quoted.append(quote);
            i++;
          } else {
            break;
          }
        }
        while (i < n && s.charAt(i) == ' ') {
          i++;
        }
        if (i < n && s.charAt(i++) != ';') {
          throw new SQLNonTransientConnectionException("Quoted value of connection property '"
              + name.toString().trim() + "' in the jdbc:sms: URL is followed by more than ';'.", SqlState.CONNECTION_UNABLE_TO_CONNECT.code());
        }
        value = quoted.toString();
      } else {
        int semi = s.indexOf(';', i);
        int stop = semi < 0 ? n : semi;
        value = s.substring(i, stop).trim();
        i = semi < 0 ? n : semi + 1;
      }
      pairs.add(new Pair(name.toString().trim(), value, start, i));
    }
    return pairs;
  }

  /** {@code defaults} with the URL's pairs on top, as {@code ConnectStringParser.parse} would give them. */
  static Properties merge(String suffix, Properties defaults) throws SQLNonTransientConnectionException {
    Properties merged = (Properties) defaults.clone();
    Set<String> seen = new HashSet<>();
    for (Pair pair : parse(suffix)) {
      // Keys match ignoring case; a second value would silently win (or lose), so it is an error.
      if (!seen.add(pair.name().toLowerCase(Locale.ROOT))) {
        throw new SQLNonTransientConnectionException("Connection property '" + ValueType.shorten(pair.name())
            + "' is given twice in the jdbc:sms: URL; give it once.", SqlState.CONNECTION_UNABLE_TO_CONNECT.code());
      }
      merged.setProperty(pair.name(), pair.value());
    }
    return merged;
  }

  /** The suffix without its secret pairs, each other pair as written. */
  static String redact(String suffix) throws SQLNonTransientConnectionException {
    return parse(suffix).stream()
        .filter(p -> ConnectionKey.of(p.name()).map(k -> !k.isSecret()).orElse(true))
        .map(p -> stripSemicolon(suffix.substring(p.start(), p.end())))
        .collect(Collectors.joining(";"));
  }

  private static String stripSemicolon(String pair) {
    return pair.endsWith(";") ? pair.substring(0, pair.length() - 1) : pair;
  }
}
