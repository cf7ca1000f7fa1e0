package org.ctdc.core.normalize;

import org.ctdc.core.normalize.internal.Folding;

/**
 * Text folding: the canonical form in which two spellings of one label compare equal.
 *
 * <p>{@link #fold(String)} applies, in this order:
 *
 * <ol>
 *   <li>Unicode NFKD decomposition, then removal of combining marks ({@code é → e}, {@code ﬁ → fi}) and
 *       of format characters (zero-width spaces, byte-order marks); letters that do not decompose are
 *       spelled out: {@code Ø → O}, {@code Đ → D}, {@code Ł → L}, {@code Æ → AE}, {@code Œ → OE},
 *       {@code Þ → TH}, {@code ı → I};
 *   <li>upper-casing with {@link java.util.Locale#ROOT} (so {@code ß → SS});
 *   <li>curly and typographic quotes straightened: {@code ‘ ’ ‚ ‛ ′ ʼ `} become {@code '} and
 *       {@code “ ” „ ‟ ″} become {@code "};
 *   <li>dashes: an em dash or en dash ({@code — –}) between two digits (spaces around it allowed)
 *       becomes {@code --} with the spaces removed ({@code 0—8 → 0--8}, {@code 0 – 8 → 0--8}); any other
 *       em/en dash, and the hyphen, non-breaking hyphen, figure dash and minus sign
 *       ({@code ‐ ‑ ‒ −}), become {@code -};
 *   <li>every run of whitespace (any Unicode space separator, tab, line break) becomes one space, and
 *       the result is trimmed.
 * </ol>
 *
 * <p>Examples: {@code "Côte d’Ivoire"} and {@code "COTE D'IVOIRE"} both fold to {@code "COTE D'IVOIRE"};
 * {@code "Case management"} and {@code " Case  Management "} both fold to {@code "CASE MANAGEMENT"};
 * {@code "0—8"} folds to {@code "0--8"}. Folding is idempotent: {@code fold(fold(s)).equals(fold(s))}.
 *
 * <p>{@link #band(String)} additionally puts numeric bands into CTDC's canonical spelling.
 *
 * <p>This class is thread-safe (stateless).
 */
public final class TextFold {
  private TextFold() {}

  /**
   * Folds a string as described in the class documentation.
   *
   * @param s any string
   * @return the folded form; empty for a blank string
   */
  public static String fold(String s) {
    return Folding.fold(s);
  }

  /**
   * Folds a string and then canonicalises numeric bands: leading zeros are dropped from numbers
   * ({@code 09 → 9}), a range separator between two numbers ({@code -}, {@code --}, {@code TO}, with
   * or without spaces) becomes {@code --}, and spaces before a {@code +} are removed.
   *
   * <p>Examples: {@code "0—8" → "0--8"}, {@code "09--17" → "9--17"}, {@code "18-20" → "18--20"},
   * {@code "48 +" → "48+"}, {@code "18 to 20" → "18--20"}.
   *
   * @param s any string
   * @return the folded, band-canonical form
   */
  public static String band(String s) {
    return Folding.band(s);
  }
}
