package org.ctdc.deid.table.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ctdc.deid.table.Dimension;
import org.ctdc.deid.table.SuppressionRules;
import org.ctdc.deid.table.Table;
import org.ctdc.deid.table.TableDefinition;
import org.ctdc.deid.table.TableDefinition.CrossCells;

/**
 * The documented examples of the GaussSuppression R package (Statistics Norway, MIT licence; Langsrud and
 * Lupp), as fixtures: the inputs of its vignettes "Small count frequency table suppression" ({@code
 * SSBtoolsData("example1")}, years 2014 and 2015) and "Magnitude table suppression" ({@code
 * SSBtoolsData("magnitude1")}, values × 10 so that they are whole numbers), with the number of cells the
 * package suppresses (primary and secondary) in the output printed in the vignette. Source:
 * https://github.com/statisticsnorway/ssb-gausssuppression, {@code articles/*.md} (package version 1.x);
 * SSBtools and GaussSuppression are both MIT-licensed. The data are 6 and 20 rows of invented figures.
 *
 * <p>Each example maps the R call onto ctdc: {@code maxN = m} is a threshold "count ≤ m" (or "contributors
 * ≤ m"), {@code protectZeros} the same flag, a {@code dimVar} with {@code geo} and {@code eu} a hierarchy
 * {@code Total → EU {Portugal, Spain}, nonEU {Iceland}} (and {@code sector2 → sector4} likewise), and a
 * formula a list of published cross-cells. Gauss requires only that no primary is exactly recomputable; the
 * ctdc rules require an attacker interval at least 1 wide (0.1 of the magnitude values), so ctdc's check is
 * at least as strict.
 */
final class GaussExamples {
  private GaussExamples() {}

  /** One example: the tables to protect together, the rules, and Gauss's suppressed cells. */
  record Example(String name, String call, Table table, SuppressionRules rules, int gaussSuppressed) {}

  static final Dimension AGE = Dimension.flat("age", "Total", List.of("young", "old"));
  static final Dimension GEO = Dimension.flat("geo", "Total", List.of("Iceland", "Portugal", "Spain"));
  static final Dimension GEO_EU = Dimension.hierarchical("geo", "Total", hierarchy(
      "Total", List.of("EU", "nonEU"), "EU", List.of("Portugal", "Spain"), "nonEU", List.of("Iceland")));
  static final Dimension SECTOR4 = Dimension.flat("sector4", "Total",
      List.of("Agriculture", "Entertainment", "Governmental", "Industry"));
  static final Dimension SECTOR = Dimension.hierarchical("sector4", "Total", hierarchy(
      "Total", List.of("private", "public"), "private", List.of("Agriculture", "Entertainment", "Industry"),
      "public", List.of("Governmental")));

