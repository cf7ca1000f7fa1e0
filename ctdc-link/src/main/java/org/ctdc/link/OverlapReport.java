package org.ctdc.link;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ctdc.core.MergedDataset;

/**
 * The overlap found by a linkage, counts only: per pair of sources how many of their records were matched to
 * each other; the clusters by size and by the sources they span; the similarity histogram of the compared pairs;
 * the threshold, the blocking with its pair completeness (theoretical and measured on a sample, see {@link
 * PairCompleteness}) and the encoding's parameters; and, after a merge, the rows in and out and the
 * conflicts per variable. No record id, name, token or key is part of it. {@link #toJson()} is deterministic:
 * the same inputs give the same bytes.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class OverlapReport {
  /** The version of the JSON layout. */
  public static final int REPORT_FORMAT = 1;

  /**
   * The outcome of a merge as the report counts it.
   *
   * <p>This record is immutable and thread-safe.
   *
   * @param rowsIn the rows of all aligned datasets
   * @param rowsOut the rows of the merged dataset
   * @param conflicts per variable, the merged rows whose sources disagreed on it
   */
  public record MergeCounts(long rowsIn, long rowsOut, Map<String, Long> conflicts) {
    /** Copies. */
    public MergeCounts {
      conflicts = Map.copyOf(conflicts);
    }

    /**
     * The counts of a merged dataset.
     *
     * @param merged the merged dataset
     * @return its counts
     */
    public static MergeCounts of(MergedDataset merged) {
      long in = 0;
      for (int r = 0; r < merged.dataset().rowCount(); r++) {
        in += merged.sources(r).size();
      }
      return new MergeCounts(in, merged.dataset().rowCount(), merged.conflicts());
    }
  }

  private final LinkConfig config;
  private final MatchResult result;
  private final Optional<MergeCounts> merge;

  private OverlapReport(LinkConfig config, MatchResult result, Optional<MergeCounts> merge) {
    this.config = config;
    this.result = result;
    this.merge = merge;
  }

  /**
   * The report of a match.
   *
   * @param config the configuration the encodings and the match used
   * @param result the match
   * @return the report
   */
  public static OverlapReport of(LinkConfig config, MatchResult result) {
    return new OverlapReport(config, result, Optional.empty());
  }

  /**
   * This report with a merge's counts.
   *
   * @param counts the counts
   * @return a new report
   */
  public OverlapReport withMerge(MergeCounts counts) {
    return new OverlapReport(config, result, Optional.of(counts));
  }

  /**
   * How many records of source a were matched to a record of source b.
   *
   * @param a a source
   * @param b another source
   * @return the count
   */
  public long matched(String a, String b) {
    long n = 0;
    for (Match m : result.matches()) {
      if ((m.a().source().equals(a) && m.b().source().equals(b)) || (m.a().source().equals(b) && m.b().source().equals(a))) {
        n++;
      }
    }
    return n;
  }

  /** @return the number of clusters per cluster size, in size order */
  public Map<Integer, Long> clustersBySize() {
    Map<Integer, Long> m = new TreeMap<>();
    for (List<RecordRef> c : result.clusters()) {
      m.merge(c.size(), 1L, Long::sum);
    }
    return m;
  }

  /** @return the report as JSON, two-space indented, keys in a fixed order */
  public String toJson() {
    ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = om.createObjectNode();
    root.put("reportFormat", REPORT_FORMAT);
    ObjectNode enc = root.putObject("encoding");
    enc.put("bits", config.bits());
    enc.put("hardening", config.hardening().name());
    enc.put("hash", "HMAC-SHA-256, double hashing");
    ArrayNode fields = enc.putArray("fields");
    for (LinkConfig.Field f : config.fields()) {
      ObjectNode o = fields.addObject();
      o.put("name", f.name());
      o.put("kind", f.kind().name());
      o.put("weight", f.weight());
      o.put("q", f.q());
      o.put("group", f.group());
    }
    ObjectNode match = root.putObject("match");
    match.put("threshold", result.threshold());
    ObjectNode blocking = match.putObject("blocking");
    blocking.put("method", config.bands() == 0 ? "none" : "lsh-bit-sampling");
    blocking.put("bands", config.bands());
    blocking.put("bitsPerBand", config.bitsPerBand());
    PairCompleteness pc = result.pairCompleteness();
    ObjectNode pcNode = blocking.putObject("pairCompleteness");
    pcNode.put("model", "1 - (1 - p^r)^b, p = 1 - 2 fill (1 - Dice)");
    pcNode.put("fill", rounded(pc.fill()));
    ArrayNode theory = pcNode.putArray("theoretical");
    for (PairCompleteness.Point pt : pc.theoretical()) {
      ObjectNode o = theory.addObject();
      o.put("similarity", rounded(pt.similarity()));
      o.put("bitAgreement", rounded(pt.bitAgreement()));
      o.put("probability", rounded(pt.probability()));
    }
    pc.measured().ifPresent(m -> {
      ObjectNode o = pcNode.putObject("measured");
      o.put("seed", m.seed());
      o.put("sampledRecords", m.sampledRecords());
      o.put("pairsAtThreshold", m.pairsAtThreshold());
      o.put("candidates", m.candidates());
      o.put("share", rounded(m.share()));
      o.put("confidence", PairCompleteness.CONFIDENCE);
      o.put("lower", rounded(m.lower()));
      o.put("upper", rounded(m.upper()));
    });
    match.put("comparisons", result.comparisons());
    match.put("solver", "greedy, at most one record per source in a cluster");
    ArrayNode sources = root.putArray("sources");
    for (int i = 0; i < result.sources().size(); i++) {
      ObjectNode o = sources.addObject();
      o.put("name", result.sources().get(i));
      o.put("records", result.sizes().get(i));
    }
    ArrayNode pairs = root.putArray("overlap");
    for (int i = 0; i < result.sources().size(); i++) {
      for (int j = i + 1; j < result.sources().size(); j++) {
        ObjectNode o = pairs.addObject();
        o.put("a", result.sources().get(i));
        o.put("b", result.sources().get(j));
        o.put("matched", matched(result.sources().get(i), result.sources().get(j)));
      }
    }
    ObjectNode clusters = root.putObject("clusters");
    clusters.put("total", result.clusters().size());
    ObjectNode bySize = clusters.putObject("bySize");
    clustersBySize().forEach((k, v) -> bySize.put(Integer.toString(k), v));
    Map<String, Long> span = new TreeMap<>();
    for (List<RecordRef> c : result.clusters()) {
      StringBuilder sb = new StringBuilder();
      for (RecordRef r : c) {
        sb.append(sb.length() == 0 ? "" : "+").append(r.source());
      }
      span.merge(sb.toString(), 1L, Long::sum);
    }
    ObjectNode bySources = clusters.putObject("bySources");
    span.forEach(bySources::put);
    ArrayNode hist = root.putArray("histogram");
    long[] h = result.histogram();
    for (int i = 0; i < h.length; i++) {
      ObjectNode o = hist.addObject();
      o.put("from", BigDecimal.valueOf(i).divide(BigDecimal.valueOf(MatchResult.BINS), 2, RoundingMode.UNNECESSARY));
      o.put("to", BigDecimal.valueOf(i + 1L).divide(BigDecimal.valueOf(MatchResult.BINS), 2, RoundingMode.UNNECESSARY));
      o.put("pairs", h[i]);
    }
    merge.ifPresent(m -> {
      ObjectNode o = root.putObject("merge");
      o.put("rowsIn", m.rowsIn());
      o.put("rowsOut", m.rowsOut());
      o.put("conflictRule", "the first value in pooling order is kept");
      ObjectNode c = o.putObject("conflicts");
      new TreeMap<>(m.conflicts()).forEach(c::put);
    });
    try {
      return om.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the report cannot be written as JSON");
    }
  }

  /** Six decimals, for a report that reads the same on every platform. */
  private static BigDecimal rounded(double v) {
    return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN);
  }

    @Override
  public String toString() {
    return "OverlapReport[" + result + "]";
  }
}
