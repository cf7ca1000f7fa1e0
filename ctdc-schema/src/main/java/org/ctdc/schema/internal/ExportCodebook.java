package org.ctdc.schema.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ctdc.schema.Code;
import org.ctdc.schema.CsvWriteOptions;
import org.ctdc.schema.Derivation;
import org.ctdc.schema.ReleaseFormat;
import org.ctdc.schema.Schema;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;

/**
 * Writes codebooks as Markdown and CSV; see {@link org.ctdc.schema.Codebook} for the layouts.
 *
 * <p>Stateless and thread-safe.
 */
public final class ExportCodebook {

  /** The CSV columns, in order. */
  public static final List<String> CSV_COLUMNS =
      List.of(
          "variable", "label", "kind", "role", "multiValued", "valueSet", "code", "codeLabel",
          "codeDefinition", "definition", "notes");

  private ExportCodebook() {}

  // ---------------------------------------------------------------------------------------------- CSV

  /**
   * The CSV codebook.
   *
   * @param schema the schema
   * @return CSV text with a header, LF line ends
   */
  public static String csv(Schema schema) {
    StringBuilder out = new StringBuilder();
    CsvLine.append(out, CSV_COLUMNS, CsvLine.COMMA, null);
    ReleaseFormat f = schema.format();
    for (Variable v : schema.variables()) {
      List<String[]> codes = codeRows(v, f);
      if (codes.isEmpty()) {
        guarded(out, row(v, "", "", "", ""));
      } else {
        for (String[] c : codes) {
          guarded(out, row(v, c[0], c[1], c[2], c[3]));
        }
      }
    }
    return out.toString();
  }

  /** One line, every cell through the library's formula guard (a codebook is opened in spreadsheets). */
  private static void guarded(StringBuilder out, String[] cells) {
    CsvLine.append(out, List.of(cells), CsvLine.COMMA, CsvWriteOptions.defaults());
  }

  private static String[] row(
      Variable v, String valueSet, String code, String codeLabel, String codeDefinition) {
    return new String[] {
      v.name(),
      v.label(),
      ExportWords.kind(v.kind()),
      ExportWords.role(v.role()),
      Boolean.toString(v.isMultiValued()),
      valueSet,
      code,
      codeLabel,
      codeDefinition,
      v.definition(),
      String.join("; ", v.notes())
    };
  }

  /** Rows of {valueSet, code, label, definition}; flags give their written tokens, set first. */
  private static List<String[]> codeRows(Variable v, ReleaseFormat f) {
    List<String[]> rows = new ArrayList<>();
    if (v.kind() == VariableKind.FLAG) {
      Code yes = ValueSet.FLAG.code(1);
      Code no = ValueSet.FLAG.code(0);
      rows.add(new String[] {ValueSet.FLAG.name(), f.flagTrue(), yes.label(), yes.definition()});
      rows.add(new String[] {ValueSet.FLAG.name(), f.flagFalse(), no.label(), no.definition()});
    } else if (v.valueSet().isPresent()) {
      ValueSet vs = v.values();
      for (Code c : vs.codes()) {
        rows.add(new String[] {vs.name(), c.code(), c.label(), c.definition()});
      }
    }
    return rows;
  }

  // ----------------------------------------------------------------------------------------- Markdown

  /**
   * The Markdown codebook.
   *
   * @param schema the schema
   * @return Markdown text, LF line ends, ending with one LF
   */
  public static String markdown(Schema schema) {
    StringBuilder b = new StringBuilder();
    ReleaseFormat f = schema.format();
    b.append("# Codebook of ").append(schema.id()).append("\n\n");
    if (!schema.description().isBlank()) {
      b.append(paragraph(schema.description())).append("\n\n");
    }
    if (!schema.sources().isEmpty()) {
      b.append("## Sources\n\n");
      for (String s : schema.sources()) {
        b.append("- ").append(paragraph(s)).append('\n');
      }
      b.append('\n');
    }
    if (!schema.notes().isEmpty()) {
      b.append("## Notes\n\n");
      for (String s : schema.notes()) {
        b.append("- ").append(paragraph(s)).append('\n');
      }
      b.append('\n');
    }
    b.append("## Release format\n\n");
    b.append("| property | written as |\n| --- | --- |\n");
    List<String> missing = new ArrayList<>();
    for (String t : f.missingTokens()) {
      missing.add(code(token(t)));
    }
    b.append("| missing value (the first is written) | ").append(cell(String.join(", ", missing))).append(" |\n");
    b.append("| flag set | ").append(cell(code(token(f.flagTrue())))).append(" |\n");
    b.append("| flag not set | ").append(cell(code(token(f.flagFalse())))).append(" |\n");
    b.append("| multi-value separator | ").append(cell(code(token(f.separator())))).append(" |\n");
    b.append("| field delimiter | ").append(cell(code(token(String.valueOf(f.delimiter()))))).append(" |\n\n");

    b.append("## Variables\n\n");
    b.append("| # | variable | label | kind | role | multi-valued |\n| --- | --- | --- | --- | --- | --- |\n");
    int i = 1;
    for (Variable v : schema.variables()) {
      b.append("| ").append(i++).append(" | [").append(cell(code(v.name()))).append("](#")
          .append(anchor("variable", v.name())).append(") | ").append(cell(v.label())).append(" | ")
          .append(ExportWords.kind(v.kind())).append(" | ").append(ExportWords.role(v.role())).append(" | ")
          .append(v.isMultiValued() ? "yes" : "no").append(" |\n");
    }
    b.append('\n');
    for (Variable v : schema.variables()) {
      variable(b, v, f);
    }
    Map<String, ValueSet> shared = schema.sharedValueSets();
    if (!shared.isEmpty()) {
      b.append("## Value sets\n\n");
      for (ValueSet vs : shared.values()) {
        b.append("<a id=\"").append(anchor("value-set", vs.name())).append("\"></a>\n\n");
        b.append("### Value set ").append(code(vs.name())).append("\n\n");
        List<String> users = new ArrayList<>();
        for (Variable v : schema.variables()) {
          if (v.kind() != VariableKind.FLAG && v.valueSet().filter(vs::equals).isPresent()) {
            users.add(code(v.name()));
          }
        }
        b.append(vs.size()).append(" codes, used by ").append(String.join(", ", users)).append(".\n\n");
        codeTable(b, vs.codes());
      }
    }
    String md = b.toString();
    while (md.endsWith("\n\n")) {
      md = md.substring(0, md.length() - 1);
    }
    return md;
  }

