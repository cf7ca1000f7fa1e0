package org.ctdc.link;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ctdc.link.internal.CsvTable;
import org.ctdc.schema.AtomicFiles;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.internal.Shown;

/**
 * Encoding files: CSV with the header {@code id,clk}, one line per record, the encoding in base64
 * ({@link Clk#toBase64()}), empty for a record without identifying values. The source of a file is its base
 * name without the extensions {@code .clk.csv} or {@code .csv}.
 *
 * <p>This class is thread-safe (stateless).
 */
public final class ClkFile {
  private ClkFile() {}

  /**
   * Writes an encoding file atomically.
   *
   * @param file the file
   * @param clks the encodings, in order
   * @param cancellation checked before the file is put in place
   */
  public static void write(Path file, List<Clk> clks, Cancellation cancellation) {
    StringBuilder sb = new StringBuilder();
    try {
      write(sb, clks);
    } catch (IOException e) {
      throw new IllegalStateException("a StringBuilder does not fail");
    }
    cancellation.throwIfCancelled(Encoder.STAGE);
    AtomicFiles.writeString(file, sb.toString());
  }

  /**
   * Writes encodings as an encoding file's text.
   *
   * @param out where to write
   * @param clks the encodings, in order
   * @throws IOException if writing fails
   */
  public static void write(Appendable out, List<Clk> clks) throws IOException {
    out.append("id,clk\n");
    for (Clk c : clks) {
      out.append(csv(c.id())).append(',').append(c.toBase64()).append('\n');
    }
  }

  /**
   * Writes the matched pairs as {@code MATCHES.csv}: {@code source_a,id_a,source_b,id_b,similarity}, the
   * similarity with four decimals.
   *
   * @param out where to write
   * @param result the match
   * @throws IOException if writing fails
   */
  public static void writeMatches(Appendable out, MatchResult result) throws IOException {
    out.append("source_a,id_a,source_b,id_b,similarity\n");
    for (Match m : result.matches()) {
      out.append(csv(m.a().source())).append(',').append(csv(m.a().id())).append(',')
          .append(csv(m.b().source())).append(',').append(csv(m.b().id())).append(',')
          .append(new java.math.BigDecimal(m.similarity()).setScale(4, java.math.RoundingMode.HALF_EVEN).toPlainString())
          .append('\n');
    }
  }

  static String csv(String s) {
    return org.ctdc.schema.internal.CsvLine.field(s);
  }

  /**
   * The source name of an encoding file: its base name without {@code .clk.csv} or {@code .csv}.
   *
   * @param file the file
   * @return the source name
   */
  public static String sourceOf(Path file) {
    String n = String.valueOf(file.getFileName());
    if (n.endsWith(".clk.csv")) {
      return n.substring(0, n.length() - 8);
    }
    return n.endsWith(".csv") ? n.substring(0, n.length() - 4) : n;
  }

  /**
   * Reads an encoding file.
   *
   * @param file the file
   * @param bits the encoding length the configuration says
   * @return the encodings with the file's source name
   * @throws LinkException naming the file and row when the header is not {@code id,clk}, an id is blank or
   *     repeats, or an encoding is not base64 of the configured length
   */
  public static ClkSet read(Path file, int bits) {
    CsvTable t = CsvTable.read(file);
    if (!t.header().equals(List.of("id", "clk"))) {
      throw new LinkException(t.name() + ": the header must be id,clk");
    }
    List<Clk> clks = new ArrayList<>();
    for (int r = 0; r < t.rows().size(); r++) {
      String[] v = t.rows().get(r);
      if (v[0].isBlank()) {
        throw new LinkException(t.name() + ": row " + (r + 1) + ": column id: the record id is blank");
      }
      try {
        clks.add(Clk.fromBase64(v[0], v[1], bits));
      } catch (IllegalArgumentException e) {
        throw new LinkException(t.name() + ": row " + (r + 1) + ": column clk: not base64 of " + bits + " bits (the configured encoding.bits)");
      }
    }
    try {
      return ClkSet.of(sourceOf(file), clks);
    } catch (IllegalArgumentException e) {
      throw new LinkException(t.name() + ": " + e.getMessage());
    }
  }

  /**
   * Reads {@code MATCHES.csv} as {@link #writeMatches} writes it.
   *
   * @param file the file
   * @return the matched pairs, in file order
   * @throws LinkException naming the file and row when the header or a similarity is wrong
   */
  public static List<Match> readMatches(Path file) {
    CsvTable t = CsvTable.read(file);
    if (!t.header().equals(List.of("source_a", "id_a", "source_b", "id_b", "similarity"))) {
      throw new LinkException(t.name() + ": the header must be source_a,id_a,source_b,id_b,similarity");
    }
    List<Match> out = new ArrayList<>();
    for (int r = 0; r < t.rows().size(); r++) {
      String[] v = t.rows().get(r);
      double s;
      try {
        s = Double.parseDouble(v[4]);
      } catch (NumberFormatException e) {
        s = Double.NaN;
      }
      if (!(s >= 0 && s <= 1) || v[0].isBlank() || v[1].isBlank() || v[2].isBlank() || v[3].isBlank()) {
        throw new LinkException(t.name() + ": row " + (r + 1) + ": a source, an id or the similarity (in [0, 1]) is missing or wrong");
      }
      out.add(new Match(new RecordRef(v[0], v[1]), new RecordRef(v[2], v[3]), s));
    }
    return out;
  }

  static String shown(Path file) {
    return Shown.name(String.valueOf(file.getFileName()));
  }
}
