package org.ctdc.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Unique canary strings planted in the rows of a generated case-management extract, for the canary tests of
 * the aligner's sources (a workbook, a database): each identifier and free-text cell holds canaries (one with
 * a comma and quotes, one across a line break), and one row each holds a canary as a bad value in a closed,
 * a date and a number column. Not thread-safe: one per test.
 */
public final class CanaryRows {

  /** The prefix of every canary; a text holding it has leaked one. */
  public static final String MARK = "CANARY";

  private int next;

  /** A generator of canaries numbered from 0. */
  public CanaryRows() {}

  /**
   * @param tag what the canary stands for (a column, a literal)
   * @return a canary not given before by this generator
   */
  public String next(String tag) {
    return MARK + "-" + tag + "-" + (next++);
  }

  /**
   * The rows with canaries in the case-management extract's identifier and free-text columns ({@code CaseNo},
   * {@code FirstName}, {@code LastName}, {@code Address}), and as bad values in rows 2 to 7 of
   * {@code Citizenship}, {@code DateOfBirth}, {@code prs_Gender}, {@code vic_TypeOfExploitation},
   * {@code RegistrationDate} and {@code Age}.
   *
   * @param rows the extract's rows, at least 7
   * @return copies of the rows, canaries planted
   */
  public List<Map<String, String>> caseManagement(Iterable<Map<String, String>> rows) {
    List<Map<String, String>> out = new ArrayList<>();
    for (Map<String, String> r : rows) {
      Map<String, String> m = new LinkedHashMap<>(r);
      m.put("CaseNo", next("id"));
      m.put("FirstName", next("first") + ", '" + next("quoted") + "'");
      m.put("LastName", next("last") + "\n" + next("line"));
      m.put("Address", next("address"));
      out.add(m);
    }
    if (out.size() < 7) {
      throw new IllegalArgumentException("at least 7 rows, were " + out.size());
    }
    out.get(1).put("Citizenship", next("country"));
    out.get(2).put("DateOfBirth", next("birth"));
    out.get(3).put("prs_Gender", next("gender"));
    out.get(4).put("vic_TypeOfExploitation", "ForcedLabour;" + next("type"));
    out.get(5).put("RegistrationDate", next("date"));
    out.get(6).put("Age", next("age"));
    return out;
  }

  /**
   * @param observed texts that a user or a log would see
   * @return those that hold a canary
   */
  public static List<String> leaks(List<String> observed) {
    return observed.stream().filter(s -> s.contains(MARK)).toList();
  }
}
