package org.ctdc.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ctdc.portal.Portal;
import org.ctdc.portal.PortalSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ctdc publish}: the open data publishing portal, a static site made from release folders
 * ({@link Portal}; docs/portal.md). Written all or nothing; Ctrl-C before the site is moved into place leaves
 * nothing. Not thread-safe.
 */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = {
      "Publish release folders as a static, self-contained data portal.",
      "Writes SITE/index.html, a page per dataset (codebook, downloads, charts, what the protection does and does"
          + " not protect against, schema.org JSON-LD) and per table, SITE/about.html, SITE/datapackage.json"
          + " (Frictionless Data Package) and the released files under SITE/data/ (docs/portal.md).",
      "SITE must be absent or an empty folder. No script, no external request; the same releases give the same bytes.",
      "Exit code 0 on success, 1 when a release folder holds nothing publishable, a confidential file or a file that"
          + " breaks its format, or the site cannot be written, 2 on a usage error."
    })
final class PublishCommand implements Callable<Integer> {
  @Mixin FileCommand files;

  @Option(names = "--release", required = true, arity = "1..*", paramLabel = "DIR",
      description = "A release folder; give several, in the order they are listed.")
  List<Path> releases;

  @Option(names = "--out", required = true, paramLabel = "SITE", description = "The site folder (absent or empty).")
  Path out;

  @Option(names = "--title", paramLabel = "TEXT", description = "The portal's title (default: CTDC open data).")
  String title;

  @Option(names = "--publisher", paramLabel = "TEXT",
      description = "Who publishes the data (default: Counter-Trafficking Data Collaborative).")
  String publisher;

  @Override
  public Integer call() {
    Portal portal;
    try {
      Portal.Builder b = Portal.builder(out).cancellation(files.cancellation());
      if (title != null) {
        b.title(title);
      }
      if (publisher != null) {
        b.publisher(publisher);
      }
      releases.forEach(b::release);
      portal = b.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw files.usage(e.getMessage());
    }
    PortalSummary s;
    try (Progress progress = files.progress("publishing")) {
      s = portal.write();
      progress.done();
    } catch (RuntimeException e) {
      throw files.failed(List.of(out), e);
    }
    files.report(List.of(), "Wrote " + s.files().size() + " files (" + s.datasets() + " datasets, " + s.tables()
        + " tables) to " + out.toAbsolutePath().normalize() + " (open " + s.home().toAbsolutePath().normalize() + ")");
    return Main.OK;
  }

  /** The folders of {@code ctdc demo} that the portal publishes, in order. */
  static final List<String> DEMO_RELEASES = List.of("release", "tables", "synthetic");

  /**
   * The demo's last step: publishes {@code DIR/release}, {@code DIR/tables} and {@code DIR/synthetic} into
   * {@code DIR/portal}, replacing the portal of an earlier demo run (a folder holding {@code index.html} and
   * {@code datapackage.json}); any other non-empty {@code DIR/portal} is refused.
   *
   * @param dir the demo's output folder
   * @param cancellation the run's signal
   * @return what was written
   */
  static PortalSummary demo(Path dir, org.ctdc.schema.Cancellation cancellation) {
    Path site = dir.resolve("portal");
    if (java.nio.file.Files.isRegularFile(site.resolve("index.html"))
        && java.nio.file.Files.isRegularFile(site.resolve("datapackage.json"))) {
      Outputs.deleteQuietly(site);
    }
    Portal.Builder b = Portal.builder(site).cancellation(cancellation).title("CTDC open data (demo)");
    DEMO_RELEASES.forEach(r -> b.release(dir.resolve(r)));
    return b.build().write();
  }
}
