package org.ctdc.core.normalize;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The issue-15 country test lists (test resources under {@code org/ctdc/core/normalize/issue15/}, written
 * for this project from public naming conventions; see the README there).
 */
final class Issue15CountryLists {
  /** "unmapped": the token must not resolve to any country. */
  static final String UNMAPPED = "unmapped";

  /** One spelling and what it must give: an alpha-3 code or {@link #UNMAPPED}. */
  record Entry(int line, String spelling, String expected, String note) {
    boolean mustResolve() {
      return !expected.equals(UNMAPPED);
    }
  }

  private Issue15CountryLists() {}

  static List<Entry> spellings() {
    return read("country-spellings.csv", "convention");
  }

  static List<Entry> misspellings() {
    return read("country-misspellings.csv", "error");
  }

  private static List<Entry> read(String file, String noteColumn) {
    String resource = "/org/ctdc/core/normalize/issue15/" + file;
    try (InputStream in = Issue15CountryLists.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      List<Entry> out = new ArrayList<>();
      try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
          .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
        int line = 1;
        while (it.hasNext()) {
          Map<String, String> r = it.next();
          line++;
          out.add(new Entry(line, r.get("spelling"), r.get("expected"), r.get(noteColumn)));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Counts of one resolver over one list. */
  record Tally(int total, int right, int wrong, int unmapped) {
    double recall() {
      return total == 0 ? 1.0 : (double) right / total;
    }
  }

  /**
   * Resolves every entry. Right: resolved to the expected country, or left unmapped when it must be.
   * Wrong: resolved to another country, or resolved when it must stay unmapped (a confident wrong answer).
   */
  static Tally tally(CountryResolver r, List<Entry> entries) {
    int right = 0;
    int wrong = 0;
    int unmapped = 0;
    for (Entry e : entries) {
      CountryMatch m = r.resolve(e.spelling());
      if (!m.isResolved()) {
        if (e.mustResolve()) {
          unmapped++;
        } else {
          right++;
        }
      } else if (m.country().orElseThrow().alpha3().equals(e.expected())) {
        right++;
      } else {
        wrong++;
      }
    }
    return new Tally(entries.size(), right, wrong, unmapped);
  }
}
