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
import java.util.Optional;

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

  /** Resolves every entry with a resolver and counts the answers. */
  static Tally tally(CountryResolver r, List<Entry> entries) {
    List<Optional<String>> answers = new ArrayList<>();
    for (Entry e : entries) {
      answers.add(r.resolve(e.spelling()).country().map(Country::alpha3));
    }
    return count(entries, answers);
  }

  /**
   * Counts answers (alpha-3, empty for unmapped), one per entry. Right: the expected country, or unmapped
   * when it must be. Wrong: another country, or a country when it must stay unmapped (a confident wrong
   * answer).
   */
  static Tally count(List<Entry> entries, List<Optional<String>> answers) {
    int right = 0;
    int wrong = 0;
    int unmapped = 0;
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      Optional<String> a = answers.get(i);
      if (a.isEmpty()) {
        if (e.mustResolve()) {
          unmapped++;
        } else {
          right++;
        }
      } else if (a.get().equals(e.expected())) {
        right++;
      } else {
        wrong++;
      }
    }
    return new Tally(entries.size(), right, wrong, unmapped);
  }
}
