package org.ctdc.portal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ctdc.schema.CtdcException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20: the portal made from the release folders of a demo run (test resources {@code issue20/}): its
 * {@code datapackage.json} is valid against the published JSON Schemas of the Data Package specification
 * (bundled, {@code frictionless/README.md}) and describes the CSV files it lists, each dataset page carries
 * schema.org {@code Dataset} JSON-LD with the DCAT-compatible fields, HXL hashtags appear where a table carries
 * them, the same releases give byte-identical sites, every text is escaped, and the site is written all or
 * nothing.
 */
class Issue20PortalTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LD = Pattern.compile(
      "<script type=\"application/ld\\+json\">\n(.*?)</script>", Pattern.DOTALL);

  private static Path demo() throws URISyntaxException {
    return Path.of(Objects.requireNonNull(Issue20PortalTest.class.getResource("/issue20/demo")).toURI());
  }

  private static Portal.Builder portal(Path site) throws URISyntaxException {
    Path d = demo();
    return Portal.builder(site).release(d.resolve("release")).release(d.resolve("tables"))
        .release(d.resolve("synthetic"));
  }

  private static JsonSchema published(String file) throws IOException {
    try (InputStream in = Issue20PortalTest.class.getResourceAsStream("/frictionless/" + file)) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(JSON.readTree(in));
    }
  }

  private static List<Path> files(Path site) throws IOException {
    try (Stream<Path> s = Files.walk(site)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static List<String> csvHeader(Path csv) throws IOException {
    String first = Files.readAllLines(csv, StandardCharsets.UTF_8).get(0);
    return List.of(first.split(",", -1));
  }

  @Test
  void issue20_dataPackageIsValidAgainstThePublishedSchemaAndDescribesItsFiles(@TempDir Path dir)
      throws Exception {
    PortalSummary s = portal(dir.resolve("site")).build().write();
    JsonNode pkg = JSON.readTree(s.site().resolve("datapackage.json").toFile());
    JsonSchema dataPackage = published("data-package.json");
    JsonSchema tabular = published("tabular-data-resource.json");
    Set<ValidationMessage> errors = dataPackage.validate(pkg);
    assertTrue(errors.isEmpty(), "data-package.json: " + errors);
    int tabularResources = 0;
    Set<String> names = new HashSet<>();
    for (JsonNode res : pkg.path("resources")) {
      assertTrue(names.add(res.path("name").asText()), "resource names are unique: " + res.path("name"));
      Path file = s.site().resolve(res.path("path").asText());
      assertTrue(Files.isRegularFile(file), "the resource's file is in the site: " + res.path("path"));
      if (!res.path("profile").asText().equals("tabular-data-resource")) {
        continue;
      }
      tabularResources++;
      Set<ValidationMessage> e = tabular.validate(res);
      assertTrue(e.isEmpty(), res.path("path").asText() + " against tabular-data-resource.json: " + e);
      JsonNode schema = res.path("schema");
      assertTrue(schema.path("missingValues").isArray(), "missingValues: " + res.path("path"));
      List<String> header = csvHeader(file);
      List<String> fields = new ArrayList<>();
      schema.path("fields").forEach(f -> fields.add(f.path("name").asText()));
      assertEquals(header, fields, "the Table Schema's fields are the CSV's columns: " + res.path("path"));
      schema.path("fields").forEach(f -> assertFalse(f.path("description").asText().isBlank(),
          "every field has a description: " + f.path("name")));
      // every value of the file is allowed by its field: a missing value, or within the enum constraint
      Set<String> missing = new HashSet<>();
      schema.path("missingValues").forEach(m -> missing.add(m.asText()));
      List<String[]> rows = rows(file);
      for (int c = 0; c < fields.size(); c++) {
        JsonNode f = schema.path("fields").get(c);
        Set<String> allowed = new HashSet<>();
        f.path("constraints").path("enum").forEach(v -> allowed.add(v.asText()));
        for (String[] row : rows.subList(1, rows.size())) {
          String v = row[c];
          if (!allowed.isEmpty() && !missing.contains(v)) {
            assertTrue(allowed.contains(v), res.path("path").asText() + ": column " + f.path("name") + ": " + v);
          }
          if (f.path("type").asText().equals("integer") && !missing.contains(v)) {
            assertTrue(v.matches("-?[0-9]+"), res.path("path").asText() + ": column " + f.path("name") + ": " + v);
          }
        }
      }
    }
    // the released CSVs of the two datasets, their aggregates and the two tables
    assertTrue(tabularResources >= 5, "tabular resources: " + tabularResources);
    JsonNode release = find(pkg, "data/release/release.csv").path("schema");
    JsonNode age = field(release, "ageBroad");
    assertEquals("string", age.path("type").asText());
    assertTrue(age.path("constraints").path("enum").size() >= 2, "a value set is an enum constraint: " + age);
    assertTrue(release.path("missingValues").toString().contains("-99"), "missing-value codes: " + release);
    assertEquals("integer", field(find(pkg, "data/synthetic/synthetic-2024.csv").path("schema"), "yearOfRegistration")
        .path("type").asText());
  }

  @Test
  void issue20_thePublishedSchemaRefusesABrokenPackage(@TempDir Path dir) throws Exception {
    PortalSummary s = portal(dir.resolve("site")).build().write();
    ObjectNode pkg = (ObjectNode) JSON.readTree(s.site().resolve("datapackage.json").toFile());
    ObjectNode res = (ObjectNode) find(pkg, "data/release/release.csv");
    // the validator really applies the bundled schemas: an unknown field type and a package without resources fail
    ((ObjectNode) res.path("schema").path("fields").get(0)).put("type", "text");
    assertFalse(published("tabular-data-resource.json").validate(res).isEmpty(), "an unknown field type");
    pkg.remove("resources");
    assertFalse(published("data-package.json").validate(pkg).isEmpty(), "a package without resources");
  }

  private static List<String[]> rows(Path csv) throws IOException {
    try (MappingIterator<String[]> it = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
        .readerFor(String[].class).readValues(csv.toFile())) {
      return it.readAll();
    }
  }

  private static JsonNode find(JsonNode pkg, String path) {
    for (JsonNode r : pkg.path("resources")) {
      if (r.path("path").asText().equals(path)) {
        return r;
      }
    }
    throw new AssertionError("no resource " + path + " in " + pkg.path("resources"));
  }

  private static JsonNode field(JsonNode schema, String name) {
    for (JsonNode f : schema.path("fields")) {
      if (f.path("name").asText().equals(name)) {
        return f;
      }
    }
    throw new AssertionError("no field " + name);
  }

  @Test
  void issue20_eachDatasetPageCarriesSchemaOrgDatasetJsonLd(@TempDir Path dir) throws Exception {
    PortalSummary s = portal(dir.resolve("site")).build().write();
    List<String> datasetPages = s.pages().stream().filter(p -> p.startsWith("datasets/")).toList();
    assertEquals(2, datasetPages.size(), s.pages().toString());
    for (String page : datasetPages) {
      String html = Files.readString(s.site().resolve(page));
      Matcher m = LD.matcher(html);
      assertTrue(m.find(), "JSON-LD in " + page);
      JsonNode ld = JSON.readTree(m.group(1));
      assertFalse(m.find(), "one JSON-LD block in " + page);
      assertEquals("https://schema.org/", ld.path("@context").asText());
      assertEquals("Dataset", ld.path("@type").asText());
      for (String key : List.of("name", "description", "license", "version", "identifier")) {
        assertFalse(ld.path(key).asText().isBlank(), page + ": " + key);
      }
      assertEquals("Organization", ld.path("publisher").path("@type").asText());
      assertFalse(ld.path("publisher").path("name").asText().isBlank());
      // the period, from the released years only (none when every year is generalised away or missing)
      Path csv = s.site().resolve(page).getParent().resolve(ld.path("distribution").get(0).path("contentUrl")
          .asText()).normalize();
      int col = csvHeader(csv).indexOf("yearOfRegistration");
      List<Integer> years = Files.readAllLines(csv).stream().skip(1).map(l -> l.split(",", -1)[col])
          .filter(y -> y.matches("[0-9]{4}")).map(Integer::valueOf).sorted().toList();
      if (years.isEmpty()) {
        assertFalse(ld.has("temporalCoverage"), "no period when no released year is known: " + page);
      } else {
        int first = years.get(0);
        int last = years.get(years.size() - 1);
        assertEquals(first == last ? "" + first : first + "/" + last, ld.path("temporalCoverage").asText(), page);
      }
      assertTrue(ld.path("distribution").size() >= 2, page);
      for (JsonNode d : ld.path("distribution")) {
        assertEquals("DataDownload", d.path("@type").asText());
        Path target = s.site().resolve(page).getParent().resolve(d.path("contentUrl").asText()).normalize();
        assertTrue(Files.isRegularFile(target), "the download exists: " + d.path("contentUrl"));
        assertFalse(d.path("encodingFormat").asText().isBlank());
      }
      assertTrue(ld.path("variableMeasured").size() > 3, page);
    }
  }

  @Test
  void issue20_hxlHashtagsAppearWhereTheTablesCarryThem(@TempDir Path dir) throws Exception {
    PortalSummary s = portal(dir.resolve("site")).build().write();
    String tagged = Files.readString(s.site().resolve("tables/age-by-intimate-partner-recruiter.html"));
    assertTrue(tagged.contains("#affected+age") && tagged.contains("#affected+num"), "the page shows the hashtags");
    String untagged = Files.readString(s.site().resolve("tables/citizenship-region-by-period-by-gender.html"));
    assertFalse(untagged.contains("class=\"hxl\""), "no hashtag where the table has none");
    JsonNode pkg = JSON.readTree(s.site().resolve("datapackage.json").toFile());
    JsonNode schema = find(pkg, "data/tables/age-by-intimate-partner-recruiter.csv").path("schema");
    assertEquals("#affected+age", field(schema, "ageBroad").path("hxl").asText());
    assertFalse(field(schema, "relation").has("hxl"));
    assertTrue(Files.isRegularFile(s.site().resolve("data/tables/age-by-intimate-partner-recruiter.hxl.csv")));
    // suppressed cells are marked and explained on the table page
    assertTrue(tagged.contains("primary") && tagged.contains("secondary"), "the statuses are shown");
  }

  @Test
  void issue20_theSameReleasesGiveAByteIdenticalSiteWithTheReleasedFilesUnchanged(@TempDir Path dir)
      throws Exception {
    PortalSummary a = portal(dir.resolve("a")).build().write();
    PortalSummary b = portal(dir.resolve("b")).build().write();
    assertEquals(a.files(), b.files());
    List<Path> fa = files(a.site());
    assertEquals(a.files().size(), fa.size(), "the summary lists every file written");
    for (String f : a.files()) {
      assertArrayEquals(Files.readAllBytes(a.site().resolve(f)), Files.readAllBytes(b.site().resolve(f)), f);
    }
    assertArrayEquals(Files.readAllBytes(demo().resolve("release/release.csv")),
        Files.readAllBytes(a.site().resolve("data/release/release.csv")), "the released file is copied unchanged");
    assertFalse(a.files().stream().anyMatch(f -> f.endsWith("-report.json")), "reports are read, never copied");
  }

  @Test
  void issue20_everyTextIsEscapedAndNoPageLoadsAnythingFromOutside(@TempDir Path dir) throws Exception {
    String title = "Open <script>alert(\"x\")</script> & data </script>";
    PortalSummary s = portal(dir.resolve("site")).title(title).publisher("A & B <i>").build().write();
    for (String page : s.pages()) {
      String html = Files.readString(s.site().resolve(page));
      assertFalse(html.contains("<script>alert") || html.contains("<i>"), page + ": a text not escaped");
      assertTrue(html.contains("Open &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; data"), page);
      // the only script is the JSON-LD block, which cannot be closed by a text inside it
      Matcher scripts = Pattern.compile("<script").matcher(html);
      int count = 0;
      while (scripts.find()) {
        count++;
      }
      assertEquals(page.startsWith("datasets/") ? 1 : 0, count, page + ": scripts");
      Matcher ld = LD.matcher(html);
      if (ld.find()) {
        assertFalse(ld.group(1).contains("<"), page + ": a '<' inside the JSON-LD");
        assertTrue(JSON.readTree(ld.group(1)).path("includedInDataCatalog").path("name").asText().equals(title));
      }
      Matcher src = Pattern.compile("(?:src|href)=\"([^\"#]*)").matcher(html);
      while (src.find()) {
        String url = src.group(1);
        assertFalse(url.contains("//") && !url.equals("https://creativecommons.org/licenses/by/4.0/"),
            page + ": an outside address: " + url);
      }
      assertFalse(html.contains("@import") || html.contains("url(http"), page + ": an outside style");
    }
  }

  @Test
  void issue20_theSiteIsWrittenAllOrNothingIntoAnAbsentOrEmptyFolder(@TempDir Path dir) throws Exception {
    Path site = dir.resolve("site");
    Files.createDirectories(site);
    Files.writeString(site.resolve("keep.txt"), "mine");
    PortalException e = assertThrows(PortalException.class, () -> portal(site).build().write());
    assertTrue(e.getMessage().contains("not empty"), e.getMessage());
    assertEquals("mine", Files.readString(site.resolve("keep.txt")));
    assertEquals(1, files(site).size());
    // an empty folder is fine
    Path empty = dir.resolve("empty");
    Files.createDirectories(empty);
    assertTrue(Files.isRegularFile(portal(empty).build().write().home()));
    // a confidential levels file in a release folder: refused, and nothing is left beside the site
    Path bad = dir.resolve("bad-release");
    Files.createDirectories(bad);
    for (String f : List.of("age-by-intimate-partner-recruiter.csv", "age-by-intimate-partner-recruiter.table.json")) {
      Files.copy(demo().resolve("tables").resolve(f), bad.resolve(f));
    }
    Files.writeString(bad.resolve("earnings.levels.json"), "{}");
    Path out = dir.resolve("out");
    CtdcException c = assertThrows(PortalException.class, () -> Portal.builder(out).release(bad).build().write());
    assertTrue(c.getMessage().contains("earnings.levels.json") && c.getMessage().contains("confidential"),
        c.getMessage());
    assertFalse(Files.exists(out));
    try (Stream<Path> left = Files.list(dir)) {
      assertFalse(left.anyMatch(p -> p.getFileName().toString().contains("staging")), "no staging folder left");
    }
  }

  @Test
  void issue20_theBuilderChecksEachSettingWhenItIsSet(@TempDir Path dir) throws Exception {
    Path site = dir.resolve("site");
    assertThrows(IllegalStateException.class, () -> Portal.builder(site).build(), "no release");
    Portal.Builder b = Portal.builder(site).release(demo().resolve("release"));
    assertThrows(IllegalStateException.class, () -> b.release(demo().resolve("release")), "twice");
    assertThrows(IllegalStateException.class, () -> b.release(site.resolve("x")), "inside the site");
    assertThrows(IllegalStateException.class, () -> Portal.builder(demo().resolve("release/site"))
        .release(demo().resolve("release")), "the site inside a release");
    assertThrows(IllegalArgumentException.class, () -> b.title(" "));
    assertThrows(IllegalArgumentException.class, () -> b.title("two\nlines"));
    assertThrows(IllegalArgumentException.class, () -> b.licence("CC BY", "x", "https://example.org/"));
    assertThrows(IllegalArgumentException.class, () -> b.licence("CC0-1.0", "x", "javascript:alert(1)"));
    Portal p = b.title("T").licence("CC0-1.0", "Public domain", "https://creativecommons.org/publicdomain/zero/1.0/")
        .build();
    assertEquals("T", p.title());
    assertEquals(List.of(demo().resolve("release")), p.releases());
    String pkg = Files.readString(p.write().site().resolve("datapackage.json"));
    assertTrue(pkg.contains("\"CC0-1.0\"") && pkg.contains("publicdomain/zero"), "the licence is published");
  }
}
