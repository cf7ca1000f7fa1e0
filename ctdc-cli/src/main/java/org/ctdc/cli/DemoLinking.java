package org.ctdc.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.ctdc.core.MergedDataset;
import org.ctdc.core.PartnerDataset;
import org.ctdc.link.ClkSet;
import org.ctdc.link.Encoder;
import org.ctdc.link.LinkConfig;
import org.ctdc.link.LinkKey;
import org.ctdc.link.LinkMerge;
import org.ctdc.link.Match;
import org.ctdc.link.MatchResult;
import org.ctdc.link.Matcher;
import org.ctdc.link.OverlapReport;
import org.ctdc.link.RecordRef;
import org.ctdc.samples.LinkageSamples;
import org.ctdc.samples.PartnerSamples;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.CtdcException;

/**
 * The overlap step of {@code ctdc demo}: each partner encodes its identifying fields into keyed Bloom-filter
 * encodings under the demo's key (as it would on its own machine), the encodings are matched, the overlap found
 * is measured against the generated truth, and the aligned rows are merged with one row per matched person.
 *
 * <p>The demo's key is derived from the demo's seed, so that two runs find the same pairs and write the same
 * bytes; it is never printed or written, and a real collaboration draws its key at random and shares it out of
 * band ({@code docs/link-config.md}). Only counts and shares leave this class. Not thread-safe.
 */
final class DemoLinking {

  /** The linkage fields' columns, as the partners map their own columns onto them before encoding. */
  static final List<String> HEADER = List.of("record_id", "given_name", "family_name", "date_of_birth", "sex");

  /** The precision, recall and F1 of the overlap found against the generated truth. */
  record Quality(long truePairs, long foundPairs, long truePositives, double precision, double recall, double f1,
      double pairCompleteness, long rowsIn, long rowsOut) {}

  private final org.ctdc.schema.ProgressListener progress;
  private final Cancellation cancellation;
  private Map<String, Object> facts = Map.of();
  private Quality quality;

  DemoLinking(org.ctdc.schema.ProgressListener progress, Cancellation cancellation) {
    this.progress = progress;
    this.cancellation = cancellation;
  }