  private static void variable(StringBuilder b, Variable v, ReleaseFormat f) {
    b.append("<a id=\"").append(anchor("variable", v.name())).append("\"></a>\n\n");
    b.append("### ").append(code(v.name())).append("\n\n");
    b.append("- **Label:** ").append(paragraph(v.label())).append('\n');
    b.append("- **Kind:** ").append(ExportWords.kind(v.kind())).append('\n');
    b.append("- **Role:** ").append(ExportWords.role(v.role())).append('\n');
    b.append("- **Multi-valued:** ")
        .append(v.isMultiValued() ? "yes, codes joined by " + code(token(v.separatorIn(f))) : "no")
        .append('\n');
    if (v.minimum().isPresent() || v.maximum().isPresent()) {
      b.append("- **Range:** ")
          .append(v.minimum().isPresent() ? Integer.toString(v.minimum().getAsInt()) : "any")
          .append(" to ")
          .append(v.maximum().isPresent() ? Integer.toString(v.maximum().getAsInt()) : "any")
          .append('\n');
    }
    if (v.derivation().isPresent()) {
      Derivation d = v.derivation().get();
      List<String> src = new ArrayList<>();
      d.sources().forEach(s -> src.add(code(s)));
      b.append("- **Derived:** ").append(d.kind().name().toLowerCase(java.util.Locale.ROOT))
          .append(" of ").append(String.join(", ", src)).append('\n');
    }
    if (!v.previousNames().isEmpty()) {
      List<String> p = new ArrayList<>();
      v.previousNames().forEach(s -> p.add(code(s)));
      b.append("- **Previous names:** ").append(String.join(", ", p)).append('\n');
    }
    b.append("- **Definition:** ").append(v.definition().isBlank() ? "(none)" : paragraph(v.definition()))
        .append('\n');
    if (!v.notes().isEmpty()) {
      b.append("- **Notes:**\n");
      for (String n : v.notes()) {
        b.append("  - ").append(paragraph(n)).append('\n');
      }
    }
    b.append('\n');
    if (v.kind() == VariableKind.FLAG) {
      b.append("| code | label | definition | aliases |\n| --- | --- | --- | --- |\n");
      b.append("| ").append(cell(code(token(f.flagTrue())))).append(" | ")
          .append(cell(ValueSet.FLAG.code(1).label())).append(" | ")
          .append(cell(ValueSet.FLAG.code(1).definition())).append(" | |\n");
      b.append("| ").append(cell(code(token(f.flagFalse())))).append(" | ")
          .append(cell(ValueSet.FLAG.code(0).label())).append(" | ")
          .append(cell(ValueSet.FLAG.code(0).definition())).append(" | |\n\n");
    } else if (v.valueSet().isPresent()) {
      ValueSet vs = v.values();
      if (vs.isNamed()) {
        b.append("Codes: value set [").append(code(vs.name())).append("](#")
            .append(anchor("value-set", vs.name())).append(") (").append(vs.size()).append(" codes).\n\n");
      } else {
        codeTable(b, vs.codes());
      }
    }
  }

  private static void codeTable(StringBuilder b, List<Code> codes) {
    b.append("| code | label | definition | aliases |\n| --- | --- | --- | --- |\n");
    for (Code c : codes) {
      List<String> aliases = new ArrayList<>();
      c.aliases().forEach(a -> aliases.add(code(a)));
      b.append("| ").append(cell(code(c.code()))).append(" | ").append(cell(c.label())).append(" | ")
          .append(cell(c.definition())).append(" | ").append(cell(String.join(", ", aliases))).append(" |\n");
    }
    b.append('\n');
  }

  /** A release token as shown in Markdown: JSON-quoted, so that the empty token stays visible. */
  private static String token(String t) {
    return ExportWords.quote(t);
  }

  /** A Markdown code span, with a fence longer than any backtick run inside. */
  static String code(String s) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = s.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    boolean pad = s.startsWith("`") || s.endsWith("`");
    return fence + (pad ? " " : "") + s + (pad ? " " : "") + fence;
  }

  /** Text on one line: line breaks become {@code <br>}. */
  private static String paragraph(String s) {
    return s.strip().replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>");
  }

  /** Text for a table cell: on one line, with pipes escaped. */
  private static String cell(String s) {
    return paragraph(s).replace("|", "\\|");
  }

  /** An HTML anchor id: the prefix, then the name with every character outside [A-Za-z0-9_-] as '-'. */
  private static String anchor(String prefix, String name) {
    StringBuilder b = new StringBuilder(prefix).append('-');
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      b.append(Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '-' ? c : '-');
    }
    return b.toString();
  }
}
