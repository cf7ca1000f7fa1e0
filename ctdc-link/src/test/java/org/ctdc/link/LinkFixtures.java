package org.ctdc.link;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ctdc.samples.LinkageSamples;

/** Shared set-up of the issue-18 tests: the default configuration, a test key, the generator's extracts encoded. */
final class LinkFixtures {
  private LinkFixtures() {}

  /** A test key; never a real one. */
  static final String KEY = "canary-key-0123456789-do-not-leak";

  static LinkConfig config() {
    return LinkConfig.builder("record_id")
        .field(LinkConfig.Field.of("given", "given_name", FieldKind.NAME, 6).inGroup("name"))
        .field(LinkConfig.Field.of("family", "family_name", FieldKind.NAME, 6).inGroup("name"))
        .field(LinkConfig.Field.of("dob", "date_of_birth", FieldKind.DATE, 20))
        .field(LinkConfig.Field.of("sex", "sex", FieldKind.CODE, 4))
        .build();
  }

  static LinkKey key() {
    return LinkKey.of(KEY.toCharArray());
  }

  static List<String[]> rows(String csv) {
    List<String[]> rows = new ArrayList<>();
    String[] lines = csv.split("\n");
    for (int i = 1; i < lines.length; i++) {
      rows.add(lines[i].split(",", -1));
    }
    return rows;
  }

  static List<ClkSet> encode(Encoder e, LinkageSamples.Linkage l) {
    List<ClkSet> sets = new ArrayList<>();
    for (LinkageSamples.Extract x : l.extracts()) {
      sets.add(ClkSet.of(x.name(), e.encode(LinkageSamples.HEADER, rows(x.csv()), x.name()).encodings()));
    }
    return sets;
  }

  static List<Match> truth(LinkageSamples.Linkage l) {
    List<Match> t = new ArrayList<>();
    for (LinkageSamples.TruePair p : l.truth()) {
      t.add(new Match(new RecordRef(p.extractA(), p.idA()), new RecordRef(p.extractB(), p.idB()), 1));
    }
    return t;
  }

  /** Precision, recall and F1 of the found pairs against the true ones. */
  static double[] quality(MatchResult r, List<Match> truth) {
    Set<String> t = new HashSet<>();
    for (Match m : truth) {
      t.add(pair(m));
    }
    long tp = 0;
    for (Match m : r.matches()) {
      tp += t.contains(pair(m)) ? 1 : 0;
    }
    double p = r.matches().isEmpty() ? 1 : (double) tp / r.matches().size();
    double rec = truth.isEmpty() ? 1 : (double) tp / truth.size();
    return new double[] {p, rec, p + rec == 0 ? 0 : 2 * p * rec / (p + rec)};
  }

  private static String pair(Match m) {
    RecordRef a = m.a();
    RecordRef b = m.b();
    if (a.compareTo(b) > 0) {
      RecordRef x = a;
      a = b;
      b = x;
    }
    return a.source() + "\u0000" + a.id() + "\u0000" + b.source() + "\u0000" + b.id();
  }
}
