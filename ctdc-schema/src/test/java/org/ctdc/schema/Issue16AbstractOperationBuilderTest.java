package org.ctdc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Issue 16: the one base of every operation builder holds, checks and hands over progress and cancellation. */
class Issue16AbstractOperationBuilderTest {

  /** The smallest operation builder: one setting of its own. */
  static final class Op extends AbstractOperationBuilder<Op> {
    int size = 1;

    Op size(int n) {
      size = n;
      return this;
    }
  }

  @Test
  void issue16_defaultsAreNoneAndTheSettersChainWithTheSubclassType() {
    Op b = new Op();
    assertSame(ProgressListener.none(), b.progressListener());
    assertSame(Cancellation.none(), b.cancellationSignal());
    ProgressListener listener = (stage, done, total) -> {};
    Cancellation signal = Cancellation.create();
    // each setter returns the subclass, so its own setters follow without a cast
    Op same = b.progress(listener).cancellation(signal).size(3);
    assertSame(b, same);
    assertSame(listener, b.progressListener());
    assertSame(signal, b.cancellationSignal());
    assertEquals(3, b.size);
  }

  @Test
  void issue16_nullIsRefusedAtTheSetterAndTheEarlierSettingKept() {
    Op b = new Op();
    ProgressListener listener = (stage, done, total) -> {};
    b.progress(listener);
    assertEquals("listener", assertThrows(NullPointerException.class, () -> b.progress(null)).getMessage());
    assertEquals("signal", assertThrows(NullPointerException.class, () -> b.cancellation(null)).getMessage());
    assertSame(listener, b.progressListener());
    assertSame(Cancellation.none(), b.cancellationSignal());
  }
}
