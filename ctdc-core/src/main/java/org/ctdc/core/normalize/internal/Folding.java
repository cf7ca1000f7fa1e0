package org.ctdc.core.normalize.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Implementation of {@code TextFold}. This class is thread-safe (stateless). */
public final class Folding {
  private static final Pattern DIGIT_DASH_DIGIT = Pattern.compile("(?<=\\d) ?[\\u2014\\u2013] ?(?=\\d)");
  private static final Pattern LEADING_ZEROS = Pattern.compile("(?<!\\d)0+(?=\\d)");
  private static final Pattern RANGE = Pattern.compile("(\\d) ?(?:--?|TO) ?(?=\\d)");
  private static final Pattern SPACE_PLUS = Pattern.compile("(\\d) \\+");

  private Folding() {}

  /**
   * Folds text: see {@code TextFold.fold}.
   *
   * @param s text
   * @return folded text
   */
  public static String fold(String s) {
    String ascii = foldPrintableAscii(s);
    return ascii != null ? ascii : foldGeneral(s);
  }

  /**
   * The fold of text made only of printable ASCII characters (U+0020 to U+007E), where decomposition,
   * mark stripping and the quote and dash mappings reduce to upper-casing, collapsing spaces and mapping
   * the grave accent to an apostrophe; the text itself when it is already folded.
   *
   * @param s text
   * @return the fold, or null when the text holds another character
   */
  static @Nullable String foldPrintableAscii(String s) {
    int n = s.length();
    boolean folded = true;
    char prev = ' ';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7E) {
        return null;
      }
      if ((c >= 'a' && c <= 'z') || c == '`' || (c == ' ' && prev == ' ')) {
        folded = false;
      }
      prev = c;
    }
    if (folded && prev != ' ') {
      return s;
    }
    StringBuilder b = new StringBuilder(n);
    boolean pendingSpace = false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        pendingSpace = b.length() > 0;
        continue;
      }
      if (pendingSpace) {
        b.append(' ');
        pendingSpace = false;
      }
      b.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c == '`' ? '\'' : c);
    }
    return b.toString();
  }

  /**
   * The general fold of any text (the reference the printable-ASCII path agrees with).
   *
   * @param s text
   * @return folded text
   */
  static String foldGeneral(String s) {
    String d = stripMarks(Normalizer.normalize(s, Normalizer.Form.NFKD));
    String u = d.toUpperCase(Locale.ROOT);
    // Upper-casing can produce decomposable characters again (e.g. Greek with dialytika and tonos).
    if (!Normalizer.isNormalized(u, Normalizer.Form.NFKD)) {
      u = stripMarks(Normalizer.normalize(u, Normalizer.Form.NFKD));
    }
    StringBuilder b = new StringBuilder(u.length());
    boolean pendingSpace = false;
    for (int i = 0; i < u.length(); i++) {
      char c = u.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.CONTROL) {
        pendingSpace = b.length() > 0;
        continue;
      }
      if (pendingSpace) {
        b.append(' ');
        pendingSpace = false;
      }
      switch (c) {
        case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u02BC', '`' -> b.append('\'');
        case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033' -> b.append('"');
        case '\u2010', '\u2011', '\u2012', '\u2212' -> b.append('-');
        case '\u00D8' -> b.append('O');
        case '\u0110' -> b.append('D');
        case '\u0141' -> b.append('L');
        case '\u00C6' -> b.append("AE");
        case '\u0152' -> b.append("OE");
        case '\u00DE' -> b.append("TH");
        case '\u0131' -> b.append('I');
        default -> b.append(c);
      }
    }
    String r = b.toString();
    if (r.indexOf('\u2014') >= 0 || r.indexOf('\u2013') >= 0) {
      r = DIGIT_DASH_DIGIT.matcher(r).replaceAll("--").replace('\u2014', '-').replace('\u2013', '-');
    }
    return r;
  }

  private static String stripMarks(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int type = Character.getType(c);
      if (type == Character.NON_SPACING_MARK
          || type == Character.COMBINING_SPACING_MARK
          || type == Character.ENCLOSING_MARK
          || type == Character.FORMAT) {
        continue;
      }
      b.append(c);
    }
    return b.toString();
  }

  /**
   * Folds text and canonicalises numeric bands: see {@code TextFold.band}.
   *
   * @param s text
   * @return folded band text
   */
  public static String band(String s) {
    String f = fold(s);
    f = LEADING_ZEROS.matcher(f).replaceAll("");
    f = RANGE.matcher(f).replaceAll("$1--");
    return SPACE_PLUS.matcher(f).replaceAll("$1+");
  }
}
