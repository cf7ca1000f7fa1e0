package org.ctdc.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ctdc.schema.CtdcException;
import org.ctdc.schema.MissingReason;

/**
 * What an alignment run did: how many rows were read, aligned and rejected (always
 * {@code rowsRead = rowsAligned + rowsRejected}), and the blank lines skipped (no rows); the rejects
 * grouped by reason, column and target with their 1-based row numbers; per target variable its coverage,
 * its missing cells by reason, the unmapped source values and the fuzzy matches applied; and the source
 * columns dropped. A report always covers the whole input, except in strict mode, where
 * {@link #stoppedEarly()} says the run stopped at its first rejected row (row {@link #rowsRead()}) and
 * did not read the rest. An input the reader cannot read to its end gives no report at all but an
 * {@link org.ctdc.schema.InputStoppedException}.
 *
 * <p>Record values never appear except unmapped or fuzzily matched values that pass the rule documented
 * in {@code docs/alignment-spec.md} (issue 14): seen in at least {@link #showThreshold()} rows (the release
 * threshold k, default 11), not from an identifier or free-text column or an identifier or text target,
 * and code-like. Every other value is only counted: how many distinct values in how many rows were not
 * shown.
 *
 * <p>{@link #toJson()} writes the layout {@code reportFormat: 1}. This class is immutable and
 * thread-safe.
 */
public final class AlignmentReport {

  /** The version of the JSON layout written by {@link #toJson()}. */
  public static final int REPORT_FORMAT = 1;

  /**
   * Rejected rows of one reason, column and target.
   *
   * @param reason why
   * @param column the source column involved, or {@code *} for the whole row
   * @param target the target variable involved, or {@code *} for the whole row
   * @param count how many rows
   * @param rows the first row numbers (1-based data rows), at most the run's listing limit
   */
  public record RejectGroup(RejectReason reason, String column, String target, long count, List<Long> rows) {
    /** Validates and copies. */
    public RejectGroup {
      Objects.requireNonNull(reason);
      rows = List.copyOf(rows);
    }
  }

  /**
   * A source value and how many rows held it.
   *
   * @param value the value (a code-like value of a closed column)
   * @param count how many rows
   */
  public record ValueCount(String value, long count) {}

  /**
   * A fuzzy match the aligner applied.
   *
   * @param value the source value
   * @param code the target code it was resolved to
   * @param score the match score, from 0 to 1
   * @param count how many rows
   */
  public record FuzzyMatch(String value, String code, double score, long count) {}

  /**
   * One target variable in the aligned rows.
   *
   * @param target the variable
   * @param rule the rule kind, such as {@code map}, {@code flagWhen}, {@code derived:joinedLabels}
   * @param columns the source columns read
   * @param values aligned rows with a value
   * @param missing aligned rows missing, by reason
   * @param coverage the share of aligned rows with a value (0 when no row was aligned)
   * @param unmapped unmapped values that may be shown, most frequent first
   * @param unmappedWithheld rows with unmapped values not shown
   * @param unmappedWithheldDistinct distinct unmapped values not shown (values beyond the 10,000 distinct
   *     values a run tracks per target are counted in the rows only)
   * @param fuzzyMatches fuzzy matches applied whose value may be shown, most frequent first
   * @param fuzzyWithheld rows with a fuzzy match whose value is not shown
   * @param fuzzyWithheldDistinct distinct fuzzily matched values not shown
   * @param turnedMissing aligned rows whose value could not be read and was left missing (reason unknown,
   *     counted in {@code missing} too) by {@code onUnmapped: missing}, by the reason that would have
   *     rejected the row: {@code unmapped-value}, {@code not-a-number}, {@code ambiguous-date}
   * @param unmappedSuggestions for unmapped values with a candidate (a country name inside a longer value,
   *     a misspelling below the threshold), the candidate's code and the rows, most frequent first: codes
   *     of a closed value set (country alpha-3), never the values, shown whatever the count
   */
  public record TargetCoverage(
      String target,
      String rule,
      List<String> columns,
      long values,
      Map<MissingReason, Long> missing,
      double coverage,
      List<ValueCount> unmapped,
      long unmappedWithheld,
      long unmappedWithheldDistinct,
      List<FuzzyMatch> fuzzyMatches,
      long fuzzyWithheld,
      long fuzzyWithheldDistinct,
      Map<RejectReason, Long> turnedMissing,
      List<ValueCount> unmappedSuggestions) {
    /** Validates and copies. */
    public TargetCoverage {
      columns = List.copyOf(columns);
      turnedMissing = Map.copyOf(turnedMissing.isEmpty() ? Map.of() : new EnumMap<>(turnedMissing));
      missing = Map.copyOf(missing.isEmpty() ? Map.of() : new EnumMap<>(missing));
      unmapped = List.copyOf(unmapped);
      fuzzyMatches = List.copyOf(fuzzyMatches);
      unmappedSuggestions = List.copyOf(unmappedSuggestions);
    }
  }

