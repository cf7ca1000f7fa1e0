package org.ctdc.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ctdc.samples.PartnerSamples;
import org.ctdc.samples.PartnerSamples.Profile;

/**
 * A case-management extract of 200 rows (seed 11) with five injected faults, as CSV text: row 17 an unknown
 * citizenship, row 42 an age of 212, row 43 a negative age and a birth date in the future, row 99 three
 * fields short, row 150 a methods-of-control and an address field with unquoted commas (extra fields).
 * Shared by the tests that pin the rejects and the output digests.
 */
public final class FaultyExtract {
  private FaultyExtract() {}

  /** @return the extract's text, header included */
  public static String caseManagementCsv() {
    List<String> header = PartnerSamples.header(Profile.CASE_MANAGEMENT);
    StringBuilder sb = new StringBuilder(PartnerSamples.csvLine(header));
    int row = 0;
    for (Map<String, String> r : PartnerSamples.rows(Profile.CASE_MANAGEMENT, 200, 11)) {
      row++;
      Map<String, String> m = new LinkedHashMap<>(r);
      switch (row) {
        case 17 -> m.put("Citizenship", "Atlantis");
        case 42 -> m.put("Age", "212");
        case 43 -> {
          m.put("Age", "-99");
          m.put("DateOfBirth", "2030-01-01");
        }
        default -> { }
      }
      List<String> fields = new ArrayList<>(m.values());
      if (row == 99) {
        // ragged: three fields short
        sb.append(String.join(",", fields.subList(0, fields.size() - 3))).append('\n');
        continue;
      }
      if (row == 150) {
        // a concatenated field with unquoted commas: the address and the methods of control
        fields.set(header.indexOf("vic_MethodsOfControl"), "DebtBondage,FalsePromises,PhysicalAbuse");
        fields.set(header.indexOf("Address"), "3 Old Mill Lane, Dunmere");
        sb.append(String.join(",", fields)).append('\n');
        continue;
      }
      sb.append(PartnerSamples.csvLine(fields));
    }
    return sb.toString();
  }
}
