package org.ctdc.cli;

import org.ctdc.schema.Cancellation;
import picocli.CommandLine;

/**
 * A command, or a mixin of one, whose long operations watch a {@link Cancellation} signal: the file commands get
 * it through their {@link FileCommand} mixin. {@link Main} creates commands and their mixins through
 * {@link Factory}, which hands every such object the signal that its shutdown hook raises on Ctrl-C; a
 * cancelled command throws {@link org.ctdc.schema.OperationCancelledException}, leaves no output file, and
 * {@link Main} exits with {@link Main#CANCELLED}. Tests inject a raised signal the same way.
 */
interface CancellableCommand {

  /**
   * Sets the signal the command watches.
   *
   * @param signal the signal
   */
  void cancellation(Cancellation signal);

  /**
   * Creates commands and mixins with picocli's default factory and hands cancellable ones the signal.
   * Thread-safe.
   */
  final class Factory implements CommandLine.IFactory {
    private final Cancellation signal;

    Factory(Cancellation signal) {
      this.signal = signal;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      K k = CommandLine.defaultFactory().create(cls);
      if (k instanceof CancellableCommand c) {
        c.cancellation(signal);
      }
      return k;
    }
  }
}
