package org.ctdc.portal;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Portal#write()} wrote. Immutable and thread-safe.
 *
 * @param site the site folder
 * @param home the home page ({@code SITE/index.html})
 * @param pages the pages written, relative to the site, with {@code /}, in order
 * @param files every file written (pages, metadata and copied release files), relative to the site, sorted
 * @param datasets the number of dataset pages
 * @param tables the number of table pages
 */
public record PortalSummary(Path site, Path home, List<String> pages, List<String> files, int datasets, int tables) {
  /** Copies the lists. */
  public PortalSummary {
    pages = List.copyOf(pages);
    files = List.copyOf(files);
  }
}
