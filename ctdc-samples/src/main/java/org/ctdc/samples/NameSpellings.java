package org.ctdc.samples;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The spellings of one name in the generator: a Cyrillic name with its Latin transliterations by the usual
 * schemes (BGN/PCGN as in English texts, the passport scheme ICAO 9303, German, French and Ukrainian national
 * usage), and Arabic names in their common Latin spellings, with and without the article {@code al-}. Not API.
 *
 * <p>This class is thread-safe (stateless).
 */
final class NameSpellings {
  private NameSpellings() {}

  private static final String CYR = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
  // one row per scheme, one cell per letter of CYR
  private static final String[][] SCHEMES = {
    // BGN/PCGN
    row("a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya"),
    // ICAO 9303 (passports)
    row("a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch ie y - e iu ia"),
    // German
    row("a b w g d e jo sch s i j k l m n o p r s t u f ch z tsch sch schtsch - y - e ju ja"),
    // French
    row("a b v g d e io j z i i k l m n o p r s t ou f kh ts tch ch chtch - y - e iou ia"),
    // Ukrainian national (г as h, и as y)
    row("a b v h d e io zh z y i k l m n o p r s t u f kh ts ch sh shch - y - e iu ia"),
  };

  private static String[] row(String cells) {
    String[] r = cells.split(" ");
    for (int i = 0; i < r.length; i++) {
      r[i] = r[i].equals("-") ? "" : r[i];
    }
    if (r.length != CYR.length()) {
      throw new IllegalStateException("a transliteration scheme has " + r.length + " cells");
    }
    return r;
  }

  /**
   * @param cyrillic a name in Cyrillic script
   * @return the name in Cyrillic first, then its distinct Latin transliterations
   */
  static String[] cyrillic(String cyrillic) {
    Set<String> out = new LinkedHashSet<>();
    out.add(cyrillic);
    for (int s = 0; s < SCHEMES.length; s++) {
      out.add(transliterate(cyrillic, s));
    }
    return out.toArray(new String[0]);
  }

  private static String transliterate(String name, int scheme) {
    String lower = name.toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      int k = CYR.indexOf(c);
      if (k < 0) {
        b.append(c);
        continue;
      }
      String t = SCHEMES[scheme][k];
      boolean initial = i == 0 || "аеёиоуыэюя ".indexOf(lower.charAt(i - 1)) >= 0;
      if (scheme == 0 && c == 'е' && initial) {
        t = "ye";
      }
      if (scheme == 0 && c == 'й' && i > 0 && lower.charAt(i - 1) == 'и' && i == lower.length() - 1) {
        t = "y"; // -ий as -iy
      }
      b.append(t);
    }
    return capitalise(b.toString());
  }

  private static String capitalise(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean start = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(start ? Character.toUpperCase(c) : c);
      start = c == ' ' || c == '-';
    }
    return b.toString();
  }

  /**
   * @param variants the Latin spellings of an Arabic name, separated by {@code |}
   * @return the spellings
   */
  static String[] arabic(String variants) {
    return variants.split("\\|");
  }

  /**
   * The spellings of an Arabic family name: the name's own spellings, or (style 0) the same with the article
   * written {@code Al-}, {@code El-}, {@code Al } or joined ({@code Alhassan}).
   *
   * @param variants the spellings, separated by {@code |}
   * @param style 0 for a name with the article, otherwise without
   * @return the spellings
   */
  static String[] arabicFamily(String variants, int style) {
    String[] v = arabic(variants);
    if (style != 0) {
      return v;
    }
    Set<String> out = new LinkedHashSet<>();
    for (String x : v) {
      out.add("Al-" + x);
      out.add("El-" + x);
      out.add("Al " + x);
      out.add("Al" + x.toLowerCase(Locale.ROOT));
    }
    return out.toArray(new String[0]);
  }
}