  /** The demo's linkage configuration, as written to {@code link/link.yaml} (a resource of this module). */
  static String configYaml() {
    try (java.io.InputStream in = DemoLinking.class.getResourceAsStream("demo-link.yaml")) {
      if (in == null) {
        throw new CtdcException("demo-link.yaml: the demo's linkage configuration is missing from ctdc.jar (rule: bundled)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CtdcException("demo-link.yaml: cannot read the demo's linkage configuration ("
          + e.getClass().getSimpleName() + ")", e);
    }
  }

  /** The demo's key: 32 characters derived from the seed (reproducible; never printed or written). */
  static char[] demoKey() {
    SplittableRandom rnd = new SplittableRandom(DemoPipeline.SEED ^ 0x6c696e6b6b6579L);
    char[] k = new char[32];
    for (int i = 0; i < k.length; i++) {
      k[i] = (char) ('!' + rnd.nextInt(94));
    }
    return k;
  }

  /**
   * Encodes, matches, measures and merges.
   *
   * @param configFile the linkage configuration written by the demo
   * @param extracts the partners' extract files, in profile order
   * @param aligned their aligned datasets, in the same order
   * @param truth the generated truth
   * @return the merged dataset without double counting
   */
  MergedDataset run(Path configFile, List<Path> extracts, List<PartnerDataset> aligned,
      List<LinkageSamples.TruePair> truth) {
    LinkConfig config = LinkConfig.read(configFile);
    List<ClkSet> sets = new ArrayList<>();
    char[] key = demoKey();
    try (LinkKey k = LinkKey.of(key)) {
      Encoder encoder = Encoder.builder(config, k).progress(progress).cancellation(cancellation).build();
      PartnerSamples.Profile[] profiles = PartnerSamples.Profile.values();
      for (int i = 0; i < profiles.length; i++) {
        String source = DemoPipeline.slug(profiles[i]);
        sets.add(ClkSet.of(source, encoder.encode(HEADER, identities(extracts.get(i), profiles[i]), source)
            .encodings()));
      }
    } finally {
      java.util.Arrays.fill(key, '\0');
    }
    cancellation.throwIfCancelled(DemoPipeline.OPERATION);
    Matcher matcher = Matcher.builder(config).progress(progress).cancellation(cancellation).build();
    MatchResult result = matcher.match(sets);
    List<Match> truthPairs = new ArrayList<>();
    Set<String> t = new HashSet<>();
    for (LinkageSamples.TruePair p : truth) {
      truthPairs.add(new Match(new RecordRef(p.extractA(), p.idA()), new RecordRef(p.extractB(), p.idB()), 1));
      t.add(pair(new RecordRef(p.extractA(), p.idA()), new RecordRef(p.extractB(), p.idB())));
    }
    long tp = 0;
    for (Match m : result.matches()) {
      tp += t.contains(pair(m.a(), m.b())) ? 1 : 0;
    }
    long found = result.matches().size();
    double precision = found == 0 ? 1 : (double) tp / found;
    double recall = truth.isEmpty() ? 1 : (double) tp / truth.size();
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    double completeness = matcher.pairCompleteness(sets, truthPairs);
    MergedDataset merged = LinkMerge.merge(aligned, sets, result);
    OverlapReport.MergeCounts counts = OverlapReport.MergeCounts.of(merged);
    OverlapReport report = OverlapReport.of(config, result).withMerge(counts);
    quality = new Quality(truth.size(), found, tp, precision, recall, f1, completeness, counts.rowsIn(),
        counts.rowsOut());

    Map<String, Object> m = new LinkedHashMap<>();
    m.put("reportFormat", 1);
    m.put("report", "link");
    m.put("note", "Overlap found by keyed Bloom-filter encodings of names, date of birth and sex under the demo's"
        + " key (derived from the seed so that the demo is reproducible; never printed or written).");
    m.put("seed", DemoPipeline.SEED);
    m.put("overlap", DemoPipeline.OVERLAP);
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("truePairs", DemoPipeline.shown(quality.truePairs()));
    q.put("pairsFound", DemoPipeline.shown(quality.foundPairs()));
    q.put("truePositives", DemoPipeline.shown(quality.truePositives()));
    q.put("precision", ReportFacts.round(precision));
    q.put("recall", ReportFacts.round(recall));
    q.put("f1", ReportFacts.round(f1));
    q.put("pairCompleteness", ReportFacts.round(completeness));
    m.put("quality", q);
    Map<String, Object> mergeFacts = new LinkedHashMap<>();
    mergeFacts.put("alignedRows", counts.rowsIn());
    mergeFacts.put("mergedRows", counts.rowsOut());
    mergeFacts.put("matchedPairs", DemoPipeline.shown(found));
    m.put("merge", mergeFacts);
    m.put("overlapReport", DemoPipeline.tree(report.toJson()));
    facts = m;
    return merged;
  }

  /** A partner's own preparation: its identifying columns mapped onto {@link #HEADER}, in row order. */
  private static List<String[]> identities(Path extract, PartnerSamples.Profile profile) {
    List<String> cols = new ArrayList<>();
    cols.add(profile == PartnerSamples.Profile.HOTLINE ? "CaseID" : "CaseNo");
    cols.addAll(profile == PartnerSamples.Profile.HOTLINE ? PartnerSamples.HOTLINE_IDENTITY
        : PartnerSamples.CASE_MANAGEMENT_IDENTITY);
    String text;
    try {
      text = Files.readString(extract, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CtdcException(extract.getFileName() + ": cannot read the extract for encoding ("
          + e.getClass().getSimpleName() + ")", e);
    }
    List<String[]> rows = new ArrayList<>();
    for (Map<String, String> r : DemoPipeline.readCsv(text)) {
      String[] f = new String[cols.size()];
      for (int i = 0; i < f.length; i++) {
        f[i] = r.getOrDefault(cols.get(i), "");
      }
      rows.add(f);
    }
    return rows;
  }

  private static String pair(RecordRef a, RecordRef b) {
    if (a.compareTo(b) > 0) {
      RecordRef x = a;
      a = b;
      b = x;
    }
    return a.source() + "\u0000" + a.id() + "\u0000" + b.source() + "\u0000" + b.id();
  }

  Map<String, Object> facts() {
    return facts;
  }

  Quality quality() {
    return quality;
  }
}
