package org.ctdc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.ctdc.deid.HierarchyFile;
import org.ctdc.deid.verify.VerificationResult;
import org.ctdc.deid.verify.VerificationSpec;
import org.ctdc.deid.verify.Verifier;
import org.ctdc.deid.verify.Violation;
import org.ctdc.schema.CtdcException;
import org.ctdc.schema.DataFormatException;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.schema.MissingReason;
import org.ctdc.schema.Schema;
import org.ctdc.schema.Schemas;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ctdc verify}: check a released CSV file against a privacy model and hierarchies. Not thread-safe. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Check a released CSV file against k-anonymity, l-diversity, t-closeness, declared hierarchies and a",
      "suppression limit, with the independent verifier (docs/verify.md describes VERIFY.yaml).",
      "Violations name rules, variables and generalised class values, never sensitive values.",
      "Exit code 0 when the release passes, 1 when it does not."
    })
final class VerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DebugOption debug;

  @Option(names = "--spec", required = true, paramLabel = "VERIFY.yaml", description = "What the release must satisfy.")
  Path specFile;

  @Option(names = "--in", required = true, paramLabel = "RELEASE.csv", description = "The released file.")
  Path in;

  @Option(names = {"--quiet", "-q"}, description = "Print only the summary line.")
  boolean quiet;

  @Override
  public Integer call() {
    JsonNode root = readYaml(specFile);
    Path base = specFile.toAbsolutePath().getParent();
    List<String> qis = new ArrayList<>();
    VerificationSpec.Builder b = VerificationSpec.builder();
    JsonNode qiNodes = required(root, "quasiIdentifiers", "");
    if (!qiNodes.isArray()) {
      throw fail("quasiIdentifiers", "must be a list");
    }
    Map<String, Path> hierarchies = new LinkedHashMap<>();
    for (int i = 0; i < qiNodes.size(); i++) {
      JsonNode q = qiNodes.get(i);
      String where = "quasiIdentifiers[" + i + "]";
      String name = q.isTextual() ? q.asText() : required(q, "name", where).asText();
      qis.add(name);
      if (q.has("hierarchy")) {
        hierarchies.put(name, base.resolve(q.get("hierarchy").asText()));
      }
    }
    b.quasiIdentifiers(qis);
    hierarchies.forEach((name, file) -> b.hierarchy(name, readHierarchy(file)));
    if (root.has("k")) {
      b.k(intField(root, "k", ""));
    }
    b.missingAsWildcard(root.path("missingAsWildcard").asBoolean(false));
    if (root.has("suppression")) {
      JsonNode s = root.get("suppression");
      b.suppressionLimit(doubleField(s, "limit", "suppression"), intField(s, "originalRows", "suppression"));
    }
    JsonNode models = root.path("models");
    for (int i = 0; i < models.size(); i++) {
      addModel(b, models.get(i), "models[" + i + "]", base);
    }
    VerificationSpec verification;
    try {
      verification = b.build();
    } catch (IllegalArgumentException e) {
      throw new CtdcException(specFile + ": " + e.getMessage());
    }
    Dataset release = readRelease(root, base, qis);
    VerificationResult result = Verifier.verify(release, verification);
    PrintWriter out = spec.commandLine().getOut();
    if (!quiet) {
      for (Violation v : result.violations()) {
        out.println(in.getFileName() + ": " + v.rule().id() + ": " + v.detail()
            + (v.classValues().isEmpty() ? "" : " " + qis + "=" + v.classValues()));
      }
    }
    out.println(result.summary());
    return result.passed() ? Main.OK : Main.INVALID;
  }

  private void addModel(VerificationSpec.Builder b, JsonNode m, String where, Path base) {
    String type = required(m, "type", where).asText();
    String s = required(m, "sensitive", where).asText();
    try {
      switch (type) {
        case "distinctL" -> b.distinctL(s, intField(m, "l", where));
        case "entropyL" -> b.entropyL(s, doubleField(m, "l", where));
        case "recursiveCL" -> b.recursiveCL(s, doubleField(m, "c", where), intField(m, "l", where));
        case "tClosenessEqual" -> b.tClosenessEqual(s, doubleField(m, "t", where));
        case "tClosenessHierarchical" -> b.tClosenessHierarchical(s, doubleField(m, "t", where),
            readHierarchy(base.resolve(required(m, "hierarchy", where).asText())));
        default -> throw fail(where + ".type", "unknown model '" + type
            + "' (distinctL, entropyL, recursiveCL, tClosenessEqual, tClosenessHierarchical)");
      }
      if (m.has("reference")) {
        Map<String, Long> ref = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = m.get("reference").fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          ref.put(e.getKey(), e.getValue().asLong());
        }
        b.tClosenessReference(s, ref);
      }
    } catch (IllegalArgumentException e) {
      throw fail(where, e.getMessage());
    }
  }

  private CtdcException fail(String path, String rule) {
    return new CtdcException(specFile + ": " + (path.isEmpty() ? "" : path + ": ") + rule);
  }

  private JsonNode required(JsonNode node, String field, String where) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw fail(where.isEmpty() ? field : where + "." + field, "is required");
    }
    return v;
  }

  private int intField(JsonNode node, String field, String where) {
    JsonNode v = required(node, field, where);
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      throw fail(where.isEmpty() ? field : where + "." + field, "must be an integer");
    }
    return v.asInt();
  }

  private double doubleField(JsonNode node, String field, String where) {
    JsonNode v = required(node, field, where);
    if (!v.isNumber()) {
      throw fail(where.isEmpty() ? field : where + "." + field, "must be a number");
    }
    return v.asDouble();
  }

  private JsonNode readYaml(Path file) {
    try {
      JsonNode n = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
      if (n == null || !n.isObject()) {
        throw new CtdcException(file + ": the verification spec must be a YAML mapping");
      }
      return n;
    } catch (IOException e) {
      throw new CtdcException(file + ": cannot read the verification spec (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /**
   * Reads a hierarchy file in ARX's layout (one row per leaf, levels separated by ';') into rows, the way
   * {@code deid} reads it: the pure file layout ({@link HierarchyFile}), with its limits and its errors by
   * file, row and level, never a label. The verifier checks the rows itself ({@code HierarchyTable}).
   */
  static List<List<String>> readHierarchy(Path file) {
    return HierarchyFile.read(file, ';');
  }

  private Dataset readRelease(JsonNode root, Path base, List<String> qis) {
    if (root.has("schema")) {
      String s = root.get("schema").asText();
      Path p = base.resolve(s);
      Schema schema = Files.isRegularFile(p) ? Schemas.resolve(p.toString()) : Schemas.resolve(s);
      DatasetCsv.ReadResult read = DatasetCsv.read(in, schema, DatasetCsv.CsvOptions.defaults());
      if (!read.report().isValid()) {
        throw new DataFormatException(in + ": the release does not follow schema " + schema.id() + ": "
            + read.report().summary() + " (run ctdc validate for the details)");
      }
      return read.dataset();
    }
    Set<String> missing = new TreeSet<>();
    JsonNode m = root.path("missing");
    if (m.isMissingNode()) {
      missing.add("");
    } else {
      m.forEach(t -> missing.add(t.asText()));
    }
    String suppressed = root.path("suppressedRecordToken").isTextual() ? root.get("suppressedRecordToken").asText() : null;
    return readInferred(missing, suppressed, qis);
  }

  /** Reads the release with every column categorical, its value set the distinct tokens of the file. */
  private Dataset readInferred(Set<String> missing, String suppressedToken, List<String> qis) {
    List<String[]> rows = new ArrayList<>();
    String[] header;
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    char delimiter = ',';
    try (Reader r = Files.newBufferedReader(in, StandardCharsets.UTF_8)) {
      Iterator<String[]> it = mapper.readerFor(String[].class)
          .with(CsvSchema.emptySchema().withColumnSeparator(delimiter)).readValues(r);
      if (!it.hasNext()) {
        throw new DataFormatException(in + ": the release is empty (no header)");
      }
      header = it.next();
      int line = 1;
      while (it.hasNext()) {
        String[] row = it.next();
        line++;
        if (row.length == 1 && row[0].isEmpty()) {
          continue;
        }
        if (row.length != header.length) {
          throw new DataFormatException(in + ": row " + (line - 1) + " has " + row.length + " columns, the header "
              + header.length + " (rule: equal column counts)");
        }
        rows.add(row);
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof CtdcException c) {
        throw c;
      }
      throw new DataFormatException(in + ": cannot read the release (" + e.getClass().getSimpleName() + ")", e);
    }
    Schema.Builder sb = Schema.builder("release", "inferred");
    List<List<String>> valuesOf = new ArrayList<>();
    for (int c = 0; c < header.length; c++) {
      TreeSet<String> values = new TreeSet<>();
      for (String[] row : rows) {
        if (!missing.contains(row[c]) && !row[c].isBlank()) {
          values.add(row[c]);
        }
      }
      if (values.isEmpty()) {
        values.add("(none)");
      }
      valuesOf.add(new ArrayList<>(values));
      sb.add(Variable.builder(header[c], VariableKind.CATEGORICAL)
          .values(ValueSet.ofCodes(values.toArray(String[]::new))).build());
    }
    Schema schema = sb.build();
    int[] qiCols = qis.stream().mapToInt(q -> {
      int i = schema.indexOf(q);
      if (i < 0) {
        throw new DataFormatException(in + ": the header has no column '" + q + "'");
      }
      return i;
    }).toArray();
    Dataset.Appender a = Dataset.appender(schema);
    for (String[] row : rows) {
      boolean allSuppressed = suppressedToken != null && qiCols.length > 0;
      for (int c : qiCols) {
        allSuppressed &= row[c].equals(suppressedToken);
      }
      for (int c = 0; c < row.length; c++) {
        boolean isQi = false;
        for (int q : qiCols) {
          isQi |= q == c;
        }
        if (allSuppressed && isQi) {
          a.setMissing(c, MissingReason.SUPPRESSED);
        } else if (missing.contains(row[c]) || row[c].isBlank()) {
          a.setMissing(c, MissingReason.UNKNOWN);
        } else {
          a.setCode(c, java.util.Collections.binarySearch(valuesOf.get(c), row[c]));
        }
      }
      a.endRow();
    }
    return a.build();
  }
}
