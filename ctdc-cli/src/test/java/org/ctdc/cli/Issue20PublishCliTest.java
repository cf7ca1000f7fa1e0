package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20: {@code ctdc publish} on a release folder holding one small published table (written here in the
 * shared table format): the site is written and named, a usage mistake exits 2, a non-empty site folder and a
 * confidential levels file exit 1 with one line naming the file, never a stack trace.
 */
class Issue20PublishCliTest {

  private static Path tables(Path dir) throws Exception {
    Path t = dir.resolve("tables");
    Files.createDirectories(t);
    Files.writeString(t.resolve("by-gender.table.json"), """
        {"tableFormat": 1, "name": "by-gender", "dimensions": [
          {"name": "gender", "total": "Total", "hierarchy": {"Total": ["Female", "Male", "Other"]}}]}
        """);
    Files.writeString(t.resolve("by-gender.csv"), """
        gender,value,status
        Total,40,publishable
        Female,,primary
        Male,,secondary
        Other,,primary
        """);
    return t;
  }

  @Test
  void issue20_publishWritesTheSiteAndNamesItsHomePage(@TempDir Path dir) throws Exception {
    Path site = dir.resolve("site");
    CliTest.Run r = CliTest.run("publish", "--release", tables(dir).toString(), "--out", site.toString(),
        "--title", "Tables <b>& co</b>");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("1 tables") && r.out().contains(site.toAbsolutePath().resolve("index.html").toString()),
        r.out());
    String page = Files.readString(site.resolve("tables/by-gender.html"));
    assertTrue(page.contains("Tables &lt;b&gt;&amp; co&lt;/b&gt;"), "the title is escaped");
    assertTrue(page.contains("(p)") && page.contains("(s)"), "suppressed cells are marked");
    assertTrue(Files.isRegularFile(site.resolve("datapackage.json")));
    assertTrue(Files.isRegularFile(site.resolve("data/tables/by-gender.csv")));
  }

  @Test
  void issue20_publishRefusesANonEmptySiteAndAConfidentialFileWithoutAStackTrace(@TempDir Path dir)
      throws Exception {
    Path t = tables(dir);
    Path site = dir.resolve("site");
    Files.createDirectories(site);
    Files.writeString(site.resolve("other.html"), "x");
    CliTest.Run r = CliTest.run("publish", "--release", t.toString(), "--out", site.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("site") && r.err().contains("not empty"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    assertEquals("x", Files.readString(site.resolve("other.html")));

    Files.writeString(t.resolve("earnings.levels.json"), "{}");
    Path out = dir.resolve("out");
    r = CliTest.run("publish", "--release", t.toString(), "--out", out.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("earnings.levels.json") && r.err().contains("confidential"), r.err());
    assertFalse(Files.exists(out), "nothing written");
  }

  @Test
  void issue20_publishUsageMistakesExitTwo(@TempDir Path dir) throws Exception {
    Path t = tables(dir);
    assertEquals(2, CliTest.run("publish", "--release", t.toString()).code(), "no --out");
    assertEquals(2, CliTest.run("publish", "--out", dir.resolve("s").toString()).code(), "no --release");
    CliTest.Run r = CliTest.run("publish", "--release", t.toString(), "--release", t.toString(), "--out",
        dir.resolve("s").toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("twice"), r.err());
    assertEquals(2, CliTest.run("publish", "--release", t.toString(), "--out", dir.resolve("s").toString(),
        "--title", " ").code(), "a blank title");
    assertFalse(Files.exists(dir.resolve("s")));
  }
}
