package org.ctdc.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.Reader;
import java.util.Arrays;
import java.util.List;
import org.ctdc.core.Aligner;
import org.ctdc.core.AlignmentMode;
import org.ctdc.core.AlignmentReport;
import org.ctdc.core.AlignmentResult;
import org.ctdc.core.AlignmentSpec;
import org.ctdc.core.Specs;
import org.ctdc.samples.PartnerSamples;
import org.ctdc.samples.PartnerSamples.Profile;
import org.ctdc.schema.CtdcException;
import org.ctdc.schema.InputStoppedException;
import org.ctdc.schema.internal.Utf8Input;
import org.ctdc.testkit.FuzzAssertions;

/**
 * Fuzzes the Aligner's partner inputs, CSV and JSON Lines, under the bundled hotline and case-management
 * specs. The first byte of an input picks the spec (even: hotline, odd: case management); the rest is the
 * file. Each input is aligned in lenient and in strict mode. In a plain build these run over the committed
 * corpus in {@code src/test/resources/org/ctdc/core/fuzz/AlignerInputFuzzTestInputs/}; with
 * {@code JAZZER_FUZZ=1} they fuzz (see {@code docs/fuzzing.md}).
 *
 * <p>The property: every input either aligns, with rows read = rows aligned + rows rejected and as many
 * dataset rows as aligned rows, or throws a {@link CtdcException} whose message names the file and quotes
 * none of it. A file that cannot be read to its end throws {@link InputStoppedException}, whose counts cover
 * the rows before the stop (read = aligned + rejected, the stop at the next row). Both modes agree: strict
 * mode stops at the first reject, so it rejects at most one row, and its aligned rows are the lenient run's
 * rows before its first reject; when both stop at a fault they stop at the same row. Inputs are decoded as
 * files are ({@code Utf8Input}: strict, lazy UTF-8). Any other throwable is a finding.
 */
class AlignerInputFuzzTest {

  static final String FILE = "partner-fuzz";
  private static final List<Aligner> LENIENT =
      Arrays.stream(Profile.values()).map(p -> Aligner.of(Specs.load(p.specName()))).toList();
  private static final List<Aligner> STRICT =
      Arrays.stream(Profile.values()).map(p -> strict(Specs.load(p.specName()))).toList();

  /** The columns the specs read, which a message about a header may list. */
  private static final List<String> SPEC_COLUMNS =
      Arrays.stream(Profile.values()).flatMap(p -> PartnerSamples.header(p).stream()).toList();

  private interface Input {
    AlignmentResult align(Aligner a, Reader in);
  }

  @FuzzTest(maxDuration = "2m")
  void csv(byte[] data) {
    check(data, (a, in) -> a.alignCsv(in, FILE));
  }

  @FuzzTest(maxDuration = "2m")
  void jsonLines(byte[] data) {
    check(data, (a, in) -> a.alignJsonLines(in, FILE));
  }

  private static void check(byte[] data, Input input) {
    if (data.length == 0) {
      return;
    }
    int p = (data[0] & 1);
    byte[] content = Arrays.copyOfRange(data, 1, data.length);
    CtdcException[] faults = new CtdcException[2];
    AlignmentReport lenient = run(LENIENT.get(p), content, input, faults, 0);
    AlignmentReport strict = run(STRICT.get(p), content, input, faults, 1);
    if (faults[0] instanceof InputStoppedException l && faults[1] instanceof InputStoppedException s) {
      // strict mode met no reject before the fault, so neither did lenient mode
      assertEquals(l.row(), s.row(), "both modes stop at the same row");
      assertEquals(0, s.rowsRejected());
      assertEquals(0, l.rowsRejected());
      assertEquals(l.rowsAccepted(), s.rowsAccepted());
    }
    if (strict == null) {
      // strict mode reads no further than lenient mode, so lenient mode meets the same fault
      assertTrue(lenient == null, "a file strict mode rejects as a whole is rejected by lenient mode too");
      return;
    }
    if (lenient == null) {
      // lenient mode read further and met a fault (invalid UTF-8, an over-long field) past strict's stop
      assertTrue(strict.stoppedEarly() && strict.rowsRejected() == 1,
          "strict mode accepts a file lenient mode rejects only by stopping before the fault");
      return;
    }
    assertFalse(lenient.stoppedEarly() && lenient.rowsRejected() == 0, "a run stops only at a reject");
    assertTrue(strict.rowsRejected() <= 1, "strict mode stops at the first reject");
    if (lenient.rowsRejected() == 0) {
      assertEquals(0, strict.rowsRejected(), "strict rejects only what lenient rejects");
      assertEquals(lenient.rowsAligned(), strict.rowsAligned(), "without rejects both modes align the same");
      assertFalse(strict.stoppedEarly());
    } else {
      assertEquals(1, strict.rowsRejected(), "strict mode rejects the first row lenient mode rejects");
      assertTrue(strict.stoppedEarly());
      long firstReject =
          lenient.rejects().stream().flatMap(g -> g.rows().stream()).mapToLong(Long::longValue).min()
              .orElseThrow();
      assertEquals(firstReject, strict.rowsRead(), "strict mode stops at the first rejected row");
      assertEquals(firstReject - 1, strict.rowsAligned(), "strict mode aligns the rows before it");
    }
  }

  /** Aligns the bytes; returns the report, or null (the fault in {@code faults[i]}) when the file failed. */
  private static AlignmentReport run(Aligner aligner, byte[] content, Input input, CtdcException[] faults, int i) {
    AlignmentResult r;
    try {
      r = input.align(aligner, utf8(content));
    } catch (CtdcException e) {
      FuzzAssertions.assertLocatedWithoutEcho(e, CtdcException.class, FILE, content, SPEC_COLUMNS);
      if (e instanceof InputStoppedException s) {
        assertEquals(s.rowsRead(), s.rowsAccepted() + s.rowsRejected(), "read = aligned + rejected before the stop");
        assertTrue(s.row() > s.rowsRead(), "the stop is after the rows read");
        assertTrue(s.getMessage().contains("row " + s.row() + " and the rest of the file not read"), s::getMessage);
      }
      faults[i] = e;
      return null;
    }
    AlignmentReport rep = r.report();
    assertEquals(rep.rowsRead(), rep.rowsAligned() + rep.rowsRejected(), "rows read = aligned + rejected");
    assertEquals(rep.rowsAligned(), r.dataset().rowCount(), "dataset rows = aligned rows");
    long grouped = rep.rejects().stream().mapToLong(AlignmentReport.RejectGroup::count).sum();
    assertEquals(rep.rowsRejected(), grouped, "every rejected row is in one reject group");
    for (AlignmentReport.RejectGroup g : rep.rejects()) {
      for (long row : g.rows()) {
        assertTrue(row >= 1 && row <= rep.rowsRead(), "rejected row number within the rows read");
      }
    }
    assertFalse(rep.toJson().isEmpty());
    return rep;
  }

  private static Aligner strict(AlignmentSpec spec) {
    return Aligner.builder(spec).mode(AlignmentMode.STRICT).build();
  }

  /** Strict, lazy UTF-8 decoding, as reading a file does: malformed bytes are an error at their own row. */
  static Reader utf8(byte[] content) {
    return Utf8Input.of(new ByteArrayInputStream(content));
  }
}
