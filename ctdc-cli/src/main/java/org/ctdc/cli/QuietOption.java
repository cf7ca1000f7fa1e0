package org.ctdc.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --quiet} ({@code -q}) option of every command that prints a report ({@code validate}, {@code align},
 * {@code audit}, {@code deid}, {@code synth}, {@code verify}, {@code risk}, {@code tables}, {@code demo}, {@code link}, {@code merge}): the command prints
 * only its summary line on standard output and draws no progress bar; errors and warnings still go to standard
 * error, and the outputs written are the same. Part of {@link FileCommand}, the mixin of those commands. Not
 * thread-safe.
 */
final class QuietOption {
  @Option(names = {"--quiet", "-q"},
      description = "Print only the summary line and draw no progress bar (errors still go to standard error).")
  boolean on;
}
