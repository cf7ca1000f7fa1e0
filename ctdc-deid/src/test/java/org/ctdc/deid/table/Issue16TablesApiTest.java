package org.ctdc.deid.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ctdc.deid.Hierarchy;
import org.ctdc.deid.SchemaHierarchies;
import org.ctdc.deid.audit.AuditResult;
import org.ctdc.deid.audit.PublishedTable;
import org.ctdc.deid.audit.TableAudit;
import org.ctdc.samples.CtdcLikeData;
import org.ctdc.schema.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16: the table API a partner can call. {@link Dimension#of(Hierarchy, int...)} builds the dimension the
 * command line's demo built by hand from a hierarchy; {@link Tabulation#tabulate(Dataset, TableDefinition,
 * List)} needs no throwaway arguments; a protection is audited in memory with the result of the audit of its
 * written files; {@link AuditResult#summary()}; the audit's definition has its own name.
 */
class Issue16TablesApiTest {
  @TempDir Path dir;

  private static final Dataset DATA = CtdcLikeData.generate(4_000, 16);

  private static final SuppressionRules RULES =
      SuppressionRules.ctdcDefaults().withThreshold(5, SuppressionRules.ThresholdBound.LESS_THAN);

  // ---- Dimension.of: the demo's hand-built citizenship dimension (DemoPipeline.tabulate before issue 16) ----

  /** The demo's code before issue 16, kept verbatim: country -> sub-region -> region -> Total, present countries. */
  private static Dimension handBuilt(Dataset data, Hierarchy country, Map<String, String> leavesOut) {
    Map<String, String> citizenshipSubRegion = leafMap(country, 1);
    Map<String, String> citizenshipRegion = leafMap(country, 2);
    int cc = data.column("citizenship");
    TreeSet<String> present = new TreeSet<>();
    for (int row = 0; row < data.rowCount(); row++) {
      if (!data.isMissing(row, cc)) {
        present.add(data.variable(cc).values().code(data.code(row, cc)).code());
      }
    }
    Map<String, TreeSet<String>> regions = new TreeMap<>();
    Map<String, TreeSet<String>> subRegions = new TreeMap<>();
    for (String c : present) {
      String r = citizenshipRegion.get(c);
      String sub = citizenshipSubRegion.get(c);
      if (r == null || sub == null) {
        continue;
      }
      leavesOut.put(c, c);
      if (sub.equals(r) || sub.equals(c)) {
        regions.computeIfAbsent(r, x -> new TreeSet<>()).add(c);
      } else {
        regions.computeIfAbsent(r, x -> new TreeSet<>()).add(sub);
        subRegions.computeIfAbsent(sub, x -> new TreeSet<>()).add(c);
      }
    }
    Map<String, List<String>> regionTree = new LinkedHashMap<>();
    regionTree.put("Total", new ArrayList<>(regions.keySet()));
    regions.forEach((r, children) -> regionTree.put(r, new ArrayList<>(children)));
    subRegions.forEach((sub, countries) -> regionTree.put(sub, new ArrayList<>(countries)));
    return Dimension.hierarchical("citizenshipRegion", "Total", regionTree);
  }

  private static Map<String, String> leafMap(Hierarchy h, int level) {
    Map<String, String> m = new TreeMap<>();
    int lv = Math.min(level, h.height());
    for (String leaf : h.leaves()) {
      m.put(leaf, h.generalise(leaf, lv).orElseThrow());
    }
    return m;
  }

  private static Set<String> present(Dataset data, String variable) {
    int c = data.column(variable);
    Set<String> out = new TreeSet<>();
    for (int row = 0; row < data.rowCount(); row++) {
      if (!data.isMissing(row, c)) {
        out.add(data.variable(c).values().code(data.code(row, c)).code());
      }
    }
    return out;
  }

  /** The tree as parent → set of children: the same nodes and margins, whatever the order of the children. */
  private static Map<String, Set<String>> tree(Dimension d) {
    Map<String, Set<String>> out = new TreeMap<>();
    d.hierarchy().forEach((k, v) -> out.put(k, new TreeSet<>(v)));
    return out;
  }

  @Test
  void issue16_dimensionOfIsTheDimensionTheCliBuiltByHand() {
    Hierarchy country = SchemaHierarchies.forVariable(DATA, "citizenship").orElseThrow();
    Map<String, String> handLeaves = new TreeMap<>();
    Dimension hand = handBuilt(DATA, country, handLeaves);
    Dimension lib = Dimension.of("citizenshipRegion", country, 0, 1, 2).restrictedTo(present(DATA, "citizenship"));
    assertEquals(hand.name(), lib.name());
    assertEquals(hand.total(), lib.total());
    assertEquals(new TreeSet<>(hand.leaves()), new TreeSet<>(lib.leaves()));
    assertEquals(tree(hand), tree(lib));
    assertTrue(hand.margins().size() > 10, "regions and sub-regions: " + hand.margins().size());

    // and the two tabulate the same counts, the library's without a code -> leaf map
    Dimension gender = Dimension.flat("gender", "Total", List.of("Female", "Male"));
    Tabulation.Result h = Tabulation.tabulate(DATA, TableDefinition.of("t", List.of(hand, gender)),
        List.of("citizenship", "gender"), Map.of("citizenshipRegion", handLeaves));
    Tabulation.Result l = Tabulation.tabulate(DATA, TableDefinition.of("t", List.of(lib, gender)),
        List.of("citizenship", "gender"));
    assertEquals(h.rowsLeftOut(), l.rowsLeftOut());
    for (String node : hand.nodes()) {
      for (String g : gender.nodes()) {
        assertEquals(h.table().value(node, g), l.table().value(node, g), node + " x " + g);
      }
    }
  }

  @Test
  void issue16_flatDimensionsOfALevelAreTheDemosFlatDimensions() {
    Hierarchy exploit = SchemaHierarchies.forVariable(DATA, "CountryOfExploitation").orElseThrow();
    Map<String, String> regionOf = leafMap(exploit, 2);
    Dimension hand = Dimension.flat("exploitationRegion", "Total", new ArrayList<>(new TreeSet<>(regionOf.values())));
    Dimension lib = Dimension.of("exploitationRegion", exploit, 2);
    assertEquals(tree(hand), tree(lib));
    assertEquals(regionOf, new TreeMap<>(Dimension.leafOf(exploit, 2)));
    Hierarchy year = SchemaHierarchies.forVariable(DATA, "yearOfRegistration").orElseThrow();
    assertEquals(new TreeSet<>(leafMap(year, 1).values()), new TreeSet<>(Dimension.of("period", year, 1).leaves()));
    assertEquals(exploit.name(), Dimension.of(exploit, 2).name());
  }

  @Test
  void issue16_dimensionOfChecksItsLevels() {
    Hierarchy h = Hierarchy.of("place", List.of(List.of("a1", "A", "*"), List.of("a2", "A", "*"), List.of("b1", "B", "*")));
    assertThrows(IllegalArgumentException.class, () -> Dimension.of(h));
    assertThrows(IllegalArgumentException.class, () -> Dimension.of(h, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> Dimension.of(h, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> Dimension.of(h, -1));
    IllegalArgumentException top = assertThrows(IllegalArgumentException.class, () -> Dimension.of(h, 0, 2));
    assertTrue(top.getMessage().contains("level 2"), top.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Dimension.leafOf(h, 3));
    Dimension d = Dimension.of(h, 0, 1);
    assertEquals(Map.of("Total", List.of("A", "B"), "A", List.of("a1", "a2"), "B", List.of("b1")), d.hierarchy());
    assertEquals(List.of("a1", "a2", "b1"), d.leaves());
    Dimension onlyA = d.restrictedTo(List.of("a2", "not-a-leaf", "A"));
    assertEquals(Map.of("Total", List.of("A"), "A", List.of("a2")), onlyA.hierarchy());
    assertThrows(TableException.class, () -> d.restrictedTo(List.of("A", "zz")));
    // a label that is its own parent's is one node: b1 is both a country and its sub-region
    Hierarchy own = Hierarchy.of("place", List.of(List.of("a1", "A", "R", "*"), List.of("b1", "b1", "R", "*")));
    assertEquals(Map.of("Total", List.of("R"), "R", List.of("A", "b1"), "A", List.of("a1")),
        Dimension.of(own, 0, 1, 2).hierarchy());
  }

  // ---- Tabulation without throwaway arguments ----

  @Test
  void issue16_theCommonTabulationNeedsNoEmptyOptionals() {
    Dimension gender = Dimension.flat("gender", "Total", List.of("Female", "Male"));
    Hierarchy exploit = SchemaHierarchies.forVariable(DATA, "CountryOfExploitation").orElseThrow();
    Dimension region = Dimension.of("exploitationRegion", exploit, 2);
    TableDefinition def = TableDefinition.of("g", List.of(gender, region));
    List<String> vars = List.of("gender", "CountryOfExploitation");
    Map<String, Map<String, String>> leaves = Map.of("exploitationRegion", Dimension.leafOf(exploit, 2));
    Tabulation.Result full = Tabulation.tabulate(DATA, def, vars, leaves, Optional.empty(), Optional.empty());
    Tabulation.Result common = Tabulation.tabulate(DATA, def, vars, leaves);
    assertArrayEquals(full.cellOfRow(), common.cellOfRow());
    assertEquals(full.rowsLeftOut(), common.rowsLeftOut());
    assertEquals(full.table().value("Total", "Total"), common.table().value("Total", "Total"));
    TableDefinition flat = TableDefinition.of("f", List.of(gender));
    assertArrayEquals(Tabulation.tabulate(DATA, flat, List.of("gender"), Map.of(), Optional.empty(), Optional.empty())
        .cellOfRow(), Tabulation.tabulate(DATA, flat, List.of("gender")).cellOfRow());
  }

  // ---- the audit in memory ----

  private static void assertSameAudit(AuditResult files, AuditResult memory) {
    assertEquals(files.cells(), memory.cells());
    assertEquals(files.reportLines(), memory.reportLines());
    assertEquals(files.passed(), memory.passed());
  }

  @ParameterizedTest
  @ValueSource(longs = {2, 13, 71})
  void issue16_inMemoryAuditEqualsTheAuditOfTheWrittenCsv(long seed) {
    TableProtection p = TableProtector.of(RULES).suppress(TablesProgressTest.table(seed));
    ProtectedTable t = p.tables().get(0);
    Path out = dir.resolve("t" + seed);
    List<Path> files = TableWriter.write(t, out, OutputOptions.defaults());
    AuditResult fromFiles = TableAudit.of().audit(PublishedTable.read(files.get(0), files.get(1)));
    AuditResult inMemory = TableAudit.of().audit(p.published());
    assertSameAudit(fromFiles, inMemory);
    assertTrue(inMemory.passed());
    assertFalse(inMemory.cells().isEmpty(), "cells were suppressed");
    // a width no primary reaches: the files and the tables in memory fail alike
    List<Path> wide = TableWriter.write(t, out.resolve("wide"), new OutputOptions("..", 100_000, Map.of()));
    AuditResult tooNarrow = TableAudit.of().audit(t.published(100_000));
    assertSameAudit(TableAudit.of().audit(PublishedTable.read(wide.get(0), wide.get(1))), tooNarrow);
    assertFalse(tooNarrow.passed(), "every primary is narrower than the width the definition requires");
  }

  @ParameterizedTest
  @ValueSource(longs = {5, 29})
  void issue16_inMemoryAuditOfLinkedMagnitudeTablesCarriesTheirLevels(long seed) {
    // a magnitude table under the p%-rule: its primaries have protection levels, written to a levels file
    SplittableRandom r = new SplittableRandom(seed);
    List<String> leaves = List.of("c0", "c1", "c2", "c3", "c4", "c5");
    TableDefinition def = TableDefinition.of("m", List.of(Dimension.flat("cell", "Total", leaves)));
    Table.Builder b = Table.builder(def, Table.Kind.MAGNITUDE);
    for (String leaf : leaves) {
      int n = 1 + r.nextInt(4);
      for (int i = 0; i < n; i++) {
        b.add(i == 0 ? 500 + r.nextInt(1000) : 1 + r.nextInt(60), leaf);
      }
    }
    SuppressionRules rules = RULES.withThreshold(0, SuppressionRules.ThresholdBound.LESS_THAN).withMagnitudeRules(0, 0, 10, 3);
    TableProtection p = TableProtector.of(rules).suppress(b.build());
    assertFalse(p.levels().get(0).isEmpty(), "the p%-rule gives protection levels");
    Path out = dir.resolve("pub");
    Path levels = dir.resolve("confidential");
    List<Path> files = TableWriter.write(p.tables().get(0), p.levels().get(0), out, levels, OutputOptions.defaults());
    PublishedTable read = PublishedTable.read(files.get(0), files.get(1), levels);
    PublishedTable memory = p.published().get(0);
    assertEquals(read.levels(), memory.levels());
    assertSameAudit(TableAudit.of().audit(read), TableAudit.of().audit(memory));
  }

  @Test
  void issue16_publishedChecksItsWidth() {
    ProtectedTable t = TableProtector.of(RULES).suppress(TablesProgressTest.table(2)).tables().get(0);
    assertThrows(IllegalArgumentException.class, () -> t.published(0));
  }

  @Test
  void issue16_summaryIsTheVerdictLine() {
    TableProtection p = TableProtector.of(RULES).suppress(TablesProgressTest.table(13));
    AuditResult a = TableAudit.of().audit(p.published());
    assertEquals(a.reportLines().get(0), a.summary());
    assertTrue(a.summary().startsWith("audit of rs: ") && a.summary().endsWith("PASSED"), a.summary());
    assertFalse(a.summary().contains("\n"));
  }

  // ---- one name per public record ----

  @Test
  void issue16_theAuditsDefinitionHasItsOwnName() throws ClassNotFoundException {
    assertThrows(ClassNotFoundException.class, () -> Class.forName("org.ctdc.deid.audit.TableDefinition"));
    assertTrue(Class.forName("org.ctdc.deid.audit.PublishedTableDefinition").isRecord());
  }
}
