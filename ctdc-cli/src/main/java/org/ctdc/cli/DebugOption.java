package org.ctdc.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --debug} option every command accepts (read by {@link Main}); the file commands take it from
 * {@link FileCommand}. Not thread-safe.
 */
final class DebugOption {
  @Option(names = "--debug", description = "Print the stack trace of an error.")
  boolean debug;
}
