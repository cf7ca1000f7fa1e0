package org.ctdc.testkit;

import java.io.Reader;

/**
 * CSV text too large to hold, made as it is read: a header of millions of columns for the column-limit tests
 * of issue 14, which must not hold the columns either. Thread-safe (stateless); each reader is not.
 */
public final class GeneratedCsv {

  private GeneratedCsv() {}

  /**
   * A header {@code first,c1,c2,...} of {@code columns} names, a line end, then {@code after}.
   *
   * @param first the first column's name
   * @param columns how many columns the header has
   * @param after the text after the header's line end (such as a data row)
   * @return the text, made in chunks of about 8 KiB as it is read
   */
  public static Reader wideHeader(String first, long columns, String after) {
    return new Reader() {
      private long next;
      private String pending = "";
      private int at;

      @Override
      public int read(char[] cbuf, int off, int len) {
        if (at == pending.length()) {
          if (next > columns) {
            return -1;
          }
          StringBuilder b = new StringBuilder();
          while (b.length() < 8192 && next <= columns) {
            b.append(next == columns ? "\n" + after : (next == 0 ? first : ",c" + next));
            next++;
          }
          pending = b.toString();
          at = 0;
        }
        int n = Math.min(len, pending.length() - at);
        pending.getChars(at, at + n, cbuf, off);
        at += n;
        return n;
      }

      @Override
      public void close() {}
    };
  }
}
