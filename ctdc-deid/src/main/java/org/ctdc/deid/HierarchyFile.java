package org.ctdc.deid;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ctdc.schema.internal.Shown;

/**
 * The file layout of a hierarchy in ARX's CSV form, and nothing more: one row per line, one label per
 * delimited field, no header, no quoting, UTF-8 (a leading byte-order mark is dropped), {@code \n},
 * {@code \r\n} or {@code \r} line ends, blank lines allowed only at the end. It turns a file into rows of labels within
 * the reading limits below; the rules of a hierarchy (equal row lengths, one parent per value, a single top
 * value) are checked by {@link Hierarchy} for de-identification and, independently, by the verifier
 * ({@code ctdc verify} reads its hierarchy files with this class too, so that both read a file the same way
 * and fail on it with the same message).
 *
 * <p>A file is read whole or not at all. Every error is a {@link HierarchyException} whose message names
 * the file, the hierarchy (the file name without extension), the row (the file's line) and, where there is
 * one, the level, and the rule or limit broken: never a label or any other text of the file, which may be
 * a data file named by mistake.
 *
 * <p>Limits: {@value #MAX_FILE_BYTES} bytes (or characters from a reader), {@value #MAX_ROWS} rows,
 * {@link Hierarchy#MAX_LEVELS} levels (fields) per row, {@value #MAX_LABEL_LENGTH} characters per label.
 * A label may not hold a control character (a tab is allowed when it is the delimiter) or a byte-order
 * mark.
 *
 * <p>This class is thread-safe: it has only static methods.
 */
public final class HierarchyFile {

  /** The most bytes a hierarchy file (or characters a reader) may hold: 64 MiB. */
  public static final long MAX_FILE_BYTES = 64L << 20;

  /** The most rows (leaves) a hierarchy file may hold: 1,048,576. */
  public static final int MAX_ROWS = 1 << 20;

  /** The most characters of one label: 1,048,576, as for every other reader's field (docs/limits.md). */
  public static final int MAX_LABEL_LENGTH = 1 << 20;

  private HierarchyFile() {}

  /**
   * Reads the rows of a hierarchy file.
   *
   * @param file the file, UTF-8
   * @param delimiter the column delimiter, {@code ';'} in ARX's files; not a line break
   * @return the rows, one list of labels per non-blank line, in file order; immutable
   * @throws HierarchyException naming the file, the hierarchy and the row, if the file cannot be read, is
   *     not UTF-8 text, or breaks the layout or a limit
   */
  public static List<List<String>> read(Path file, char delimiter) {
    String name = nameOf(file);
    try {
      return rows(text(file, name), name, delimiter);
    } catch (HierarchyException e) {
      throw new HierarchyException(file, e);
    }
  }

  /**
   * Reads the rows of a hierarchy from text already decoded.
   *
   * @param reader the text, not closed
   * @param name the hierarchy's name, for messages
   * @param delimiter the column delimiter; not a line break
   * @return the rows, one list of labels per non-blank line; immutable
   * @throws HierarchyException naming the hierarchy and the row, if the text cannot be read or breaks the
   *     layout or a limit
   */
  public static List<List<String>> read(Reader reader, String name, char delimiter) {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[8192];
    try {
      int n;
      while ((n = reader.read(buf)) >= 0) {
        if (sb.length() + (long) n > MAX_FILE_BYTES) {
          throw new HierarchyException(name, "row " + (lineOf(sb) + 1) + ": the text is longer than "
              + (MAX_FILE_BYTES >> 20) + " Mi characters, the limit for a hierarchy");
        }
        sb.append(buf, 0, n);
      }
    } catch (IOException e) {
      throw new HierarchyException(name, "cannot read (" + reason(e) + ")");
    }
    return rows(sb, name, delimiter);
  }

  /** The hierarchy's name: the file name without its extension. */
  static String nameOf(Path file) {
    Path f = file.getFileName();
    String n = f == null ? file.toString() : f.toString();
    int dot = n.lastIndexOf('.');
    String name = dot > 0 ? n.substring(0, dot) : n;
    return name.isBlank() ? "<unnamed>" : name;
  }

