package org.ctdc.portal.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ctdc.portal.PortalException;
import org.ctdc.portal.internal.Model.DataFile;
import org.ctdc.portal.internal.Model.DatasetEntry;
import org.ctdc.portal.internal.Model.Dim;
import org.ctdc.portal.internal.Model.Releases;
import org.ctdc.portal.internal.Model.TableEntry;
import org.ctdc.schema.Code;
import org.ctdc.schema.ReleaseFormat;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;

/**
 * The machine-readable metadata: the Frictionless Data Package ({@code datapackage.json}, a Table Schema per
 * CSV generated from the library's schema) and the schema.org {@code Dataset} JSON-LD of each dataset page, with
 * the DCAT-compatible fields (title, description, publisher, licence, temporal coverage, distribution). Stateless;
 * thread-safe.
 */
public final class Metadata {
  private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  private static final List<String> KEYWORDS = List.of("human trafficking", "counter-trafficking", "open data",
      "statistical disclosure control");

  private Metadata() {}

  /**
   * The Data Package of the whole site.
   *
   * @param site the settings
   * @param r the releases
   * @return {@code datapackage.json}'s text
   */
  public static String dataPackage(SiteInfo site, Releases r) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("profile", "data-package");
    root.put("name", ReleaseReader.slug(site.title()));
    root.put("title", site.title());
    root.put("description", "Datasets and tables published by " + site.publisher() + ", with their codebooks.");
    root.put("keywords", KEYWORDS);
    root.put("contributors", List.of(obj("title", site.publisher(), "role", "publisher")));
    root.put("licenses", List.of(licence(site)));
    List<Object> resources = new ArrayList<>();
    for (DatasetEntry d : r.datasets()) {
      for (DataFile f : d.files()) {
        Map<String, Object> res = resource(f, d.title());
        if (f == d.csv()) {
          res.put("description", Pages.description(d) + " Protection: " + Pages.method(d) + ".");
          res.put("profile", "tabular-data-resource");
          res.put("schema", tableSchema(d));
          if (d.schema().format().delimiter() != ',') {
            res.put("dialect", obj("delimiter", String.valueOf(d.schema().format().delimiter())));
          }
        } else if (f.sitePath().endsWith("/aggregates.csv")) {
          res.put("profile", "tabular-data-resource");
          res.put("schema", obj("fields", List.of(
              field("length", "integer", "the number of attributes in the combination"),
              field("combination", "string", "the attribute values, as name=value joined by '&'"),
              field("count", "integer", "the protected count of records with the combination")),
              "missingValues", List.of("")));
        }
        resources.add(res);
      }
    }
    for (TableEntry t : r.tables()) {
      for (DataFile f : t.files()) {
        Map<String, Object> res = resource(f, "Table " + t.name());
        if (f == t.csv()) {
          res.put("description", "Published table " + t.name() + ". Protection: " + Pages.method(t) + ".");
          res.put("profile", "tabular-data-resource");
          res.put("schema", tableSchema(t));
        }
        resources.add(res);
      }
    }
    root.put("resources", resources);
    return json(root);
  }

  /**
   * The schema.org {@code Dataset} of a dataset page, safe inside a {@code script} element ({@code <}, {@code >}
   * and {@code &} written as JSON escapes).
   *
   * @param site the settings
   * @param d the dataset
   * @return the JSON-LD
   */
  public static String jsonLd(SiteInfo site, DatasetEntry d) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("@context", "https://schema.org/");
    root.put("@type", "Dataset");
    root.put("name", d.title());
    root.put("description", Pages.description(d) + " Protection: " + Pages.method(d) + ".");
    root.put("identifier", d.id());
    root.put("version", d.schema().version());
    root.put("keywords", KEYWORDS);
    Map<String, Object> publisher = new LinkedHashMap<>();
    publisher.put("@type", "Organization");
    publisher.put("name", site.publisher());
    root.put("publisher", publisher);
    root.put("creator", publisher);
    root.put("license", site.licenceUrl());
    root.put("isAccessibleForFree", true);
    Pages.years(d).ifPresent(y -> root.put("temporalCoverage", y[0] == y[1] ? Integer.toString(y[0]) : y[0] + "/" + y[1]));
    root.put("measurementTechnique", Pages.method(d));
    List<Object> variables = new ArrayList<>();
    for (Variable v : d.schema().variables()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("@type", "PropertyValue");
      m.put("name", v.name());
      if (!v.definition().isBlank()) {
        m.put("description", v.definition());
      }
      variables.add(m);
    }
    root.put("variableMeasured", variables);
    List<Object> distribution = new ArrayList<>();
    for (DataFile f : d.files()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("@type", "DataDownload");
      m.put("name", f.sitePath().substring(f.sitePath().lastIndexOf('/') + 1));
      m.put("description", f.what());
      m.put("encodingFormat", mediaType(f));
      m.put("contentUrl", "../" + f.sitePath());
      distribution.add(m);
    }
    root.put("distribution", distribution);
    Map<String, Object> catalog = new LinkedHashMap<>();
    catalog.put("@type", "DataCatalog");
    catalog.put("name", site.title());
    root.put("includedInDataCatalog", catalog);
    return json(root).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
  }

  private static Map<String, Object> licence(SiteInfo site) {
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("name", site.licenceId());
    l.put("path", site.licenceUrl());
    l.put("title", site.licenceTitle());
    return l;
  }

  private static Map<String, Object> resource(DataFile f, String title) {
    Map<String, Object> res = new LinkedHashMap<>();
    res.put("name", ReleaseReader.slug(f.sitePath().replace("/", "-")));
    res.put("path", f.sitePath());
    res.put("title", title + ": " + f.what());
    res.put("format", f.format());
    res.put("mediatype", mediaType(f));
    res.put("encoding", "utf-8");
    return res;
  }

  private static String mediaType(DataFile f) {
    return switch (f.format()) {
      case "csv" -> "text/csv";
      case "json" -> "application/json";
      case "yaml" -> "application/yaml";
      default -> "application/octet-stream";
    };
  }

  private static Map<String, Object> field(String name, String type, String description) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("type", type);
    m.put("description", description);
    return m;
  }

  /** The Table Schema of a dataset's CSV, from the library's schema. */
  static Map<String, Object> tableSchema(DatasetEntry d) {
    ReleaseFormat f = d.schema().format();
    List<Object> fields = new ArrayList<>();
    for (Variable v : d.schema().variables()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", v.name());
      if (!v.label().isBlank()) {
        m.put("title", v.label());
      }
      String desc = v.definition().isBlank() ? v.name() : v.definition();
      Map<String, Object> constraints = new LinkedHashMap<>();
      if (v.kind() == VariableKind.FLAG && !f.flagFalse().isEmpty() && !f.missingTokens().contains(f.flagFalse())) {
        m.put("type", "boolean");
        m.put("trueValues", List.of(f.flagTrue()));
        m.put("falseValues", List.of(f.flagFalse()));
      } else if (v.kind() == VariableKind.FLAG) {
        m.put("type", "string");
        constraints.put("enum", List.of(f.flagTrue()));
        desc += " (yes is " + f.flagTrue() + "; no and missing are both written as an empty field)";
      } else if (v.kind().isInteger()) {
        m.put("type", "integer");
        v.minimum().ifPresent(x -> constraints.put("minimum", x));
        v.maximum().ifPresent(x -> constraints.put("maximum", x));
        if (v.kind() == VariableKind.COUNT && v.minimum().isEmpty()) {
          constraints.put("minimum", 0);
        }
      } else {
        m.put("type", "string");
        if (v.kind().isClosed() && v.valueSet().isPresent() && !v.isMultiValued()) {
          constraints.put("enum", v.values().codes().stream().map(Code::code).filter(c -> !f.missingTokens().contains(c))
              .toList());
        } else if (v.isMultiValued()) {
          desc += " (several codes joined by " + v.separatorIn(f) + ")";
        }
      }
      m.put("description", desc);
      if (!constraints.isEmpty()) {
        m.put("constraints", constraints);
      }
      m.put("role", v.role().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      fields.add(m);
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("fields", fields);
    s.put("missingValues", f.missingTokens());
    return s;
  }

  /** The Table Schema of a table's CSV: its dimensions' nodes, value and status. */
  static Map<String, Object> tableSchema(TableEntry t) {
    List<Object> fields = new ArrayList<>();
    for (Dim d : t.dims()) {
      Map<String, Object> m = field(d.name(), "string", "a category of " + d.name() + ", a subtotal, or the total ("
          + d.total() + ")");
      m.put("constraints", obj("required", true, "enum", d.nodes()));
      Optional.ofNullable(t.hxl().get(d.name())).ifPresent(tag -> m.put("hxl", tag));
      fields.add(m);
    }
    Map<String, Object> value = field("value", t.cells().stream().allMatch(c -> c.value().matches("[0-9]*"))
        ? "integer" : "number", "the published count; empty when the cell is suppressed");
    value.put("constraints", obj("minimum", 0));
    Optional.ofNullable(t.hxl().get("value")).ifPresent(tag -> value.put("hxl", tag));
    fields.add(value);
    Map<String, Object> status = field("status", "string", "the cell's status: " + String.join("; ",
        Pages.STATUSES.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).toList()));
    status.put("constraints", obj("required", true, "enum", List.copyOf(Pages.STATUSES.keySet())));
    fields.add(status);
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("fields", fields);
    s.put("missingValues", List.of(""));
    return s;
  }

  /** An object of the given keys and values, in that order (never {@code Map.of}: its order varies by run). */
  private static Map<String, Object> obj(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  static String json(Object o) {
    try {
      return JSON.writeValueAsString(o).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException e) {
      throw new PortalException("cannot render JSON metadata", e);
    }
  }
}
