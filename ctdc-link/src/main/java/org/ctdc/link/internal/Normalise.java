package org.ctdc.link.internal;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.List;
import org.ctdc.core.normalize.TextFold;

/**
 * The normalisation of identifying text before tokenisation: transliteration of any script to Latin and then
 * to ASCII with ICU4J ({@code Any-Latin; Latin-ASCII}; skipped for text that is ASCII already), the library's
 * text folding ({@link TextFold#fold}: accents removed, upper case, spaces collapsed), apostrophes removed
 * ({@code O'BRIEN → OBRIEN}) and every other character but the letters A to Z and the digits made a word break
 * (so {@code Al-Hassan} gives the words {@code AL} and {@code HASSAN}). Not API; thread-safe (one transliterator
 * per thread).
 */
public final class Normalise {

  private static final ThreadLocal<Transliterator> LATIN =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));

  private Normalise() {}

  /**
   * The words of a text.
   *
   * @param text any text
   * @return its normalised words, in order; empty for a blank text
   */
  public static List<String> words(String text) {
    String s = text;
    if (!isAscii(s)) {
      s = LATIN.get().transliterate(s);
    }
    s = TextFold.fold(s);
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        w.append(c);
      } else if (c == '\'' || c == '`') {
        continue;
      } else if (w.length() > 0) {
        out.add(w.toString());
        w.setLength(0);
      }
    }
    if (w.length() > 0) {
      out.add(w.toString());
    }
    return out;
  }

  /**
   * A word's spelling skeleton, in which common transliteration variants coincide: {@code PH → F},
   * {@code KH → H}, {@code W → V}, {@code Q → K}, {@code DJ → J}, a final {@code OFF → OV}, doubled letters
   * single, then every run of vowels (A E I O U Y, and J between or after vowels) one {@code A}. So
   * {@code MOHAMMED} and {@code MUHAMMAD} are both {@code MAHAMAD}, {@code SERGEI}, {@code SERGEY} and
   * {@code SERGEJ} are all {@code SARGA}.
   *
   * @param w a normalised word (A to Z and digits)
   * @return its skeleton
   */
  public static String skeleton(String w) {
    String s = w.replace("PH", "F").replace("KH", "H").replace("DJ", "J").replace('W', 'V').replace('Q', 'K');
    if (s.endsWith("OFF")) {
      s = s.substring(0, s.length() - 3) + "OV";
    }
    StringBuilder b = new StringBuilder(s.length());
    char prev = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean vowel = isVowel(c) || (c == 'J' && (prev == 'A' || i + 1 == s.length() || isVowel(s.charAt(i + 1))));
      char out = vowel ? 'A' : c;
      if (out != prev) {
        b.append(out);
      }
      prev = out;
    }
    return b.toString();
  }

  private static boolean isVowel(char c) {
    return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' || c == 'Y';
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
  }
}
