package org.ctdc.portal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.ctdc.portal.internal.Metadata;
import org.ctdc.portal.internal.Model.DatasetEntry;
import org.ctdc.portal.internal.Model.Releases;
import org.ctdc.portal.internal.Model.TableEntry;
import org.ctdc.portal.internal.Pages;
import org.ctdc.portal.internal.ReleaseReader;
import org.ctdc.portal.internal.SiteInfo;
import org.ctdc.schema.AtomicFiles;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.OperationBuilder;
import org.ctdc.schema.OperationCancelledException;
import org.ctdc.schema.ProgressListener;
import org.ctdc.schema.internal.Shown;

/**
 * The open data publishing portal: turns release folders (the outputs of {@code ctdc deid}, {@code ctdc tables}
 * and {@code ctdc synth}) into a static site that any web server, object store or GitHub Pages can host: a home
 * page, a page per dataset (codebook from the schema, downloads, inline-SVG charts of the main distributions,
 * what the protection does and does not protect against, schema.org {@code Dataset} JSON-LD), a page per table
 * (suppressed and perturbed cells marked and explained), an about page, {@code datapackage.json} (a Frictionless
 * Data Package with a Table Schema per CSV) and the released files themselves under {@code data/}. No script, no
 * external style sheet, font or request; every text is escaped; the same releases give byte-identical sites.
 *
 * <pre>{@code
 * PortalSummary s = Portal.builder(Path.of("site")).title("CTDC open data")
 *     .release(Path.of("out/release")).release(Path.of("out/tables")).build().write();
 * }</pre>
 *
 * <p>The site is written all or nothing: into a hidden staging folder beside {@code SITE}
 * ({@code .SITE.ctdc-staging-DIGITS}), moved into place when complete. A {@code SITE} that exists and is not an
 * empty folder is refused. Charts and counts are computed from the released files only; reports beside a
 * release are read for parameters and rates (k, the suppression rate, epsilon), never copied.
 *
 * <p>Instances are immutable and thread-safe; {@link #write()} may be called from any thread (two calls writing
 * the same site at once are not supported). Progress stages: {@code reading} and {@code writing}, one report per
 * release folder and per page. The builder is not thread-safe.
 */
public final class Portal {
  /** The operation's name in a cancellation message. */
  public static final String OPERATION = "publishing";

  private final Path out;
  private final SiteInfo info;
  private final List<Path> releases;
  private final ProgressListener progress;
  private final Cancellation cancellation;

  private Portal(Builder b) {
    this.out = b.out;
    this.info = new SiteInfo(b.title, b.publisher, b.licenceId, b.licenceTitle, b.licenceUrl);
    this.releases = List.copyOf(b.releases);
    this.progress = b.progress;
    this.cancellation = b.cancellation;
  }

  /**
   * Starts a portal that writes its site into {@code out}.
   *
   * @param out the site folder: absent, or an empty folder
   * @return the builder
   * @throws NullPointerException if {@code out} is null
   */
  public static Builder builder(Path out) {
    return new Builder(Objects.requireNonNull(out, "out"));
  }

  /** @return the site folder */
  public Path out() {
    return out;
  }

  /** @return the release folders, in order */
  public List<Path> releases() {
    return releases;
  }

  /** @return the portal's title */
  public String title() {
    return info.title();
  }

