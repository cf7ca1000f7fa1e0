package org.ctdc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ctdc.schema.Codebook;
import org.ctdc.schema.CtdcException;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.schema.Role;
import org.ctdc.schema.Schema;
import org.ctdc.schema.SchemaDiff;
import org.ctdc.schema.Schemas;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.ctdc.schema.internal.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ctdc demo}: the main job on bundled data. Today it loads every bundled schema, validates the
 * bundled CTDC victim-perpetrator release against its schema, and prints a codebook summary with the
 * release's counts (counts below the CTDC threshold of 11 are shown as {@code <11}). Not thread-safe.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run the main job on bundled sample data: load the bundled schemas, validate the bundled CTDC",
      "victim-perpetrator release (21,195 synthetic rows) and print a codebook summary."
    })
final class DemoCommand implements Callable<Integer> {

  static final String SAMPLE = "samples/CTDC_VPsynthetic_condensed.csv";
  static final int THRESHOLD = 11;

  @Spec CommandSpec spec;
  @Mixin DebugOption debug;

  @Option(names = "--out", paramLabel = "DIR", description = "Also write codebooks and the validation report here.")
  Path outDir;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("== Bundled schemas");
    for (Schema s : Schemas.all()) {
      long qi = s.variables().stream().filter(v -> v.role() == Role.QUASI_IDENTIFIER).count();
      long sens = s.variables().stream().filter(v -> v.role() == Role.SENSITIVE).count();
      out.printf(Locale.ROOT, "  %-34s %3d variables (%d quasi-identifiers, %d sensitive)%n", s.id(), s.size(), qi, sens);
    }
    Schema kanon2018 = Schemas.load("ctdc-global-kanon", "2018");
    Schema kanon2020 = Schemas.load("ctdc-global-kanon", "2020");
    Schema synthetic = Schemas.load("ctdc-global-synthetic");
    out.println();
    out.println("== What changed between schema generations");
    out.println("  " + kanon2018.id() + " -> " + kanon2020.id() + ": "
        + SchemaDiff.between(kanon2018, kanon2020).changes().size() + " change(s)");
    out.println("  " + kanon2020.id() + " -> " + synthetic.id() + ": "
        + SchemaDiff.between(kanon2020, synthetic).changes().size() + " change(s) (run 'ctdc schema diff' for the list)");

    Schema vp = Schemas.load("ctdc-victim-perpetrator", "2022");
    DatasetCsv.ReadResult result;
    try (InputStream in = DemoCommand.class.getResourceAsStream(SAMPLE)) {
      if (in == null) {
        throw new CtdcException("the bundled sample " + SAMPLE + " is missing from the jar");
      }
      Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
      result = DatasetCsv.read(r, "bundled:" + SAMPLE, vp, DatasetCsv.CsvOptions.defaults());
    } catch (IOException e) {
      throw new CtdcException("cannot read the bundled sample " + SAMPLE, e);
    }
    out.println();
    out.println("== Validation of the bundled CTDC release against " + vp.id());
    out.println("  " + result.report().summary());
    out.println();
    out.println("== Codebook summary of " + vp.id() + " with the release's counts");
    summarise(result.dataset(), out);
    if (outDir != null) {
      for (Schema s : Schemas.all()) {
        AtomicFiles.writeString(outDir.resolve("codebook-" + s.name() + "-" + s.version() + ".md"), Codebook.markdown(s));
      }
      AtomicFiles.writeString(outDir.resolve("validation-report.txt"),
          String.join("\n", result.report().lines()) + (result.report().lines().isEmpty() ? "" : "\n")
              + result.report().summary() + "\n");
      out.println();
      out.println("Wrote codebooks and validation-report.txt to " + outDir);
    }
    return result.report().isValid() ? Main.OK : Main.INVALID;
  }

  static void summarise(Dataset d, PrintWriter out) {
    Schema s = d.schema();
    for (int col = 0; col < s.size(); col++) {
      Variable v = s.variables().get(col);
      out.printf(Locale.ROOT, "  %-22s %-12s %-16s %s%n", v.name(), word(v.kind()) + (v.isMultiValued() ? "*" : ""),
          word(v.role()), v.label());
      if (v.valueSet().isEmpty()) {
        continue;
      }
      ValueSet vs = v.values();
      long[] counts = new long[vs.size()];
      long missing = 0;
      for (int row = 0; row < d.rowCount(); row++) {
        if (d.isMissing(row, col)) {
          missing++;
        } else if (v.isMultiValued()) {
          long mask = d.codeSet(row, col);
          for (int i = 0; i < vs.size(); i++) {
            if ((mask & (1L << i)) != 0) {
              counts[i]++;
            }
          }
        } else {
          counts[d.code(row, col)]++;
        }
      }
      StringBuilder sb = new StringBuilder("      ");
      for (int i = 0; i < vs.size(); i++) {
        sb.append(v.kind() == VariableKind.FLAG ? vs.code(i).label() : vs.code(i).code()).append('=').append(shown(counts[i])).append("  ");
      }
      sb.append("missing=").append(shown(missing));
      out.println(sb.toString().stripTrailing());
    }
    out.println("  (* multi-valued: a row counts once for each code it holds; counts below " + THRESHOLD + " shown as <" + THRESHOLD + ")");
  }

  private static String shown(long n) {
    return n > 0 && n < THRESHOLD ? "<" + THRESHOLD : Long.toString(n);
  }

  private static String word(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
