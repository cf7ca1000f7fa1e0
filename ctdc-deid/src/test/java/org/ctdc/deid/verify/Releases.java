package org.ctdc.deid.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.MissingReason;
import org.ctdc.schema.Schema;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;

/** Builds small hand-made releases from string tokens: "" is missing (unknown), "~" is suppressed. */
final class Releases {
  private Releases() {}

  static Dataset of(List<String> names, String[]... rows) {
    Schema.Builder sb = Schema.builder("test-release", "1");
    for (int j = 0; j < names.size(); j++) {
      TreeSet<String> values = new TreeSet<>();
      for (String[] r : rows) {
        if (!r[j].isEmpty() && !r[j].equals("~")) {
          values.add(r[j]);
        }
      }
      if (values.isEmpty()) {
        values.add("placeholder");
      }
      sb.add(Variable.builder(names.get(j), VariableKind.CATEGORICAL)
          .values(ValueSet.ofCodes(values.toArray(String[]::new))).build());
    }
    Schema schema = sb.build();
    Dataset.Appender a = Dataset.appender(schema);
    for (String[] r : rows) {
      for (int j = 0; j < names.size(); j++) {
        if (r[j].equals("~")) {
          a.setMissing(j, MissingReason.SUPPRESSED);
        } else if (r[j].isEmpty()) {
          a.setMissing(j, MissingReason.UNKNOWN);
        } else {
          a.setCode(j, schema.variables().get(j).values().indexOf(r[j]));
        }
      }
      a.endRow();
    }
    return a.build();
  }

  static List<List<String>> rows(String... lines) {
    List<List<String>> out = new ArrayList<>();
    for (String l : lines) {
      out.add(List.of(l.split(";", -1)));
    }
    return out;
  }
}