  private final String spec;
  private final String partner;
  private final String source;
  private final String targetSchema;
  private final AlignmentMode mode;
  private final long rowsRead;
  private final long rowsAligned;
  private final long rowsRejected;
  private final boolean stoppedEarly;
  private final long blankLines;
  private final int showThreshold;
  private final List<RejectGroup> rejects;
  private final List<TargetCoverage> targets;
  private final List<String> droppedColumns;

  /**
   * Creates a report; the aligner does this.
   *
   * @param spec the spec name
   * @param partner the partner id
   * @param source the input's name (a file name)
   * @param targetSchema the target schema id
   * @param mode the mode
   * @param rowsRead rows read
   * @param rowsAligned rows aligned
   * @param stoppedEarly whether strict mode stopped the run at its first rejected row
   * @param blankLines blank lines skipped (no rows)
   * @param showThreshold the fewest rows a source value was seen in to be shown
   * @param rejects the reject groups
   * @param targets one entry per target variable, in schema order
   * @param droppedColumns source columns no rule read, in input order
   * @throws IllegalArgumentException if the rejects do not add up to rows read minus rows aligned, or a
   *     count is negative
   */
  public AlignmentReport(
      String spec, String partner, String source, String targetSchema, AlignmentMode mode,
      long rowsRead, long rowsAligned, boolean stoppedEarly, long blankLines, int showThreshold,
      List<RejectGroup> rejects, List<TargetCoverage> targets, List<String> droppedColumns) {
    if (blankLines < 0 || showThreshold < 1) {
      throw new IllegalArgumentException("blank lines must not be negative, the show threshold at least 1");
    }
    this.blankLines = blankLines;
    this.showThreshold = showThreshold;
    this.spec = spec;
    this.partner = partner;
    this.source = source;
    this.targetSchema = targetSchema;
    this.mode = mode;
    this.rowsRead = rowsRead;
    this.rowsAligned = rowsAligned;
    this.rowsRejected = rejects.stream().mapToLong(RejectGroup::count).sum();
    if (rowsRead != rowsAligned + rowsRejected) {
      throw new IllegalArgumentException(
          "rows read " + rowsRead + " != rows aligned " + rowsAligned + " + rows rejected " + rowsRejected);
    }
    this.stoppedEarly = stoppedEarly;
    this.rejects = List.copyOf(rejects);
    this.targets = List.copyOf(targets);
    this.droppedColumns = List.copyOf(droppedColumns);
  }

  /** @return the spec's name */
  public String spec() {
    return spec;
  }

  /** @return the partner id */
  public String partner() {
    return partner;
  }

  /** @return the input's name */
  public String source() {
    return source;
  }

  /** @return the target schema id */
  public String targetSchema() {
    return targetSchema;
  }

  /** @return the mode of the run */
  public AlignmentMode mode() {
    return mode;
  }

  /** @return rows read */
  public long rowsRead() {
    return rowsRead;
  }

  /** @return rows aligned */
  public long rowsAligned() {
    return rowsAligned;
  }

  /** @return rows rejected */
  public long rowsRejected() {
    return rowsRejected;
  }

  /**
   * @return whether strict mode stopped the run at its first rejected row (row {@link #rowsRead()}); the
   *     rest of the input was not read
   */
  public boolean stoppedEarly() {
    return stoppedEarly;
  }

  /** @return the blank lines skipped: no rows, not numbered */
  public long blankLines() {
    return blankLines;
  }

  /** @return the fewest rows a source value must be seen in before the report shows it (k) */
  public int showThreshold() {
    return showThreshold;
  }

  /** @return the reject groups, by reason, then column, then target */
  public List<RejectGroup> rejects() {
    return rejects;
  }

  /** @return one entry per target variable, in the schema's order */
  public List<TargetCoverage> targets() {
    return targets;
  }

