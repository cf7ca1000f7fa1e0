package org.ctdc.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The child process of {@link Issue14SignalEndToEndTest}: {@link Main#main} with a commit hook that, at one step
 * of the commit, creates a marker file and waits until the test's signal has been handled
 * ({@link Main.Stop#RECEIVED}, counted after the cancellation is raised or, after the decision to commit,
 * ignored), so that the signal lands exactly at that step.
 *
 * <p>Arguments: the step, the number of files moved at that step, the marker file, then the command line.
 */
final class Issue14SignalMain {
  private Issue14SignalMain() {}

  public static void main(String[] args) {
    Outputs.Step at = Outputs.Step.valueOf(args[0]);
    int moved = Integer.parseInt(args[1]);
    Path marker = Path.of(args[2]);
    Outputs.hook = (step, n, cancellation) -> {
      if (step != at || n != moved) {
        return;
      }
      try {
        Files.writeString(marker, "ready");
        long deadline = System.nanoTime() + 120_000_000_000L;
        // before the decision to commit the signal raises the cancellation; after it, it is only counted
        while (Main.Stop.RECEIVED.get() == 0 && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
    Main.main(Arrays.copyOfRange(args, 3, args.length));
  }
}
