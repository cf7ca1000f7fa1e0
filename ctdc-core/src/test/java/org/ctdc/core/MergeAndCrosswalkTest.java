package org.ctdc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ctdc.samples.PartnerSamples;
import org.ctdc.samples.PartnerSamples.Profile;
import org.ctdc.schema.CtdcException;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.schema.MissingReason;
import org.ctdc.schema.Schema;
import org.ctdc.schema.Schemas;
import org.ctdc.schema.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MergeAndCrosswalkTest {

  private static AlignmentResult sample(Profile p, int rows) {
    return Aligner.of(Specs.load(p.specName())).align(PartnerSamples.rows(p, rows, 9), p.name());
  }

  @Test
  void mergingKeepsEveryRowAndItsProvenance() {
    AlignmentResult h = sample(Profile.HOTLINE, 120);
    AlignmentResult c = sample(Profile.CASE_MANAGEMENT, 80);
    MergedDataset m = MergedDataset.of(List.of(PartnerDataset.of(h), PartnerDataset.of(c)));
    Dataset d = m.dataset();
    assertEquals(200, d.rowCount());
    assertEquals(List.of("sample-hotline", "sample-case-management"), m.partners());
    assertEquals("sample-hotline", m.partnerOf(119));
    assertEquals("sample-case-management", m.partnerOf(120));
    assertEquals(80, m.rowsOf("sample-case-management"));
    int ds = d.column("Datasource");
    assertEquals("Hotline", d.token(0, ds));
    assertEquals("Case Management", d.token(199, ds));
    for (int col = 0; col < d.columnCount(); col++) {
      assertEquals(h.dataset().token(5, col), d.token(5, col));
      assertEquals(h.dataset().missingReason(5, col), d.missingReason(5, col));
      assertEquals(c.dataset().token(7, col), d.token(127, col));
    }
  }

  @Test
  void mergingDatasetsOfDifferentSchemaVersionsIsRefused() {
    Dataset a = sample(Profile.HOTLINE, 3).dataset();
    Dataset b = Dataset.appender(Schemas.load("ctdc-global-kanon", "2018")).build();
    CtdcException e =
        assertThrows(CtdcException.class,
            () -> MergedDataset.of(List.of(new PartnerDataset("a", a), new PartnerDataset("b", b))));
    assertTrue(e.getMessage().contains("ctdc-global-kanon@2018") || e.getMessage().contains("2018"), e.getMessage());
    assertThrows(CtdcException.class,
        () -> MergedDataset.of(List.of(new PartnerDataset("a", a), new PartnerDataset("a", a))));
  }

  /** A kanon row as a release writes it: every variable -99 unless given. */
  private static Map<String, String> kanon(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (var v : Schemas.load("ctdc-global-kanon", "2020").variables()) {
      m.put(v.name(), "-99");
    }
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void handMadeKanonRowsThroughTheVictimPerpetratorCrosswalkValidate() {
    List<Map<String, String>> rows =
        List.of(
            kanon("yearOfRegistration", "2007", "gender", "Female", "majorityStatus", "Adult", "isForcedLabour", "1",
                "isSexualExploit", "0", "citizenship", "UA", "CountryOfExploitation", "RU"),
            kanon("yearOfRegistration", "2016", "gender", "Male", "majorityStatus", "Minor", "isForcedLabour", "0",
                "isSexualExploit", "1", "citizenship", "MX", "CountryOfExploitation", "US"),
            kanon("yearOfRegistration", "2019", "gender", "Transgender/NonConforming", "citizenship", "FJ",
                "CountryOfExploitation", "AU"),
            kanon("yearOfRegistration", "2022", "citizenship", "NG", "CountryOfExploitation", "TH"),
            kanon("yearOfRegistration", "2020", "citizenship", "Y1"));
    AlignmentResult r = Aligner.of(Specs.load(Specs.KANON_TO_VICTIM_PERPETRATOR)).align(rows, "kanon");
    assertEquals(0, r.report().rowsRejected(), () -> r.report().toJson());
    Dataset d = r.dataset();
    assertEquals("2005-2013", d.token(0, d.column("yearRegister")));
    assertEquals("2014-2018", d.token(1, d.column("yearRegister")));
    assertEquals("2021-2022", d.token(3, d.column("yearRegister")));
    assertEquals("Europe", d.token(0, d.column("UN_COO_Region")));
    assertEquals("Americas/Oceania", d.token(1, d.column("UN_COO_Region")));
    assertEquals("Americas/Oceania", d.token(2, d.column("UN_COO_Region")));
    assertEquals("Americas/Oceania", d.token(2, d.column("UN_COE_Region")));
    assertEquals("Africa", d.token(3, d.column("UN_COO_Region")));
    assertEquals("Asia", d.token(3, d.column("UN_COE_Region")));
    assertEquals("Europe", d.token(4, d.column("UN_COO_Region")));
    assertTrue(d.isMissing(2, d.column("gender")));
    assertEquals(Optional.of(MissingReason.NOT_COLLECTED), d.missingReason(0, d.column("IP_Gender")));
    StringWriter w = new StringWriter();
    DatasetCsv.write(d, w);
    ValidationReport v =
        DatasetCsv.validate(new StringReader(w.toString()), "vp.csv", Schemas.load("ctdc-victim-perpetrator", "2022"),
            DatasetCsv.CsvOptions.defaults());
    assertTrue(v.isValid(), () -> String.join("\n", v.lines()));
    assertEquals(5, v.rowsRead());
  }

  /**
   * The OR-merge of meansAbusePsyPhySex from PsychologicalAbuse, PhysicalAbuse, SexualAbuse, with
   * three-valued logic; "NC" is a not-collected cell, "-99" unknown; expected "" is missing.
   */
  @ParameterizedTest
  @CsvSource({
    "1,0,0,1", "0,1,0,1", "0,0,1,1", "1,1,1,1", "0,0,0,0",
    "-99,-99,-99,UNKNOWN", "NC,NC,NC,NOT_COLLECTED", "-99,1,-99,1", "0,-99,0,UNKNOWN", "NC,0,0,UNKNOWN",
    "NC,1,NC,1"
  })
  void theSyntheticCrosswalkReproducesTheOrMerge(String psy, String phy, String sex, String expected) {
    Schema kanonSchema = Schemas.load("ctdc-global-kanon", "2020");
    Dataset.Appender a = Dataset.appender(kanonSchema);
    String[][] cells = {{"meansOfControlPsychologicalAbuse", psy}, {"meansOfControlPhysicalAbuse", phy},
        {"meansOfControlSexualAbuse", sex}};
    a.setInt(kanonSchema.indexOf("yearOfRegistration"), 2018);
    a.setCode(kanonSchema.indexOf("gender"), 1);
    a.setCode(kanonSchema.indexOf("citizenship"), kanonSchema.variables().get(kanonSchema.indexOf("citizenship")).values().indexOf("MD"));
    for (String[] c : cells) {
      int col = kanonSchema.indexOf(c[0]);
      switch (c[1]) {
        case "NC" -> a.setMissing(col, MissingReason.NOT_COLLECTED);
        case "-99" -> a.setMissing(col, MissingReason.UNKNOWN);
        default -> a.setCode(col, Integer.parseInt(c[1]));
      }
    }
    a.endRow();
    AlignmentResult r = Aligner.of(Specs.load(Specs.KANON_TO_SYNTHETIC)).align(a.build());
    assertEquals(0, r.report().rowsRejected(), () -> r.report().toJson());
    Dataset d = r.dataset();
    int col = d.column("meansAbusePsyPhySex");
    switch (expected) {
      case "UNKNOWN", "NOT_COLLECTED" ->
          assertEquals(Optional.of(MissingReason.valueOf(expected)), d.missingReason(0, col));
      default -> assertEquals(Integer.parseInt(expected), d.code(0, col));
    }
    assertEquals("Woman", d.token(0, d.column("gender")));
    assertEquals("MDA", d.token(0, d.column("citizenship")));
  }

  @Test
  void theSyntheticCrosswalkOfAlignedSamplesValidatesAndListsDroppedVariables() {
    for (Profile p : Profile.values()) {
      AlignmentResult kanon = sample(p, 500);
      AlignmentResult syn = Aligner.of(Specs.load(Specs.KANON_TO_SYNTHETIC)).align(kanon.dataset());
      AlignmentReport rep = syn.report();
      assertEquals(rep.rowsRead(), rep.rowsAligned() + rep.rowsRejected());
      // years after 2022 are outside v2024's bounds; every other row converts
      long late = 0;
      Dataset k = kanon.dataset();
      for (int r = 0; r < k.rowCount(); r++) {
        late += k.intValue(r, k.column("yearOfRegistration")) > 2022 ? 1 : 0;
      }
      assertEquals(late, rep.rowsRejected(), rep::toJson);
      assertTrue(rep.droppedColumns().containsAll(
          List.of("Datasource", "meansOfControlConcatenated", "isSexAndLabour", "typeOfLabourBegging")));
      StringWriter w = new StringWriter();
      DatasetCsv.write(syn.dataset(), w);
      assertTrue(DatasetCsv.validate(new StringReader(w.toString()), "syn.csv", syn.dataset().schema(),
          DatasetCsv.CsvOptions.defaults()).isValid());
      if (p == Profile.HOTLINE) {
        int other = syn.dataset().column("isOtherExploit");
        for (int r = 0; r < syn.dataset().rowCount(); r++) {
          assertEquals(Optional.of(MissingReason.NOT_COLLECTED), syn.dataset().missingReason(r, other));
        }
      }
    }
  }
}
