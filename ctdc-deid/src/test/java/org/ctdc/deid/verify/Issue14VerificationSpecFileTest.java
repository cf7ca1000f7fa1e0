package org.ctdc.deid.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ctdc.schema.CtdcException;
import org.ctdc.schema.internal.StrictTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 14: a verification spec is read by the library with the one strict reader set-up. A misspelt key
 * never lets a check pass (k silently 1, a suppression limit dropped), a duplicated key never takes the last
 * value, a spec without any privacy model is an error, and relative paths resolve against the spec's folder.
 */
class Issue14VerificationSpecFileTest {

  @TempDir Path dir;

  /** The hierarchy reader of the tests: ';'-separated rows; a missing file is the library's exception. */
  private static List<List<String>> rows(Path file) {
    try {
      List<List<String>> out = new ArrayList<>();
      for (String line : Files.readAllLines(file)) {
        out.add(List.of(line.split(";", -1)));
      }
      return out;
    } catch (IOException e) {
      throw new CtdcException(file + ": cannot read the hierarchy");
    }
  }

  private Path spec(String text) throws IOException {
    return Files.writeString(dir.resolve("VERIFY.yaml"), text);
  }

  private VerificationSpecFile read(String text) throws IOException {
    return VerificationSpecFile.read(spec(text), Issue14VerificationSpecFileTest::rows);
  }

