package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.ctdc.schema.Schema;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Issue 16, "a release Central would accept" and "every declared dependency is used": the reactor's POMs and
 * module descriptors, read as files (the tests run in ctdc-cli, whose parent folder is the reactor's root).
 * The release build itself ({@code -Prelease package}) and {@code ctdc --version} from the shaded jar are
 * checked by {@code .ci/run}; {@code dependency:analyze} runs in every {@code verify}.
 */
class Issue16ReleaseBuildTest {

  private static final Path ROOT = Path.of("..");

  @Test
  void issue16_noModuleDeclaresOrRequiresGuavaUnlessItsCodeUsesIt() throws Exception {
    for (String module : modules()) {
      Path main = ROOT.resolve(module).resolve("src/main/java");
      boolean used = Files.isDirectory(main) && sourcesMention(main, "import com.google.common.");
      Path descriptor = main.resolve("module-info.java");
      if (Files.exists(descriptor)) {
        String text = Files.readString(descriptor, StandardCharsets.UTF_8);
        assertFalse(!used && text.contains("requires com.google.common"),
            module + "'s module-info requires Guava, which none of its code uses");
      }
      boolean declared = dependencies(pom(module)).contains("com.google.guava:guava");
      assertFalse(!used && declared, module + " declares Guava, which none of its code uses");
    }
  }

  @Test
  void issue16_modulesInheritTheProjectUrlAndScmWithoutTheirNameAppended() throws Exception {
    Element parent = pom(".");
    assertEquals("false", parent.getAttribute("child.project.url.inherit.append.path"));
    Element scm = child(parent, "scm");
    for (String part : List.of("connection", "developerConnection", "url")) {
      assertEquals("false", scm.getAttribute("child.scm." + part + ".inherit.append.path"), part);
    }
  }

  @Test
  void issue16_theBomManagesExactlyThePublishedModulesAtTheProjectVersion() throws Exception {
    Element parent = pom(".");
    Element bom = pom("ctdc-bom");
    assertTrue(modules().contains("ctdc-bom"), "the reactor builds ctdc-bom");
    assertEquals("pom", text(bom, "packaging"));
    // a parent would bring its own dependencyManagement (Jackson, JUnit, ...) into every importing build
    assertTrue(children(bom, "parent").isEmpty(), "ctdc-bom has no parent");
    assertEquals(text(parent, "groupId"), text(bom, "groupId"));
    assertEquals(text(parent, "version"), text(bom, "version"));

    Set<String> managed = new TreeSet<>();
    for (Element dep : children(child(child(bom, "dependencyManagement"), "dependencies"), "dependency")) {
      assertEquals(text(parent, "groupId"), text(dep, "groupId"));
      assertEquals("${project.version}", text(dep, "version"), text(dep, "artifactId"));
      managed.add(text(dep, "artifactId"));
    }
    assertEquals(published(), managed);
  }

  @Test
  void issue16_everyPublishedPomCarriesTheMetadataCentralRequires() throws Exception {
    Element parent = pom(".");
    List<String> poms = new ArrayList<>(published());
    poms.add("ctdc-bom");
    for (String module : poms) {
      Element pom = pom(module);
      Element source = children(pom, "parent").isEmpty() ? pom : parent;
      assertFalse(text(pom, "name").isBlank(), module + " name");
      assertFalse(text(pom, "description").isBlank(), module + " description");
      assertTrue(text(source, "url").startsWith("https://"), module + " url");
      assertFalse(children(child(source, "licenses"), "license").isEmpty(), module + " licenses");
      assertFalse(children(child(source, "developers"), "developer").isEmpty(), module + " developers");
      Element scm = child(source, "scm");
      for (String part : List.of("connection", "developerConnection", "url")) {
        assertFalse(text(scm, part).isBlank(), module + " scm " + part);
      }
    }
  }

  @Test
  void issue16_theReleaseProfileSignsInVerifyAndLeavesTheUnpublishedModulesOutOfTheBundle()
      throws Exception {
    Set<String> unpublished = new TreeSet<>(jarModules());
    unpublished.removeAll(published());
    for (String module : List.of(".", "ctdc-bom")) {
      Element release = releaseProfile(pom(module));
      Element gpg = plugin(release, "maven-gpg-plugin");
      Element sign = child(child(gpg, "executions"), "execution");
      assertEquals("verify", text(sign, "phase"), module + ": signing runs in verify only");
      assertEquals("sign", text(child(sign, "goals"), "goal"));

      Element central = plugin(release, "central-publishing-maven-plugin");
      assertEquals("true", text(central, "extensions"), module + ": the plugin takes over deploy");
      Set<String> excluded = children(child(child(central, "configuration"), "excludeArtifacts"),
          "excludeArtifact").stream().map(Node::getTextContent).map(String::strip)
          .collect(Collectors.toCollection(TreeSet::new));
      assertEquals(unpublished, excluded, module + ": the modules left out of the Central bundle");
    }
    // the parent builds sources and Javadoc jars with doclint on
    Element release = releaseProfile(pom("."));
    assertNotNull(plugin(release, "maven-source-plugin"));
    Element javadoc = plugin(release, "maven-javadoc-plugin");
    assertTrue(text(child(javadoc, "configuration"), "doclint").startsWith("all"));
    // the BOM pins the plugin versions the parent manages
    Element managed = child(child(pom("."), "build"), "pluginManagement");
    for (String plugin : List.of("maven-gpg-plugin", "central-publishing-maven-plugin")) {
      assertEquals(text(plugin(managed, plugin), "version"),
          text(plugin(releaseProfile(pom("ctdc-bom")), plugin), "version"), plugin);
    }
  }

  @Test
  void issue16_theLibraryJarsNameTheirVersionInTheManifest() throws Exception {
    // On the class path of this test, ctdc-schema is its jar from `package` onwards (./mvnw verify), and its
    // classes folder in a plain `test` run, where there is no manifest to read.
    Path location;
    try {
      location = Path.of(Schema.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
    assumeTrue(location.toString().endsWith(".jar"), "ctdc-schema is not packaged in this run");
    try (JarFile jar = new JarFile(location.toFile())) {
      assertEquals(text(pom("."), "version"),
          jar.getManifest().getMainAttributes().getValue("Implementation-Version"));
    }
    assertEquals(text(pom("."), "version"), Schema.class.getPackage().getImplementationVersion());
  }

  // --- the reactor's files

  private static List<String> modules() throws Exception {
    return children(child(pom("."), "modules"), "module").stream().map(Node::getTextContent)
        .map(String::strip).collect(Collectors.toList());
  }

  private static Set<String> jarModules() throws Exception {
    Set<String> jars = new TreeSet<>();
    for (String module : modules()) {
      Element pom = pom(module);
      if (children(pom, "packaging").isEmpty() || text(pom, "packaging").equals("jar")) {
        jars.add(text(pom, "artifactId"));
      }
    }
    return jars;
  }

  /** The jar modules that are deployed: all but those that set maven.deploy.skip. */
  private static Set<String> published() throws Exception {
    Set<String> published = new TreeSet<>();
    for (String module : jarModules()) {
      Element properties = children(pom(module), "properties").stream().findFirst().orElse(null);
      boolean skipped = properties != null && !children(properties, "maven.deploy.skip").isEmpty()
          && text(properties, "maven.deploy.skip").equals("true");
      if (!skipped) {
        published.add(module);
      }
    }
    return published;
  }

  private static Set<String> dependencies(Element pom) {
    Set<String> deps = new TreeSet<>();
    for (Element list : children(pom, "dependencies")) {
      for (Element dep : children(list, "dependency")) {
        deps.add(text(dep, "groupId") + ":" + text(dep, "artifactId"));
      }
    }
    return deps;
  }

  private static Element releaseProfile(Element pom) {
    return children(child(pom, "profiles"), "profile").stream()
        .filter(p -> text(p, "id").equals("release")).findFirst()
        .orElseThrow(() -> new AssertionError("no release profile"));
  }

  private static Element plugin(Element holder, String artifactId) {
    // a profile holds build/plugins, pluginManagement holds plugins
    Element plugins = holder.getTagName().equals("pluginManagement") ? child(holder, "plugins")
        : child(child(holder, "build"), "plugins");
    return children(plugins, "plugin").stream()
        .filter(p -> text(p, "artifactId").equals(artifactId)).findFirst()
        .orElseThrow(() -> new AssertionError("no plugin " + artifactId));
  }

  private static boolean sourcesMention(Path dir, String text) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
        if (!file.getFileName().toString().equals("module-info.java")
            && Files.readString(file, StandardCharsets.UTF_8).contains(text)) {
          return true;
        }
      }
    }
    return false;
  }

  private static Element pom(String module) throws Exception {
    Path file = ROOT.resolve(module).resolve("pom.xml");
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element && ((Element) n).getTagName().equals(name)) {
        found.add((Element) n);
      }
    }
    return found;
  }

  private static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    assertEquals(1, found.size(), "one <" + name + "> in <" + parent.getTagName() + ">");
    return found.get(0);
  }

  private static String text(Element parent, String name) {
    return child(parent, name).getTextContent().strip();
  }
}
