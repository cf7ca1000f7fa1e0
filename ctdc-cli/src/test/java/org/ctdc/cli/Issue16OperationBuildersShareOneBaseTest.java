package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ctdc.schema.AbstractOperationBuilder;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.ProgressListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16: every long-running operation's builder extends {@link AbstractOperationBuilder} and keeps no copy
 * of the progress and cancellation settings (no field of their types, no setter of its own) between itself
 * and the base. (That the setters still return the operation's own builder is checked by each module's
 * tests, which chain {@code .progress(..).cancellation(..).build()} on it.)
 */
class Issue16OperationBuildersShareOneBaseTest {

  static Stream<Class<?>> builders() {
    return Stream.of(
        org.ctdc.core.Aligner.Builder.class,
        org.ctdc.deid.Deidentifier.Builder.class,
        org.ctdc.deid.transform.LocalSuppression.Builder.class,
        org.ctdc.deid.table.TableProtector.Builder.class,
        org.ctdc.deid.audit.TableAudit.Builder.class,
        org.ctdc.deid.table.TablesRun.Builder.class,
        org.ctdc.synth.Synthesizer.Builder.class,
        org.ctdc.link.Encoder.Builder.class,
        org.ctdc.link.Matcher.Builder.class);
  }

  @ParameterizedTest
  @MethodSource("builders")
  void issue16_theBuilderExtendsTheOneBaseAndHoldsNoCopyOfItsSettings(Class<?> builder) {
    assertTrue(AbstractOperationBuilder.class.isAssignableFrom(builder), builder + " extends the base");
    List<String> copies = new ArrayList<>();
    for (Class<?> c = builder; c != AbstractOperationBuilder.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.getType() == ProgressListener.class || f.getType() == Cancellation.class) {
          copies.add(c.getSimpleName() + "." + f.getName());
        }
      }
      for (Method m : c.getDeclaredMethods()) {
        boolean setter = m.getName().equals("progress") || m.getName().equals("cancellation");
        if (setter && !m.isBridge() && !m.isSynthetic()) {
          copies.add(c.getSimpleName() + "." + m.getName() + "()");
        }
      }
    }
    assertEquals(List.of(), copies, builder.getName());
  }
}
