package org.ctdc.link.internal;

import java.util.List;
import java.util.function.Consumer;
import org.ctdc.link.DateOrder;

/**
 * Tokenisation of normalised fields: padded q-grams of words, the components of a date, a code as one token.
 * Not API; thread-safe (stateless).
 */
public final class Tokens {

  private Tokens() {}

  /**
   * The padded q-grams of each word ({@code JOHN}, q = 2: {@code _J JO OH HN N_}).
   *
   * @param words the words
   * @param q the q-gram length
   * @param out receives each token (repeats possible)
   */
  public static void qgrams(List<String> words, int q, Consumer<String> out) {
    for (String w : words) {
      qgrams(w, q, out);
    }
  }

  /**
   * The padded q-grams of one word.
   *
   * @param w the word
   * @param q the q-gram length
   * @param out receives each token
   */
  public static void qgrams(String w, int q, Consumer<String> out) {
    if (w.isEmpty()) {
      return;
    }
    String pad = "_".repeat(q - 1);
    String p = pad + w + pad;
    for (int i = 0; i + q <= p.length(); i++) {
      out.accept(p.substring(i, i + q));
    }
  }

  /**
   * The tokens of a date: {@code Y1990} (year), {@code C199} (decade), {@code M05}, {@code D12} and the
   * unordered pair {@code P05-12} of day and month. A date with only a year (or year and month) gives those
   * components only. A text that is not a date gives nothing.
   *
   * @param text the date as written: ISO {@code yyyy-mm-dd} (or {@code yyyy-mm}, {@code yyyy}), or three numbers
   *     separated by {@code / . -} or spaces in the given order
   * @param order the order of separated numbers that are not ISO
   * @param out receives each token
   * @return whether the text was read as a date
   */
  public static boolean date(String text, DateOrder order, Consumer<String> out) {
    String s = text.strip();
    if (s.isEmpty()) {
      return false;
    }
    String[] parts = s.split("[/.\\- ]+", -1);
    int[] n = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].isEmpty() || parts[i].length() > 4 || !parts[i].chars().allMatch(c -> c >= '0' && c <= '9')) {
        return false;
      }
      n[i] = Integer.parseInt(parts[i]);
    }
    int y;
    int m = 0;
    int d = 0;
    if (parts[0].length() == 4) {
      if (parts.length > 3) {
        return false;
      }
      y = n[0];
      m = parts.length > 1 ? n[1] : 0;
      d = parts.length > 2 ? n[2] : 0;
    } else if (parts.length == 3 && parts[2].length() == 4) {
      y = n[2];
      if (order == DateOrder.MDY) {
        m = n[0];
        d = n[1];
      } else {
        d = n[0];
        m = n[1];
      }
    } else {
      return false;
    }
    if (y < 1000 || m > 12 || d > 31 || (parts.length > 1 && m < 1) || (parts.length > 2 && d < 1)) {
      return false;
    }
    out.accept("Y" + y);
    out.accept("C" + (y / 10));
    if (m > 0) {
      out.accept("M" + two(m));
    }
    if (d > 0) {
      out.accept("D" + two(d));
      out.accept("P" + two(Math.min(d, m)) + "-" + two(Math.max(d, m)));
    }
    return true;
  }

  private static String two(int v) {
    return v < 10 ? "0" + v : Integer.toString(v);
  }
}
