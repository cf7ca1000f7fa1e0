package org.ctdc.schema;

/**
 * The library's one rule against CSV formula injection ("CSV injection", OWASP): a spreadsheet that opens a
 * CSV file runs a cell beginning with {@code =}, {@code +}, {@code -} or {@code @} as a formula (tab and
 * carriage return start one too in some programs), so a value typed into a partner's case file could run in
 * the spreadsheet of whoever opens the release. Every CSV writer of the library passes each cell, header
 * names included, through {@link #neutralise(String)} unless its options turn the guard off (for machine
 * consumers): a cell that {@linkplain #isFormula(String) looks like a formula} is written with a single
 * quote {@code '} in front, which spreadsheets take as "this is text" and do not show.
 *
 * <p>A cell that is a decimal number ({@code -99}, CTDC's missing code, {@code -5}, {@code +3},
 * {@code -1.5}, {@code -2e3}) is data, never a formula, and is left alone; so is the empty cell. Every
 * other cell beginning with one of the six characters is neutralised, {@code -} alone and
 * {@code -1+2} included.
 *
 * <p>Reading back: the library's readers do <b>not</b> strip the quote; a neutralised cell reads as the
 * prefixed text ({@code '=1+2}), and writing that text again leaves it unchanged (it begins with a quote,
 * not a formula character), so a write, read, write cycle gives the same bytes. A code of a closed value set
 * survives the round trip when it is a number or does not begin with one of the six characters, which holds
 * for every code of the bundled schemas; a schema whose codes begin so (such as {@code -ve}) is read back
 * from its own release only when the release was written with the guard off.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class FormulaGuard {

  /** The character written in front of a neutralised cell. */
  public static final char PREFIX = '\'';

  private FormulaGuard() {}

  /**
   * Whether a spreadsheet could run the cell as a formula: it begins with {@code =}, {@code +}, {@code -},
   * {@code @}, tab or carriage return and is not a decimal number.
   *
   * @param cell the cell as it would be written
   * @return true if the guard neutralises it
   */
  public static boolean isFormula(String cell) {
    if (cell.isEmpty()) {
      return false;
    }
    char c = cell.charAt(0);
    if (c == '=' || c == '@' || c == '\t' || c == '\r') {
      return true;
    }
    return (c == '+' || c == '-') && !isNumber(cell);
  }

  /**
   * The cell as the guard writes it: with {@link #PREFIX} in front when it {@linkplain #isFormula looks like
   * a formula}, else unchanged.
   *
   * @param cell the cell
   * @return the text to write
   */
  public static String neutralise(String cell) {
    return isFormula(cell) ? PREFIX + cell : cell;
  }

  /** A sign, digits with an optional fraction (or a fraction alone), and an optional exponent. */
  static boolean isNumber(String s) {
    int i = sign(s, 0);
    int start = i;
    i = digits(s, i);
    int whole = i - start;
    int fraction = 0;
    if (i < s.length() && s.charAt(i) == '.') {
      int f = i + 1;
      i = digits(s, f);
      fraction = i - f;
    }
    if (whole + fraction == 0) {
      return false;
    }
    if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      int e = sign(s, i + 1);
      i = digits(s, e);
      if (i == e) {
        return false;
      }
    }
    return i == s.length();
  }

  private static int sign(String s, int i) {
    return i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-') ? i + 1 : i;
  }

  private static int digits(String s, int i) {
    int j = i;
    while (j < s.length() && isDigit(s.charAt(j))) {
      j++;
    }
    return j;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
