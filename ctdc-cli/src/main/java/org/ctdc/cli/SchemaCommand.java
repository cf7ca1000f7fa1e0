package org.ctdc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ctdc.schema.Codebook;
import org.ctdc.schema.JsonSchemaExport;
import org.ctdc.schema.Schema;
import org.ctdc.schema.SchemaDiff;
import org.ctdc.schema.SchemaFiles;
import org.ctdc.schema.SchemaRef;
import org.ctdc.schema.Schemas;
import org.ctdc.schema.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ctdc schema}: list, show, export and diff schemas. Not thread-safe. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = "List, show, export and compare shared-variable schemas.",
    subcommands = {
      SchemaCommand.ListCommand.class,
      SchemaCommand.ShowCommand.class,
      SchemaCommand.ExportCommand.class,
      SchemaCommand.DiffCommand.class
    })
final class SchemaCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a schema command is required (list, show, export, diff)");
  }

  /** Output formats of a schema. */
  enum Format {
    yaml,
    json,
    markdown,
    csv,
    @SuppressWarnings("checkstyle:MemberName")
    json_schema;

    static String render(Schema s, Format f) {
      return switch (f) {
        case yaml -> SchemaFiles.toYaml(s);
        case json -> SchemaFiles.toJson(s);
        case markdown -> Codebook.markdown(s);
        case csv -> Codebook.csv(s);
        case json_schema -> JsonSchemaExport.jsonSchema(s);
      };
    }
  }

  /** Converts {@code json-schema} to the enum constant. */
  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      try {
        return Format.valueOf(value.replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "'" + value + "' is not a format; use yaml, json, markdown, csv or json-schema");
      }
    }
  }

  /** The schema argument and the {@code --format} option shared by show and export. */
  static final class SchemaInFormat {
    @Parameters(index = "0", paramLabel = "NAME", description = "NAME, NAME@VERSION or a schema file.")
    String name;

    @Option(names = "--format", defaultValue = "yaml", converter = FormatConverter.class,
        description = "yaml, json, markdown, csv or json-schema (default: ${DEFAULT-VALUE}).")
    Format format;

    String render() {
      return Format.render(Schemas.resolve(name), format);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the bundled schemas.")
  static final class ListCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DebugOption debug;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      out.printf("%-26s %-8s %9s  %s%n", "NAME", "VERSION", "VARIABLES", "DESCRIPTION");
      for (SchemaRef r : Schemas.list()) {
        out.printf("%-26s %-8s %9d  %s%n", r.name(), r.version(), r.variables(), firstSentence(r.description()));
      }
      return Main.OK;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Print a schema (bundled NAME, NAME@VERSION, or a schema file) in a format.")
  static final class ShowCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DebugOption debug;

    @Mixin SchemaInFormat schema;

    @Override
    public Integer call() {
      spec.commandLine().getOut().print(schema.render());
      return Main.OK;
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Write a schema to a file in a format (the file appears only when complete).")
  static final class ExportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DebugOption debug;

    @Mixin SchemaInFormat schema;

    @Option(names = {"--out", "-o"}, required = true, paramLabel = "FILE", description = "The file to write.")
    Path out;

    @Override
    public Integer call() {
      Outputs.specFile(schema.name).ifPresent(f ->
          Outputs.requireDistinct(spec, java.util.Map.of("NAME", f), java.util.Map.of("--out", out)));
      AtomicFiles.writeString(out, schema.render());
      spec.commandLine().getErr().println("wrote " + out);
      return Main.OK;
    }
  }

  @Command(
      name = "diff",
      mixinStandardHelpOptions = true,
      description = "Compare two schemas: variables added, removed, renamed, merged, retyped; value-set changes.")
  static final class DiffCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DebugOption debug;

    @Parameters(index = "0", paramLabel = "OLD", description = "The older schema.")
    String older;

    @Parameters(index = "1", paramLabel = "NEW", description = "The newer schema.")
    String newer;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
      SchemaDiff d = SchemaDiff.between(Schemas.resolve(older), Schemas.resolve(newer));
      PrintWriter out = spec.commandLine().getOut();
      switch (format) {
        case "text" -> out.print(d.toText());
        case "json" -> out.print(d.toJson());
        default -> throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "'" + format + "' is not a diff format; use text or json");
      }
      return Main.OK;
    }
  }

  static String firstSentence(String s) {
    String one = s.strip().replaceAll("\\s+", " ");
    int dot = one.indexOf(". ");
    one = dot < 0 ? one : one.substring(0, dot + 1);
    return one.length() > 90 ? one.substring(0, 87) + "..." : one;
  }
}