  /**
   * The entry of one target variable.
   *
   * @param name the variable
   * @return the entry
   * @throws IllegalArgumentException if the target schema has no such variable
   */
  public TargetCoverage target(String name) {
    return targets.stream()
        .filter(t -> t.target().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no target variable '" + name + "'"));
  }

  /**
   * Cells left missing because their value could not be read ({@code onUnmapped: missing}), over all
   * targets, by reason in the order of {@link RejectReason}.
   *
   * @return the counts, only reasons with cells
   */
  public Map<RejectReason, Long> turnedMissing() {
    Map<RejectReason, Long> out = new EnumMap<>(RejectReason.class);
    for (TargetCoverage t : targets) {
      t.turnedMissing().forEach((r, n) -> out.merge(r, n, Long::sum));
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  /** @return the source columns no rule read (identifier and free-text columns included) */
  public List<String> droppedColumns() {
    return droppedColumns;
  }

  /**
   * @return one line: source, counts, blank lines skipped, and where strict mode stopped, such as
   *     {@code f.csv: 6 rows read, 5 aligned, 1 rejected; strict mode stopped at row 6, the rest of the input
   *     not read}
   */
  public String summary() {
    return source + ": " + rowsRead + " rows read, " + rowsAligned + " aligned, " + rowsRejected + " rejected"
        + (blankLines == 0 ? "" : ", " + blankLines + (blankLines == 1 ? " blank line" : " blank lines") + " skipped")
        + (stoppedEarly ? "; strict mode stopped at row " + rowsRead + ", the rest of the input not read" : "");
  }

  /**
   * The report as JSON, layout {@code reportFormat: 1} (documented in {@code docs/alignment-spec.md}).
   * Byte-identical for equal reports.
   *
   * @return the JSON text, pretty-printed
   */
  public String toJson() {
    ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = m.createObjectNode();
    root.put("reportFormat", REPORT_FORMAT);
    root.put("spec", spec);
    root.put("partner", partner);
    root.put("source", source);
    root.put("targetSchema", targetSchema);
    root.put("mode", mode.name().toLowerCase(java.util.Locale.ROOT));
    ObjectNode counts = root.putObject("counts");
    counts.put("rowsRead", rowsRead);
    counts.put("rowsAligned", rowsAligned);
    counts.put("rowsRejected", rowsRejected);
    counts.put("stoppedEarly", stoppedEarly);
    counts.put("blankLines", blankLines);
    ObjectNode turnedAll = counts.putObject("turnedMissing");
    turnedMissing().forEach((r, n) -> turnedAll.put(r.id(), n));
    root.put("showThreshold", showThreshold);
    ArrayNode rj = root.putArray("rejects");
    for (RejectGroup g : rejects) {
      ObjectNode o = rj.addObject();
      o.put("reason", g.reason().id());
      o.put("column", g.column());
      o.put("target", g.target());
      o.put("count", g.count());
      ArrayNode rows = o.putArray("rows");
      g.rows().forEach(rows::add);
      o.put("rowsTruncated", g.rows().size() < g.count());
    }
    ArrayNode tg = root.putArray("targets");
    for (TargetCoverage t : targets) {
      ObjectNode o = tg.addObject();
      o.put("target", t.target());
      o.put("rule", t.rule());
      ArrayNode cols = o.putArray("columns");
      t.columns().forEach(cols::add);
      o.put("values", t.values());
      ObjectNode miss = o.putObject("missing");
      for (MissingReason r : MissingReason.values()) {
        long n = t.missing().getOrDefault(r, 0L);
        if (n > 0) {
          miss.put(r.name().toLowerCase(java.util.Locale.ROOT), n);
        }
      }
      o.put("coverage", Math.round(t.coverage() * 1_000_000d) / 1_000_000d);
      ArrayNode un = o.putArray("unmapped");
      for (ValueCount v : t.unmapped()) {
        un.addObject().put("value", v.value()).put("count", v.count());
      }
      o.put("unmappedWithheld", t.unmappedWithheld());
      o.put("unmappedWithheldDistinct", t.unmappedWithheldDistinct());
      ArrayNode sg = o.putArray("unmappedSuggestions");
      for (ValueCount v : t.unmappedSuggestions()) {
        sg.addObject().put("code", v.value()).put("count", v.count());
      }
      ArrayNode fz = o.putArray("fuzzyMatches");
      for (FuzzyMatch f : t.fuzzyMatches()) {
        fz.addObject()
            .put("value", f.value())
            .put("code", f.code())
            .put("score", Math.round(f.score() * 10_000d) / 10_000d)
            .put("count", f.count());
      }
      o.put("fuzzyWithheld", t.fuzzyWithheld());
      o.put("fuzzyWithheldDistinct", t.fuzzyWithheldDistinct());
      ObjectNode turned = o.putObject("turnedMissing");
      for (RejectReason r : RejectReason.values()) {
        long k = t.turnedMissing().getOrDefault(r, 0L);
        if (k > 0) {
          turned.put(r.id(), k);
        }
      }
    }
    ArrayNode dc = root.putArray("droppedColumns");
    droppedColumns.forEach(dc::add);
    try {
      return m.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new CtdcException("cannot write the alignment report as JSON", e);
    }
  }

  @Override
  public String toString() {
    return "AlignmentReport[" + summary() + "]";
  }
}
