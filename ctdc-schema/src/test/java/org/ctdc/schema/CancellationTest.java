package org.ctdc.schema;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class CancellationTest {

  @Test
  void aNewSignalIsNotRaisedUntilCancelled() {
    Cancellation c = Cancellation.create();
    assertFalse(c.isCancelled());
    assertDoesNotThrow(() -> c.throwIfCancelled("alignment"));
    c.cancel();
    c.cancel();
    assertTrue(c.isCancelled());
    OperationCancelledException e =
        assertThrows(OperationCancelledException.class, () -> c.throwIfCancelled("alignment"));
    assertEquals("alignment", e.operation());
    assertEquals("alignment cancelled", e.getMessage());
    assertTrue(e instanceof CtdcException);
  }

  @Test
  void theNoneSignalCanNeverBeRaised() {
    Cancellation none = Cancellation.none();
    assertThrows(UnsupportedOperationException.class, none::cancel);
    assertFalse(none.isCancelled());
    assertDoesNotThrow(() -> none.throwIfCancelled("search"));
  }

  @Test
  void aCancelFromAnotherThreadIsSeen() throws InterruptedException {
    Cancellation c = Cancellation.create();
    CountDownLatch done = new CountDownLatch(1);
    Thread t = new Thread(() -> {
      c.cancel();
      done.countDown();
    });
    t.start();
    done.await();
    t.join();
    assertTrue(c.isCancelled());
  }

  @Test
  void theNoneListenerIgnoresReportsAndALambdaReceivesThem() {
    ProgressListener.none().onProgress("aligning", 1, -1);
    List<String> seen = new ArrayList<>();
    ProgressListener l = (stage, done, total) -> seen.add(stage + ":" + done + "/" + total);
    l.onProgress("searching", 3, 10);
    assertEquals(List.of("searching:3/10"), seen);
  }
}