  private static Map<String, List<String>> hierarchy(Object... kv) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      @SuppressWarnings("unchecked")
      List<String> children = (List<String>) kv[i + 1];
      m.put((String) kv[i], children);
    }
    return m;
  }

  /** {@code dataset_a} (year 2014) or {@code dataset_b} (2015) of {@code example1}: age, geo, freq. */
  private static Table counts(TableDefinition def, boolean year2015) {
    Table.Builder b = Table.builder(def, Table.Kind.COUNT);
    b.add(5, "young", "Spain").add(year2015 ? 0 : 2, "young", "Iceland").add(0, "young", "Portugal");
    b.add(6, "old", "Spain").add(3, "old", "Iceland").add(4, "old", "Portugal");
    return b.build();
  }

  /** {@code magnitude1}: sector4, geo, value × 10, one contribution per row. */
  private static Table magnitudes(TableDefinition def) {
    Table.Builder b = Table.builder(def, Table.Kind.MAGNITUDE);
    Object[] rows = {
      "Agriculture", "Portugal", 759, "Agriculture", "Portugal", 245, "Agriculture", "Spain", 966,
      "Agriculture", "Spain", 432, "Entertainment", "Iceland", 168, "Entertainment", "Portugal", 71,
      "Entertainment", "Portugal", 23, "Entertainment", "Spain", 774, "Entertainment", "Spain", 115,
      "Entertainment", "Spain", 164, "Governmental", "Portugal", 216, "Governmental", "Portugal", 20,
      "Governmental", "Spain", 65, "Governmental", "Spain", 27, "Industry", "Iceland", 96,
      "Industry", "Iceland", 88, "Industry", "Iceland", 19, "Industry", "Portugal", 257,
      "Industry", "Portugal", 34, "Industry", "Spain", 84};
    for (int i = 0; i < rows.length; i += 3) {
      b.add((Integer) rows[i + 2], (String) rows[i], (String) rows[i + 1]);
    }
    return b.build();
  }

  private static SuppressionRules atMost(long maxN, boolean protectZeros) {
    return SuppressionRules.ctdcDefaults().withThreshold(maxN, SuppressionRules.ThresholdBound.AT_MOST)
        .withProtectZeros(protectZeros).withProtection(1, 0);
  }

  private static CrossCells cells(String d1, Set<String> n1, String d2, Set<String> n2) {
    Map<String, Set<String>> m = new LinkedHashMap<>();
    m.put(d1, n1);
    m.put(d2, n2);
    return new CrossCells(m);
  }

  static List<Example> all() {
    TableDefinition ageGeo = TableDefinition.of("age_geo", List.of(AGE, GEO));
    TableDefinition ageGeoEu = TableDefinition.of("age_geo_eu", List.of(AGE, GEO_EU));
    // formula ~age:eu + geo: age × {EU, nonEU}, the countries, the grand total
    TableDefinition ageEuPlusGeo = ageGeoEu.withPublished(List.of(
        cells("age", Set.of("young", "old"), "geo", Set.of("EU", "nonEU")),
        cells("age", Set.of("Total"), "geo", Set.of("Iceland", "Portugal", "Spain")),
        cells("age", Set.of("Total"), "geo", Set.of("Total"))));
    TableDefinition sectorGeo = TableDefinition.of("sector4_geo", List.of(SECTOR4, GEO));
    return List.of(
        new Example("small-count table 1", "SuppressSmallCounts(dataset_a, dimVar = c(\"age\", \"geo\"), maxN = 1)",
            counts(ageGeo, false), atMost(1, true), 4),
        new Example("small-count table 2",
            "SuppressSmallCounts(dataset_a, dimVar = c(\"age\", \"geo\", \"eu\"), maxN = 2)",
            counts(ageGeoEu, false), atMost(2, true), 8),
        new Example("small-count table 3", "SuppressSmallCounts(dataset_a, formula = ~age:eu + geo, maxN = 2)",
            counts(ageEuPlusGeo, false), atMost(2, true), 2),
        new Example("small-count table 4",
            "SuppressSmallCounts(dataset_a, dimVar = c(\"age\", \"geo\", \"eu\"), maxN = 4, protectZeros = FALSE)",
            counts(ageGeoEu, false), atMost(4, false), 10),
        new Example("small-count table 5",
            "... maxN = 3, protectZeros = FALSE, secondaryZeros = TRUE",
            counts(ageGeoEu, false), atMost(3, false), 8),
        new Example("small-count table 7",
            "SuppressSmallCounts(dataset_b, dimVar = c(\"age\", \"geo\", \"eu\"), maxN = 2)",
            counts(ageGeoEu, true), atMost(2, true), 10),
        new Example("magnitude table 2",
            "SuppressFewContributors(magnitude1, numVar = \"value\", dimVar = c(\"sector4\", \"geo\"), maxN = 1)",
            magnitudes(sectorGeo), atMost(1, false), 7),
        new Example("magnitude table 3",
            "SuppressDominantCells(magnitude1, numVar = \"value\", dimVar = c(\"sector4\", \"geo\"), n = 1, k = 80)",
            magnitudes(sectorGeo), SuppressionRules.ctdcDefaults().withThreshold(0,
                SuppressionRules.ThresholdBound.LESS_THAN).withMagnitudeRules(1, 80, 0, 0).withProtection(1, 0), 9));
  }
}