  /**
   * Reads the release folders and writes the site, all or nothing.
   *
   * @return what was written
   * @throws PortalException if a release folder holds nothing publishable or a confidential file, a file breaks its
   *     format, or the site folder exists and is not empty
   * @throws org.ctdc.schema.CtdcException if a release file breaks its schema, or the site cannot be written (naming
   *     the file and the reason)
   * @throws org.ctdc.schema.OperationCancelledException if cancelled; nothing is then left
   */
  public PortalSummary write() {
    refuseExisting();
    progress.onProgress("reading", 0, releases.size());
    Releases r = ReleaseReader.read(releases, () -> cancellation.throwIfCancelled(OPERATION));
    progress.onProgress("reading", releases.size(), releases.size());
    Map<String, String> pages = new TreeMap<>();
    List<String> order = new ArrayList<>();
    put(pages, order, "index.html", Pages.home(info, r));
    for (DatasetEntry d : r.datasets()) {
      cancellation.throwIfCancelled(OPERATION);
      put(pages, order, "datasets/" + d.id() + ".html", Pages.dataset(info, d, Metadata.jsonLd(info, d)));
    }
    for (TableEntry t : r.tables()) {
      cancellation.throwIfCancelled(OPERATION);
      put(pages, order, "tables/" + t.id() + ".html", Pages.table(info, t));
    }
    put(pages, order, "about.html", Pages.about(info, r));
    pages.put("datapackage.json", Metadata.dataPackage(info, r));
    Map<String, Path> copies = new TreeMap<>();
    r.datasets().forEach(d -> d.files().forEach(f -> copies.put(f.sitePath(), f.source())));
    r.tables().forEach(t -> t.files().forEach(f -> copies.put(f.sitePath(), f.source())));
    Path parent = out.toAbsolutePath().normalize().getParent();
    if (parent == null) {
      throw new PortalException(Shown.file(out) + ": the site cannot be the root folder");
    }
    String base = Objects.requireNonNull(out.toAbsolutePath().normalize().getFileName()).toString();
    removeStale(parent, base);
    Path staging = parent.resolve("." + base + AtomicFiles.STAGING_PREFIX
        + Long.toUnsignedString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE));
    List<String> files = new ArrayList<>();
    try {
      int done = 0;
      for (Map.Entry<String, String> e : pages.entrySet()) {
        cancellation.throwIfCancelled(OPERATION);
        Path target = staging.resolve(e.getKey());
        mkdirs(Objects.requireNonNull(target.getParent()));
        write(target, e.getValue());
        files.add(e.getKey());
        progress.onProgress("writing", ++done, pages.size() + copies.size());
      }
      for (Map.Entry<String, Path> e : copies.entrySet()) {
        cancellation.throwIfCancelled(OPERATION);
        Path target = staging.resolve(e.getKey());
        mkdirs(Objects.requireNonNull(target.getParent()));
        copy(e.getValue(), target);
        files.add(e.getKey());
        progress.onProgress("writing", ++done, pages.size() + copies.size());
      }
      refuseExisting();
      if (!cancellation.commit()) {
        throw new OperationCancelledException(OPERATION);
      }
      if (Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
        Files.delete(out);
      }
      try {
        Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(staging, out);
      }
    } catch (IOException e) {
      deleteTree(staging);
      throw AtomicFiles.cannotWrite(out, e);
    } catch (RuntimeException e) {
      deleteTree(staging);
      throw e;
    }
    files.sort(null);
    return new PortalSummary(out, out.resolve("index.html"), order, files, r.datasets().size(), r.tables().size());
  }

  private static void put(Map<String, String> pages, List<String> order, String path, String page) {
    pages.put(path, page);
    order.add(path);
  }

  private void refuseExisting() {
    if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
      if (!Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
        throw new PortalException(Shown.file(out) + ": cannot be written: it exists and is not a folder");
      }
      try (DirectoryStream<Path> s = Files.newDirectoryStream(out)) {
        if (s.iterator().hasNext()) {
          throw new PortalException(Shown.file(out) + ": cannot be written: the folder is not empty (the site is"
              + " written into an absent or empty folder, never over another)");
        }
      } catch (IOException e) {
        throw AtomicFiles.cannotWrite(out, e);
      }
    }
  }

  /** Removes staging folders of this site left by a killed run: {@code .NAME.ctdc-staging-DIGITS}, folders only. */
  private static void removeStale(Path parent, String base) {
    String prefix = "." + base + AtomicFiles.STAGING_PREFIX;
    try (DirectoryStream<Path> s = Files.newDirectoryStream(parent)) {
      for (Path p : s) {
        Path name = p.getFileName();
        String n = name == null ? "" : name.toString();
        if (n.startsWith(prefix) && n.length() > prefix.length() && n.substring(prefix.length()).chars()
            .allMatch(Character::isDigit) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          deleteTree(p);
        }
      }
    } catch (IOException e) {
      // nothing to clean, or the folder cannot be listed: writing will say so
    }
  }

  private static void mkdirs(Path dir) throws IOException {
    Files.createDirectories(dir);
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static void copy(Path from, Path to) {
    try {
      Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
    } catch (IOException e) {
      throw AtomicFiles.cannotWrite(to, e);
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
          Files.delete(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      // best effort: a staging folder left behind is removed by the next run
    }
  }

  /**
   * Settings of a {@link Portal}, each checked when it is set. Not thread-safe.
   */
  public static final class Builder implements OperationBuilder<Builder> {
    private final Path out;
    private final List<Path> releases = new ArrayList<>();
    private String title = "CTDC open data";
    private String publisher = "Counter-Trafficking Data Collaborative";
    private String licenceId = "CC-BY-4.0";
    private String licenceTitle = "Creative Commons Attribution 4.0 International";
    private String licenceUrl = "https://creativecommons.org/licenses/by/4.0/";
    private ProgressListener progress = ProgressListener.none();
    private Cancellation cancellation = Cancellation.none();

    private Builder(Path out) {
      this.out = out;
    }

    /**
     * Sets the portal's title (default {@code CTDC open data}).
     *
     * @param title one line of text, at most 200 characters
     * @return this
     * @throws IllegalArgumentException if the title is blank, too long or holds a control character
     */
    public Builder title(String title) {
      this.title = line("title", title);
      return this;
    }

    /**
     * Sets who publishes the data (default {@code Counter-Trafficking Data Collaborative}).
     *
     * @param publisher one line of text, at most 200 characters
     * @return this
     * @throws IllegalArgumentException if blank, too long or holding a control character
     */
    public Builder publisher(String publisher) {
      this.publisher = line("publisher", publisher);
      return this;
    }

    /**
     * Sets the licence of the data (default CC-BY-4.0).
     *
     * @param id the licence's identifier (letters, digits, {@code . _ -}), such as {@code CC-BY-4.0}
     * @param title its name in words
     * @param url its address ({@code https://...})
     * @return this
     * @throws IllegalArgumentException if the identifier is not of that form, the title is blank or the address is
     *     not an {@code http(s)} address
     */
    public Builder licence(String id, String title, String url) {
      if (!Objects.requireNonNull(id, "id").matches("[-a-zA-Z0-9._]{1,64}")) {
        throw new IllegalArgumentException("licence: the identifier must be 1 to 64 letters, digits, '.', '_' or '-'");
      }
      String t = line("licence title", title);
      if (!Objects.requireNonNull(url, "url").matches("https?://[^\\s\"'<>]{1,500}")) {
        throw new IllegalArgumentException("licence: the address must be an http or https address");
      }
      this.licenceId = id;
      this.licenceTitle = t;
      this.licenceUrl = url;
      return this;
    }

    /**
     * Adds a release folder; folders are published in the order added.
     *
     * @param dir a folder holding the outputs of {@code ctdc deid}, {@code ctdc tables} or {@code ctdc synth}
     * @return this
     * @throws IllegalStateException if the folder was added already, or is the site folder or inside it
     */
    public Builder release(Path dir) {
      Path d = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
      Path o = out.toAbsolutePath().normalize();
      if (d.startsWith(o)) {
        throw new IllegalStateException("release: the release folder is the site folder (out) or inside it");
      }
      for (Path r : releases) {
        if (r.toAbsolutePath().normalize().equals(d)) {
          throw new IllegalStateException("release: the same release folder is added twice");
        }
      }
      if (o.startsWith(d)) {
        // a site inside a release folder would publish itself on the next run; refuse it too
        throw new IllegalStateException("release: the site folder (out) is inside a release folder");
      }
      releases.add(dir);
      return this;
    }

    @Override
    public Builder progress(ProgressListener listener) {
      this.progress = Objects.requireNonNull(listener, "listener");
      return this;
    }

    @Override
    public Builder cancellation(Cancellation signal) {
      this.cancellation = Objects.requireNonNull(signal, "signal");
      return this;
    }

    /**
     * Makes the portal.
     *
     * @return the portal
     * @throws IllegalStateException if no release folder was added
     */
    public Portal build() {
      if (releases.isEmpty()) {
        throw new IllegalStateException("release: at least one release folder is needed");
      }
      return new Portal(this);
    }

    private static String line(String setting, String value) {
      Objects.requireNonNull(value, setting);
      if (value.isBlank() || value.length() > 200 || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        throw new IllegalArgumentException(setting + ": one line of 1 to 200 characters, without control characters");
      }
      return value.strip();
    }
  }
}
