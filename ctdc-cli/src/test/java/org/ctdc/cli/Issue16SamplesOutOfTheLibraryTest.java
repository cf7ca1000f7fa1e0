package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Issue 16, "samples out of the library": the sample-data generators live in ctdc-samples, which the library
 * modules neither export, nor require, nor depend on outside their tests. The compiled module descriptors of the
 * reactor (each module's {@code target/classes}, built before ctdc-cli's tests run) and the POMs are read as
 * files; the tests run in ctdc-cli, whose parent folder is the reactor's root.
 */
class Issue16SamplesOutOfTheLibraryTest {

  private static final Path ROOT = Path.of("..");
  private static final List<String> LIBRARY = List.of("ctdc-schema", "ctdc-core", "ctdc-deid", "ctdc-link");

  @ParameterizedTest
  @ValueSource(strings = {"ctdc-schema", "ctdc-core", "ctdc-deid", "ctdc-link"})
  void issue16_noExportedPackageOfALibraryModuleContainsASampleGenerator(String module) throws IOException {
    Set<String> generators = classes(reference("ctdc-samples")).keySet().stream()
        .map(Issue16SamplesOutOfTheLibraryTest::simpleName).collect(Collectors.toCollection(TreeSet::new));
    assertTrue(generators.containsAll(Set.of("PartnerSamples", "CtdcLikeData")), generators.toString());

    ModuleReference library = reference(module);
    Map<String, String> classes = classes(library);
    assertFalse(classes.isEmpty(), module + " has compiled classes");
    for (ModuleDescriptor.Exports exports : library.descriptor().exports()) {
      String pkg = exports.source();
      assertFalse(pkg.matches(".*\\.samples?(\\..*)?"), module + " exports a sample package: " + pkg);
      for (Map.Entry<String, String> type : classes.entrySet()) {
        if (type.getValue().equals(pkg)) {
          assertFalse(generators.contains(simpleName(type.getKey())),
              module + " exports a sample generator: " + type.getKey());
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ctdc-schema", "ctdc-core", "ctdc-deid", "ctdc-link"})
  void issue16_noLibraryModuleRequiresOrHoldsThePackagesOfCtdcSamples(String module) throws IOException {
    ModuleDescriptor samples = reference("ctdc-samples").descriptor();
    ModuleDescriptor library = reference(module).descriptor();
    assertFalse(library.requires().stream().anyMatch(r -> r.name().equals(samples.name())),
        module + " requires " + samples.name());
    Set<String> shared = new TreeSet<>(library.packages());
    shared.retainAll(samples.packages());
    assertEquals(Set.of(), shared, module + " holds packages of ctdc-samples");
  }

  @Test
  void issue16_ctdcSamplesDependsOnNoLibraryModuleButTheSchemaSoTheirTestsCanUseIt() throws Exception {
    Set<String> ctdc = reference("ctdc-samples").descriptor().requires().stream()
        .map(ModuleDescriptor.Requires::name).filter(n -> n.startsWith("org.ctdc."))
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of("org.ctdc.schema"), ctdc);
    Map<String, String> deps = new TreeMap<>(ctdcDependencies("ctdc-samples"));
    deps.values().removeIf("test"::equals);
    assertEquals(Map.of("ctdc-schema", "compile"), deps);
  }

  @Test
  void issue16_theLibraryUsesTheSamplesInTestsOnlyTheCommandLineAndBenchmarksToRunThem() throws Exception {
    for (String module : LIBRARY) {
      String scope = ctdcDependencies(module).get("ctdc-samples");
      assertTrue(scope == null || scope.equals("test"), module + " depends on ctdc-samples at " + scope);
    }
    assertEquals("test", ctdcDependencies("ctdc-core").get("ctdc-samples"));
    assertEquals("test", ctdcDependencies("ctdc-deid").get("ctdc-samples"));
    assertEquals("compile", ctdcDependencies("ctdc-cli").get("ctdc-samples"));
    assertEquals("compile", ctdcDependencies("ctdc-bench").get("ctdc-samples"));
  }

  // --- the reactor's files

  private static ModuleReference reference(String module) {
    Path classes = ROOT.resolve(module).resolve("target/classes");
    assertTrue(Files.exists(classes.resolve("module-info.class")), module + " is compiled with a module-info");
    Set<ModuleReference> found = ModuleFinder.of(classes).findAll();
    assertEquals(1, found.size(), module);
    return found.iterator().next();
  }

  /** The module's class names (binary, without ".class") mapped to their package. */
  private static Map<String, String> classes(ModuleReference module) throws IOException {
    Map<String, String> classes = new TreeMap<>();
    try (ModuleReader reader = module.open()) {
      for (String entry : reader.list().collect(Collectors.toList())) {
        if (entry.endsWith(".class") && !entry.endsWith("module-info.class")
            && !entry.endsWith("package-info.class")) {
          String name = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
          classes.put(name, name.substring(0, Math.max(0, name.lastIndexOf('.'))));
        }
      }
    }
    return classes;
  }

  private static String simpleName(String binaryName) {
    String simple = binaryName.substring(binaryName.lastIndexOf('.') + 1);
    int nested = simple.indexOf('$');
    return nested < 0 ? simple : simple.substring(0, nested);
  }

  /** The module's dependencies on other ctdc modules, artifactId to scope ("compile" when none is set). */
  private static Map<String, String> ctdcDependencies(String module) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document pom = factory.newDocumentBuilder().parse(ROOT.resolve(module).resolve("pom.xml").toFile());
    XPath xpath = XPathFactory.newInstance().newXPath();
    NodeList deps = (NodeList) xpath.evaluate("/project/dependencies/dependency[groupId='org.ctdc']", pom,
        XPathConstants.NODESET);
    Map<String, String> scopes = new TreeMap<>();
    for (int i = 0; i < deps.getLength(); i++) {
      String scope = xpath.evaluate("scope", deps.item(i)).strip();
      scopes.put(xpath.evaluate("artifactId", deps.item(i)).strip(), scope.isEmpty() ? "compile" : scope);
    }
    return scopes;
  }
}
