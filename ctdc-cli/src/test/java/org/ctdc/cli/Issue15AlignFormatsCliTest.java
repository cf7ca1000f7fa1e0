package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 at the command line: {@code align} with a spec declaring partner formats and
 * {@code onUnmapped: missing} prints, per target and reason, how many values it left missing (never the
 * values), and writes the counts in the JSON report.
 */
class Issue15AlignFormatsCliTest {

  @TempDir Path dir;

  private static final String SPEC = """
      alignmentFormat: 1
      name: issue15-cli
      target: {schema: ctdc-victim-perpetrator, version: "2022"}
      formats:
        dates: ["d/M/yyyy", "M/d/yyyy", "MMMM d, yyyy"]
        ageUnits: [yrs]
      rules:
        - {target: yearRegister, column: Registered, normalize: [periodBand], onUnmapped: missing}
        - {target: gender, column: Gender}
        - target: majorityStatus
          age: {exact: Age, exactMayBeBirthDate: true, referenceDate: Registered}
          onUnmapped: missing
        - {target: isForcedLabour, notCollected: true}
        - {target: isSexualExploit, notCollected: true}
        - {target: UN_COO_Region, notCollected: true}
        - {target: UN_COE_Region, notCollected: true}
        - {target: IP_Exploiter, notCollected: true}
        - {target: IP_Gender, notCollected: true}
        - {target: IP_ageBroad, notCollected: true}
        - {target: IP_citizen_UNRegion, notCollected: true}
        - {target: IP_Relation, notCollected: true}
        - {target: IP_PayMoney, notCollected: true}
        - {target: IP_RecruiterBroker, notCollected: true}
        - {target: IP_TransactionProcess, notCollected: true}
        - {target: IP_ControlAbuseKidnap, notCollected: true}
      """;

  @Test
  void issue15_alignPrintsTheValuesLeftMissingByReasonWithoutTheValues() throws IOException {
    Path spec = Files.writeString(dir.resolve("spec.yaml"), SPEC);
    Path in = Files.writeString(dir.resolve("in.csv"), String.join("\n",
        "Registered,Gender,Age",
        "\"March 14, 2019\",Female,17 yrs",
        "14/03/2019,Male,Zanzibar-Secret",
        "2019-05-01,Female,03/04/2001",
        "no idea,Female,14/03/2001",
        "2019-03-14,Male,40") + "\n");
    Path out = dir.resolve("aligned.csv");
    Path report = dir.resolve("report.json");
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Main.run(new String[] {"align", "--spec", spec.toString(), "--in", in.toString(),
        "--out", out.toString(), "--report", report.toString()}, new PrintWriter(o, true), new PrintWriter(e, true));
    assertEquals(0, code, e.toString());
    String printed = o.toString();
    assertTrue(printed.contains("5 rows read, 5 aligned, 0 rejected"), printed);
    assertTrue(printed.contains("left missing 1 value(s): not-a-number (target yearRegister)"), printed);
    assertTrue(printed.contains("left missing 2 value(s): not-a-number (target majorityStatus)"), printed);
    assertTrue(printed.contains("left missing 1 value(s): ambiguous-date (target majorityStatus)"), printed);
    assertFalse(printed.contains("Zanzibar") || printed.contains("no idea") || printed.contains("03/04/2001"), printed);
    String json = Files.readString(report);
    assertTrue(json.contains("\"turnedMissing\" : {\n      \"not-a-number\" : 3,\n      \"ambiguous-date\" : 1\n    }"), json);
    assertFalse(json.contains("Zanzibar"), json);
    String aligned = Files.readString(out);
    assertEquals(6, aligned.split("\n").length, aligned);
  }
}