  private String error(String text) throws IOException {
    Path f = spec(text);
    VerificationException e = assertThrows(VerificationException.class,
        () -> VerificationSpecFile.read(f, Issue14VerificationSpecFileTest::rows));
    assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
    return e.getMessage().substring(f.toString().length() + 2);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      capital K        | 'quasiIdentifiers: [age]\\nK: 1000\\n'                          | unknown key 'K' (known: delimiter, k, missing, missingAsWildcard, models, quasiIdentifiers, schema, suppressedRecordToken, suppression)
      kAnonymity       | 'quasiIdentifiers: [age]\\nkAnonymity: 5\\n'                    | unknown key 'kAnonymity' (known:
      misspelt limit   | 'quasiIdentifiers: [age]\\nk: 5\\nsuppression: {limt: 0.05, originalRows: 9}\\n' | suppression: unknown key 'limt' (known: limit, originalRows)
      misspelt block   | 'quasiIdentifiers: [age]\\nk: 5\\nsupression: {limit: 0.05, originalRows: 9}\\n' | unknown key 'supression' (known:
      misspelt model   | 'quasiIdentifiers: [age]\\nmodels:\\n  - {type: distinctL, sensitive: d, L: 2}\\n' | models[0]: unknown key 'L' (known: l, sensitive, type)
      misspelt qi      | 'quasiIdentifiers:\\n  - {name: age, hierachy: age.csv}\\nk: 2\\n' | quasiIdentifiers[0]: unknown key 'hierachy' (known: hierarchy, name)
      duplicated k     | 'quasiIdentifiers: [age]\\nk: 1000\\nk: 1\\n'                   | line 3: the key 'k' appears twice in one mapping
      no model         | 'quasiIdentifiers: [age]\\nmissingAsWildcard: false\\n'         | the spec states no privacy model
      empty models     | 'quasiIdentifiers: [age]\\nmodels: []\\n'                       | the spec states no privacy model
      inferred and schema | 'schema: x.yaml\\nquasiIdentifiers: [age]\\nk: 2\\ndelimiter: ;\\n' | delimiter: is only for a release read without a schema
      """)
  void issue14_aMisspeltDuplicatedOrMissingKeyIsAnErrorNamingFilePathAndKey(String what, String text, String rule)
      throws IOException {
    String m = error(text.replace("\\n", "\n"));
    assertTrue(m.startsWith(rule), what + ": " + m);
  }

  @Test
  void issue14_aParseErrorOfTheSpecDoesNotQuoteIt() throws IOException {
    String m = error("quasiIdentifiers: [age]\nk: [secretToken\n");
    assertTrue(m.matches("line [0-9]+: not valid YAML"), m);
    assertFalse(m.contains("secret"), m);
  }

  @Test
  void issue14_relativePathsResolveAgainstTheSpecsFolder() throws IOException {
    Files.createDirectories(dir.resolve("h"));
    Files.writeString(dir.resolve("h/age.csv"), "34;<50;*\n66;>=50;*\n");
    Files.writeString(dir.resolve("h/disease.csv"), "flu;*\nhiv;*\n");
    VerificationSpecFile f = read("schema: s/release.yaml\nquasiIdentifiers:\n  - {name: age, hierarchy: h/age.csv}\n"
        + "models:\n  - {type: tClosenessHierarchical, sensitive: disease, t: 0.5, hierarchy: h/disease.csv}\n");
    assertEquals(List.of(List.of("34", "<50", "*"), List.of("66", ">=50", "*")), f.spec().hierarchy("age").orElseThrow());
    assertEquals(Optional.of(dir.toAbsolutePath().resolve("s/release.yaml").toString()), f.release().schema());
    // a bundled schema name stays a name
    assertEquals(Optional.of("ctdc-global-kanon@2020"),
        read("schema: ctdc-global-kanon@2020\nquasiIdentifiers: [age]\nk: 2\n").release().schema());
    // a missing hierarchy is named with the spec's path before the reader's own message
    String m = error("quasiIdentifiers:\n  - {name: age, hierarchy: nope/age.csv}\nk: 2\n");
    assertEquals("quasiIdentifiers[0].hierarchy: no such file 'age.csv' (relative names are read from the spec's folder)", m);
  }

  @Test
  void issue14_theInferredSettingsAreRead() throws IOException {
    VerificationSpecFile f = read("quasiIdentifiers: [age]\nk: 3\ndelimiter: ';'\nmissing: ['', NA]\n"
        + "suppressedRecordToken: '*'\n");
    assertEquals(';', f.release().delimiter());
    assertEquals(List.of("", "NA"), f.release().missingTokens());
    assertEquals(Optional.of("*"), f.release().suppressedRecordToken());
    assertEquals(3, f.spec().k());
  }

  @Test
  void issue14_aWrittenSpecReadsBackEqual() throws IOException {
    VerificationSpec spec = VerificationSpec.builder()
        .quasiIdentifiers(List.of("age", "zip code", "sex"))
        .hierarchy("age", List.of(List.of("34", "<50", "*"), List.of("66", ">=50", "*")))
        .hierarchy("zip code", List.of(List.of("81;67", "81*", "*"), List.of("\"8\"", "81*", "*")))
        .k(11)
        .distinctL("disease", 2)
        .tClosenessEqual("salary", 0.2)
        .tClosenessReference("salary", Map.of("<=50K", 3L, ">50K", 1L))
        .suppressionLimit(0.05, 1234)
        .missingAsWildcard(true)
        .build();
    VerificationSpecFile file = new VerificationSpecFile(spec, VerificationSpecFile.ReleaseReading.inferred(';', List.of("", "NA")));
    Map<String, String> files = file.files("v.yaml", "v-hierarchies");
    assertEquals(List.of("v-hierarchies/age.csv", "v-hierarchies/zip_code.csv", "v.yaml"), List.copyOf(files.keySet()));
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path p = dir.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, e.getValue());
    }
    VerificationSpecFile back = VerificationSpecFile.read(dir.resolve("v.yaml"), ArxRows::read);
    assertEquals(spec.quasiIdentifiers(), back.spec().quasiIdentifiers());
    assertEquals(spec.hierarchy("zip code"), back.spec().hierarchy("zip code"));
    assertEquals(spec.hierarchy("age"), back.spec().hierarchy("age"));
    assertTrue(back.spec().hierarchy("sex").isEmpty());
    assertEquals(11, back.spec().k());
    assertEquals(spec.criteria(), back.spec().criteria());
    assertEquals(spec.tClosenessReference("salary"), back.spec().tClosenessReference("salary"));
    assertEquals(spec.suppressionShare(), back.spec().suppressionShare());
    assertEquals(spec.originalRows(), back.spec().originalRows());
    assertTrue(back.spec().missingAsWildcard());
    assertEquals(file.release(), back.release());
  }

  @Test
  void issue14_aSpecWithAHugeCommentIsReadQuicklyAndOneOverTheLimitIsRefused() throws IOException {
    String head = "quasiIdentifiers: [age]\nk: 2\n# ";
    Path near = Files.writeString(dir.resolve("near.yaml"), head + "c".repeat(StrictTree.MAX_FILE_BYTES - head.length() - 1) + "\n");
    VerificationSpecFile f = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> VerificationSpecFile.read(near, Issue14VerificationSpecFileTest::rows));
    assertEquals(2, f.spec().k());
    Path over = Files.writeString(dir.resolve("over.yaml"), head + "c".repeat(StrictTree.MAX_FILE_BYTES) + "\n");
    VerificationException e = assertThrows(VerificationException.class,
        () -> VerificationSpecFile.read(over, Issue14VerificationSpecFileTest::rows));
    assertEquals(over + ": the file is larger than " + StrictTree.MAX_FILE_BYTES + " bytes (limit)", e.getMessage());
  }
}