  private static CharSequence text(Path file, String name) {
    if (!Files.isRegularFile(file)) {
      throw new HierarchyException(name, Files.exists(file) ? "not a regular file" : "no such file");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
    } catch (IOException e) {
      throw new HierarchyException(name, "cannot read (" + reason(e) + ")");
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw new HierarchyException(name, "the file is larger than " + (MAX_FILE_BYTES >> 20)
          + " MiB, the limit for a hierarchy file");
    }
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = dec.decode(in, out, true);
    if (!r.isError()) {
      r = dec.flush(out);
    }
    if (r.isError()) {
      int row = lineOf(out.flip()) + 1;
      throw new HierarchyException(name, "row " + row + ": not valid UTF-8 text (a hierarchy file is UTF-8)");
    }
    return out.flip();
  }

  private static String reason(IOException e) {
    return e instanceof java.nio.file.AccessDeniedException ? "permission denied" : "an I/O error";
  }

  private static int lineOf(CharSequence s) {
    int row = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\n' || s.charAt(i) == '\r' && (i + 1 == s.length() || s.charAt(i + 1) != '\n')) {
        row++;
      }
    }
    return row;
  }

  private static List<List<String>> rows(CharSequence text, String name, char delimiter) {
    if (delimiter == '\n' || delimiter == '\r') {
      throw new HierarchyException(name, "the delimiter must not be a line break");
    }
    List<List<String>> rows = new ArrayList<>();
    List<Map<String, String>> seen = new ArrayList<>();
    int blankAt = 0;
    int row = 0;
    int start = 0;
    int length = text.length();
    if (length > 0 && text.charAt(0) == '\uFEFF') {
      start = 1;
    }
    while (start < length) {
      int end = start;
      while (end < length && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      row++;
      int stop = end;
      if (end + 1 < length && text.charAt(end) == '\r' && text.charAt(end + 1) == '\n') {
        end++;
      }
      if (isBlank(text, start, stop)) {
        if (blankAt == 0) {
          blankAt = row;
        }
      } else {
        if (blankAt > 0) {
          throw new HierarchyException(name, "row " + blankAt
              + ": a blank line inside the hierarchy (blank lines are allowed only at the end)");
        }
        if (rows.size() == MAX_ROWS) {
          throw new HierarchyException(name, "row " + row + ": more than " + MAX_ROWS + " rows (limit)");
        }
        rows.add(split(text, start, stop, delimiter, name, row, seen));
      }
      start = end + 1;
    }
    return List.copyOf(rows);
  }

  private static boolean isBlank(CharSequence s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static List<String> split(CharSequence s, int from, int to, char d, String name, int row,
      List<Map<String, String>> seen) {
    List<String> out = new ArrayList<>();
    int level = 0;
    int begin = from;
    for (int i = from; i <= to; i++) {
      char c = i < to ? s.charAt(i) : d;
      if (c == d) {
        if (level == Hierarchy.MAX_LEVELS) {
          throw new HierarchyException(name, "row " + row + ": more than " + Hierarchy.MAX_LEVELS
              + " levels (limit)");
        }
        if (i - begin > MAX_LABEL_LENGTH) {
          throw new HierarchyException(name, "row " + row + ", level " + level + ": a label is longer than "
              + MAX_LABEL_LENGTH + " characters (limit)");
        }
        if (seen.size() == level) {
          seen.add(new HashMap<>());
        }
        // one String per distinct label of a level: a level repeats its labels on many rows
        String label = s.subSequence(begin, i).toString();
        out.add(seen.get(level).computeIfAbsent(label, k -> k));
        level++;
        begin = i + 1;
      } else if (c == '\uFEFF') {
        // found by fuzzing: a label starting with U+FEFF looked like another label and did not survive a
        // write and read (the mark is taken for the file's byte-order mark); it is invisible, so refuse it
        throw new HierarchyException(name, "row " + row + ", level " + level
            + ": a label holds a byte-order mark (U+FEFF), invisible and probably left from joining files");
      } else if (Shown.isControl(c)) {
        throw new HierarchyException(name, "row " + row + ", level " + level
            + ": a label holds a control character");
      }
    }
    return List.copyOf(out);
  }
}
