package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script {@code src/main/launcher/ctdc} (issue 19), which the package build copies beside
 * {@code ctdc.jar}: it runs the jar as {@code java -jar} does (same output, same exit code), builds a
 * class-data sharing archive on {@code CTDC_CDS=build}, uses it only while it matches the jar and the Java,
 * and never otherwise. Tests run before the package phase, so the jar here is built from this module's
 * classes and its reactor siblings' (one jar, as the shaded one), with the library jars on its manifest's
 * class path: an archive can only be built from jars.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Issue19LauncherTest {

  @TempDir static Path dir;
  private static Path script;
  private static Path jar;

  record Ran(int code, String out, String err) {}

  @BeforeAll
  static void launcherBesideAJar() throws IOException {
    assumeTrue(!System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).startsWith("windows")
        && Files.isExecutable(Path.of("/bin/sh")), "the launcher is a POSIX shell script");
    script = dir.resolve("ctdc");
    Files.copy(Path.of("src/main/launcher/ctdc"), script);
    jar = dir.resolve("ctdc.jar");
    writeJar(jar);
  }

  /** The class path's main class folders merged into one jar; its jars named by the manifest. */
  private static void writeJar(Path target) throws IOException {
    List<String> jars = new ArrayList<>();
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (Files.isDirectory(p)) {
        if (p.endsWith("test-classes") || p.toString().contains("ctdc-testkit")) {
          continue;
        }
        try (Stream<Path> files = Files.walk(p)) {
          for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
            String name = p.relativize(f).toString().replace(File.separatorChar, '/');
            if (name.endsWith("module-info.class") || name.equals("META-INF/MANIFEST.MF")) {
              continue;
            }
            byte[] bytes = Files.readAllBytes(f);
            if (name.startsWith("META-INF/services/") && entries.containsKey(name)) {
              byte[] before = entries.get(name);
              byte[] both = new byte[before.length + 1 + bytes.length];
              System.arraycopy(before, 0, both, 0, before.length);
              both[before.length] = '\n';
              System.arraycopy(bytes, 0, both, before.length + 1, bytes.length);
              bytes = both;
            } else if (entries.containsKey(name)) {
              continue;
            }
            entries.put(name, bytes);
          }
        }
      } else if (entry.endsWith(".jar") && !entry.contains("junit") && !entry.contains("opentest4j")) {
        jars.add(p.toAbsolutePath().toUri().toString());
      }
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.ctdc.cli.Main");
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", jars));
    try (OutputStream o = Files.newOutputStream(target); JarOutputStream j = new JarOutputStream(o, manifest)) {
      Set<String> folders = new HashSet<>();
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        String name = e.getKey();
        for (int i = name.indexOf('/'); i > 0; i = name.indexOf('/', i + 1)) {
          if (folders.add(name.substring(0, i + 1))) {
            j.putNextEntry(new JarEntry(name.substring(0, i + 1)));
            j.closeEntry();
          }
        }
        j.putNextEntry(new JarEntry(name));
        j.write(e.getValue());
        j.closeEntry();
      }
    }
  }

  private static Ran run(Map<String, String> env, String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().remove("CTDC_CDS");
    pb.environment().remove("JAVA_OPTS");
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().putAll(env);
    Process p = pb.start();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread drain = new Thread(() -> {
      try {
        p.getErrorStream().transferTo(err);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    drain.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = p.waitFor();
    drain.join();
    return new Ran(code, out, err.toString(StandardCharsets.UTF_8));
  }

  private static Ran launcher(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("/bin/sh", script.toString()));
    command.addAll(List.of(args));
    return run(env, command.toArray(String[]::new));
  }

  private static Ran javaJar(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
    command.addAll(List.of(args));
    return run(Map.of(), command.toArray(String[]::new));
  }

  /** Whether a run loaded ctdc's main class from the archive, by the JVM's class-loading log. */
  private static boolean mainFromArchive(Map<String, String> env) throws Exception {
    Path log = Files.createTempFile(dir, "classes", ".log");
    Map<String, String> all = new LinkedHashMap<>(env);
    all.put("JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
    Ran r = launcher(all, "--version");
    assertEquals(0, r.code(), r.err());
    try (Stream<String> lines = Files.lines(log)) {
      return lines.anyMatch(l -> l.contains("org.ctdc.cli.Main ") && l.contains("shared objects file"));
    }
  }

  @Test
  @Order(1)
  void issue19_withoutAnArchiveTheLauncherIsJavaJar() throws Exception {
    assertFalse(Files.exists(dir.resolve("ctdc.jsa")));
    for (String[] args : List.of(new String[] {"--version"}, new String[] {"--help"},
        new String[] {"no-such-command"}, new String[] {"deid", "--in"})) {
      Ran viaScript = launcher(Map.of(), args);
      Ran viaJava = javaJar(args);
      assertEquals(viaJava, viaScript, String.join(" ", args));
    }
    assertEquals(Main.USAGE, launcher(Map.of(), "no-such-command").code(), "the exit code is ctdc's");
    assertFalse(mainFromArchive(Map.of()));
  }

  @Test
  @Order(2)
  void issue19_anArchiveBuiltForThisJarAndJavaIsUsedAndChangesNothing() throws Exception {
    Ran build = launcher(Map.of("CTDC_CDS", "build"));
    assertEquals(new Ran(0, "", ""), build, "building prints nothing");
    assertTrue(Files.isRegularFile(dir.resolve("ctdc.jsa")), "the archive is built");
    String key = Files.readString(dir.resolve("ctdc.jsa.key"));
    assertTrue(key.startsWith("jar=" + jar.toRealPath() + "\n") || key.startsWith("jar=" + jar + "\n"), key);
    assertTrue(key.contains("java.home=") && key.contains("JAVA_RUNTIME_VERSION="), key);
    assertTrue(mainFromArchive(Map.of()), "the archive is mapped");
    assertEquals(javaJar("--version"), launcher(Map.of(), "--version"), "the same run, only faster");
    assertEquals(javaJar("no-such-command"), launcher(Map.of(), "no-such-command"));
    assertFalse(mainFromArchive(Map.of("CTDC_CDS", "off")), "CTDC_CDS=off never uses it");
  }

  @Test
  @Order(3)
  void issue19_anArchiveThatNoLongerMatchesIsIgnoredSilently() throws Exception {
    assumeTrue(Files.isRegularFile(dir.resolve("ctdc.jsa")), "built by the test before");
    Path keyFile = dir.resolve("ctdc.jsa.key");
    String key = Files.readString(keyFile);
    // another Java (the key's version differs)
    Files.writeString(keyFile, key.replace("JAVA_RUNTIME_VERSION=", "JAVA_RUNTIME_VERSION=0"));
    assertFalse(mainFromArchive(Map.of()), "an archive of another Java is not used");
    assertEquals(javaJar("--version"), launcher(Map.of(), "--version"), "and the run is the same, silently");
    Files.writeString(keyFile, key);
    assertTrue(mainFromArchive(Map.of()));
    // a jar newer than its archive (rebuilt or replaced)
    FileTime archived = Files.getLastModifiedTime(dir.resolve("ctdc.jsa"));
    Files.setLastModifiedTime(jar, FileTime.fromMillis(archived.toMillis() + 60_000));
    assertFalse(mainFromArchive(Map.of()), "an archive older than the jar is not used");
    assertEquals(javaJar("--version"), launcher(Map.of(), "--version"));
  }
}
