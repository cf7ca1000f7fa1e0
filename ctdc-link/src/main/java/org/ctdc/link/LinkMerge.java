package org.ctdc.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ctdc.core.MergedDataset;
import org.ctdc.core.PartnerDataset;
import org.ctdc.schema.internal.Shown;

/**
 * Merges partners' aligned datasets without counting a matched person twice, with ctdc-core's
 * {@link MergedDataset#of(List, List)} (one row per cluster, every source row in its provenance, the first value
 * in pooling order kept and conflicts counted).
 *
 * <p><b>How a matched id finds its aligned row: by position.</b> The encoder writes one encoding line per data
 * row of the partner file, in order, so the record at position i of a {@link ClkSet} is data row i + 1 of the
 * partner file; alignment keeps the order of the rows, so it is row i of the aligned dataset when alignment
 * rejected no row. The merge therefore requires each aligned dataset to have exactly as many rows as its
 * encoding file has records, and refuses otherwise (a rejected row would shift every later one). Neither the
 * record ids nor any name reach the aligned data.
 *
 * <p>This class is thread-safe (stateless).
 */
public final class LinkMerge {
  private LinkMerge() {}

  /**
   * Merges.
   *
   * @param aligned the partners' aligned datasets, in pooling order
   * @param encodings the partners' encodings, in the same order (their source names are those of the match)
   * @param result the match of those encodings
   * @return the merged dataset
   * @throws LinkException naming the source when the lists differ in length, a dataset's rows do not line up
   *     with its encodings, or the match names a source or record that is not given
   */
  public static MergedDataset merge(List<PartnerDataset> aligned, List<ClkSet> encodings, MatchResult result) {
    return merge(aligned, encodings, result.clusters());
  }

  /**
   * Merges by matched pairs, as read back from {@code MATCHES.csv}: the pairs are joined into clusters (two
   * pairs that share a record are one cluster).
   *
   * @param aligned the partners' aligned datasets, in pooling order
   * @param encodings the partners' encodings, in the same order
   * @param matches the matched pairs
   * @return the merged dataset
   * @throws LinkException as {@link #merge(List, List, MatchResult)}
   */
  public static MergedDataset mergePairs(List<PartnerDataset> aligned, List<ClkSet> encodings, List<Match> matches) {
    Map<RecordRef, RecordRef> parent = new HashMap<>();
    for (Match m : matches) {
      RecordRef a = find(parent, m.a());
      RecordRef b = find(parent, m.b());
      if (!a.equals(b)) {
        if (a.compareTo(b) < 0) {
          parent.put(b, a);
        } else {
          parent.put(a, b);
        }
      }
    }
    Map<RecordRef, List<RecordRef>> clusters = new java.util.TreeMap<>();
    for (RecordRef r : new java.util.TreeSet<>(parent.keySet())) {
      clusters.computeIfAbsent(find(parent, r), x -> new ArrayList<>()).add(r);
    }
    List<List<RecordRef>> out = new ArrayList<>();
    for (List<RecordRef> c : clusters.values()) {
      if (c.size() > 1) {
        out.add(c);
      }
    }
    return merge(aligned, encodings, out);
  }

  private static RecordRef find(Map<RecordRef, RecordRef> parent, RecordRef x) {
    RecordRef r = x;
    parent.putIfAbsent(r, r);
    for (RecordRef p = parent.get(r); p != null && !p.equals(r); p = parent.get(r)) {
      r = p;
    }
    return r;
  }

  private static MergedDataset merge(List<PartnerDataset> aligned, List<ClkSet> encodings, List<List<RecordRef>> clusterList) {
    if (aligned.size() != encodings.size()) {
      throw new LinkException("merge: " + aligned.size() + " aligned datasets but " + encodings.size() + " encoding files");
    }
    Map<String, Integer> bySource = new HashMap<>();
    for (int i = 0; i < encodings.size(); i++) {
      ClkSet e = encodings.get(i);
      int rows = aligned.get(i).dataset().rowCount();
      if (rows != e.size()) {
        throw new LinkException("merge: source '" + Shown.name(e.source()) + "': the aligned data has " + rows
            + " rows but the encoding file " + e.size() + " records; rows line up by position only when alignment"
            + " rejects no row");
      }
      bySource.put(e.source(), i);
    }
    List<List<MergedDataset.RowRef>> groups = new ArrayList<>();
    for (List<RecordRef> cluster : clusterList) {
      List<MergedDataset.RowRef> g = new ArrayList<>();
      for (RecordRef r : cluster) {
        Integer k = bySource.get(r.source());
        int row = k == null ? -1 : encodings.get(k).indexOf(r.id());
        if (k == null || row < 0) {
          throw new LinkException("merge: the match names a record of source '" + Shown.name(r.source())
              + "' that is not in its encoding file");
        }
        g.add(new MergedDataset.RowRef(aligned.get(k).partner(), row));
      }
      groups.add(g);
    }
    return MergedDataset.of(aligned, groups);
  }
}
