package org.ctdc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ctdc.samples.PartnerSamples;
import org.ctdc.samples.PartnerSamples.Profile;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.schema.MissingReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PartnerSamplesTest {

  private static String csv(Profile p, int rows, long seed) {
    StringWriter w = new StringWriter();
    PartnerSamples.writeCsv(p, rows, seed, w);
    return w.toString();
  }

  private static AlignmentResult alignCsv(Profile p, String csv) {
    AlignmentResult r = Aligner.of(Specs.load(p.specName())).alignCsv(new StringReader(csv), p + ".csv");
    AlignmentReport rep = r.report();
    assertEquals(rep.rowsRead(), rep.rowsAligned() + rep.rowsRejected(), "rows read = aligned + rejected");
    assertEquals(rep.rowsAligned(), r.dataset().rowCount());
    return r;
  }

  private static String written(Dataset d) {
    StringWriter w = new StringWriter();
    DatasetCsv.write(d, w);
    return w.toString();
  }

  @ParameterizedTest
  @EnumSource(Profile.class)
  void sameSeedGivesTheSameBytesAndAnotherSeedOtherRows(Profile p) {
    assertEquals(csv(p, 300, 7), csv(p, 300, 7));
    assertNotEquals(csv(p, 300, 7), csv(p, 300, 8));
    assertEquals(301, csv(p, 300, 7).lines().count());
    assertEquals(PartnerSamples.header(p), List.of(csv(p, 0, 1).strip().split(",")));
  }

  @ParameterizedTest
  @EnumSource(Profile.class)
  void bothSamplesAlignWithZeroRejectsFromCsvAndFromMaps(Profile p) {
    AlignmentResult fromCsv = alignCsv(p, csv(p, 3000, 42));
    assertEquals(3000, fromCsv.report().rowsRead());
    assertEquals(0, fromCsv.report().rowsRejected(), () -> fromCsv.report().toJson());
    AlignmentResult fromMaps =
        Aligner.of(Specs.load(p.specName())).align(PartnerSamples.rows(p, 3000, 42), "maps");
    assertEquals(0, fromMaps.report().rowsRejected());
    assertEquals(fromCsv.dataset(), fromMaps.dataset());
    // every aligned dataset is valid under its schema's release format
    assertTrue(
        DatasetCsv.validate(new StringReader(written(fromCsv.dataset())), "out.csv", fromCsv.dataset().schema(),
            DatasetCsv.CsvOptions.defaults()).isValid());
  }

  @Test
  void hotlineRowsNeverHoldZeroForForcedMarriageOrganRemovalOrForcedMilitary() {
    Dataset d = alignCsv(Profile.HOTLINE, csv(Profile.HOTLINE, 2000, 3)).dataset();
    for (String v : List.of("isForcedMarriage", "isOrganRemoval", "isForcedMilitary", "isOtherExploit")) {
      int c = d.column(v);
      for (int r = 0; r < d.rowCount(); r++) {
        assertEquals(Optional.of(MissingReason.NOT_COLLECTED), d.missingReason(r, c), v + " row " + r);
      }
    }
    // while the collected flags hold real zeros and ones
    int labour = d.column("isForcedLabour");
    long zeros = 0;
    long ones = 0;
    for (int r = 0; r < d.rowCount(); r++) {
      zeros += d.code(r, labour) == 0 ? 1 : 0;
      ones += d.code(r, labour) == 1 ? 1 : 0;
    }
    assertTrue(zeros > 0 && ones > 0);
  }

  @Test
  void mappingDecisionsForLabourTypesAndAges() {
    List<Map<String, String>> rows = new ArrayList<>();
    for (Map<String, String> r : PartnerSamples.rows(Profile.CASE_MANAGEMENT, 1, 1)) {
      for (String[] c : new String[][] {
          {"A02_ForestryAndLogging", "typeOfLabourOther"}, {"A01_CropAndAnimalProduction", "typeOfLabourAgriculture"},
          {"X_Begging", "typeOfLabourBegging"}, {"G47_StreetVending", "typeOfLabourPeddling"}}) {
        Map<String, String> m = new LinkedHashMap<>(r);
        m.put("vic_TypeOfExploitation", "ForcedLabour");
        m.put("vic_ForcedLabourIndustry", c[0]);
        m.put("Age", "17");
        rows.add(m);
      }
    }
    Dataset d = Aligner.of(Specs.load(Profile.CASE_MANAGEMENT.specName())).align(rows, "t").dataset();
    assertEquals(1, d.code(0, d.column("typeOfLabourOther")));
    assertEquals(0, d.code(0, d.column("typeOfLabourAgriculture")));
    assertEquals(1, d.code(1, d.column("typeOfLabourAgriculture")));
    assertEquals(1, d.code(2, d.column("typeOfLabourBegging")));
    assertEquals(0, d.code(2, d.column("typeOfLabourPeddling")));
    assertEquals(1, d.code(3, d.column("typeOfLabourPeddling")));
    assertEquals(0, d.code(3, d.column("typeOfLabourBegging")));
    assertEquals("Other", d.token(0, d.column("typeOfLabourConcatenated")));
    assertEquals("9--17", d.token(0, d.column("ageBroad")));
    assertEquals("Minor", d.token(0, d.column("majorityStatus")));
  }

  @Test
  void injectedFaultsGiveExactlyTheExpectedRejectsWithRowNumbers() {
    AlignmentReport rep = alignCsv(Profile.CASE_MANAGEMENT, FaultyExtract.caseManagementCsv()).report();
    assertEquals(200, rep.rowsRead());
    assertEquals(195, rep.rowsAligned());
    assertEquals(5, rep.rowsRejected());
    List<String> got =
        rep.rejects().stream()
            .map(g -> g.reason().id() + " " + g.column() + " " + g.target() + " " + g.rows())
            .toList();
    assertEquals(
        List.of(
            "missing-fields * * [99]",
            "extra-fields * * [150]",
            "unmapped-value Citizenship citizenship [17]",
            "impossible-age Age ageBroad [42]",
            "impossible-age DateOfBirth ageBroad [43]"),
        got);
  }

  @Test
  void freeTextNamesAndAddressesNeverReachTheOutputOrTheReport() {
    List<Map<String, String>> rows = new ArrayList<>();
    int i = 0;
    for (Map<String, String> r : PartnerSamples.rows(Profile.CASE_MANAGEMENT, 400, 5)) {
      Map<String, String> m = new LinkedHashMap<>(r);
      m.put("FirstName", "CanaryFirst" + (i % 3));
      m.put("LastName", "CanaryLast");
      m.put("Address", "7 Canary Wharf, CanaryTown");
      m.put("CaseNo", "CANARY-ID-" + i);
      if (i % 50 == 7) {
        m.put("Citizenship", "Canary Islands Republic"); // an unmapped value in a closed column
      }
      rows.add(m);
      i++;
    }
    StringBuilder in = new StringBuilder(PartnerSamples.csvLine(PartnerSamples.header(Profile.CASE_MANAGEMENT)));
    rows.forEach(m -> in.append(PartnerSamples.csvLine(new ArrayList<>(m.values()))));
    AlignmentResult r = alignCsv(Profile.CASE_MANAGEMENT, in.toString());
    String out = written(r.dataset());
    String json = r.report().toJson();
    for (String s : List.of("CanaryFirst", "CanaryLast", "Canary Wharf", "CanaryTown", "CANARY-ID")) {
      assertFalse(out.contains(s), s);
      assertFalse(json.contains(s), s);
      assertFalse(r.report().toString().contains(s), s);
    }
    assertTrue(r.report().droppedColumns().containsAll(List.of("CaseNo", "FirstName", "LastName", "Address")));
    assertEquals(8, r.report().rowsRejected());
  }
}
