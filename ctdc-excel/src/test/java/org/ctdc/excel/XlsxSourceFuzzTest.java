package org.ctdc.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.ctdc.core.Aligner;
import org.ctdc.core.AlignmentReport;
import org.ctdc.core.AlignmentResult;
import org.ctdc.core.Specs;
import org.ctdc.samples.PartnerSamples;
import org.ctdc.samples.PartnerSamples.Profile;
import org.ctdc.schema.CtdcException;
import org.ctdc.schema.InputStoppedException;
import org.ctdc.testkit.FuzzAssertions;

/**
 * Fuzzes the workbook reader ({@link XlsxSource}) as the Aligner's input, under the bundled hotline and
 * case-management specs. The first byte of an input picks the spec (bit 0: even hotline, odd case management)
 * and the limits (bit 1: the defaults, or small ones: 64 KiB file, 1 MiB per part, 200 rows, 40 columns, 300
 * characters a cell); the rest is:
 *
 * <ul>
 *   <li>{@code workbook}: the {@code .xlsx} file itself (a zip; the corpus holds small workbooks POI wrote);
 *   <li>{@code sheetParts}: the XML of the parts the reader parses, separated by a line {@code ====}: the
 *       worksheet, then (optionally) the shared strings and the styles, which the test zips into a workbook
 *       with fixed content types, relationships and a workbook part naming one sheet {@code Sheet1}, so the
 *       fuzzer works on the XML rather than on the zip's checksums.
 * </ul>
 *
 * <p>The property, as for the CSV reader's target: every input either aligns, with rows read = rows aligned +
 * rows rejected and as many dataset rows as aligned rows, or throws a {@link CtdcException} whose message
 * starts with the file's name and quotes no run of 32 characters of the input (the columns the specs read
 * excepted); a workbook that cannot be read to its end throws {@link InputStoppedException}, whose counts
 * cover the rows before the stop. Any other throwable (a POI or XML parser exception, an index error, an
 * {@code OutOfMemoryError}) is a finding. In a plain build these run over the committed corpus in
 * {@code src/test/resources/org/ctdc/excel/XlsxSourceFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} they fuzz
 * (see {@code docs/fuzzing.md}).
 */
class XlsxSourceFuzzTest {

  static final String FILE = "partner-fuzz.xlsx";
  private static final List<Aligner> ALIGNERS =
      Arrays.stream(Profile.values()).map(p -> Aligner.of(Specs.load(p.specName()))).toList();
  private static final List<String> SPEC_COLUMNS =
      Arrays.stream(Profile.values()).flatMap(p -> PartnerSamples.header(p).stream()).toList();
  private static final byte[] SEPARATOR = "\n====\n".getBytes(StandardCharsets.US_ASCII);

  private static final Path DIR;

  static {
    try {
      DIR = Files.createTempDirectory("xlsx-fuzz");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "2m")
  void workbook(byte[] data) throws IOException {
    if (data.length == 0) {
      return;
    }
    check(data[0], Arrays.copyOfRange(data, 1, data.length), Arrays.copyOfRange(data, 1, data.length));
  }

  @FuzzTest(maxDuration = "2m")
  void sheetParts(byte[] data) throws IOException {
    if (data.length == 0) {
      return;
    }
    byte[] xml = Arrays.copyOfRange(data, 1, data.length);
    check(data[0], zip(split(xml)), xml);
  }

  private static void check(byte first, byte[] file, byte[] input) throws IOException {
    Path x = Files.write(DIR.resolve(FILE), file);
    XlsxSource.Builder b = XlsxSource.builder(x);
    if ((first & 2) != 0) {
      b.maxFileBytes(64 << 10).maxEntryBytes(1 << 20).maxRows(200).maxColumns(40).maxCellLength(300);
    }
    AlignmentResult r;
    try {
      r = ALIGNERS.get(first & 1).align(b.build());
    } catch (CtdcException e) {
      FuzzAssertions.assertLocatedWithoutEcho(e, CtdcException.class, FILE, input, SPEC_COLUMNS);
      if (e instanceof InputStoppedException s) {
        assertEquals(s.rowsRead(), s.rowsAccepted() + s.rowsRejected(), "read = aligned + rejected before the stop");
        assertTrue(s.row() > s.rowsRead(), "the stop is after the rows read");
      }
      return;
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
  }

  /** The parts of a {@code sheetParts} input: the worksheet, then the shared strings and the styles. */
  static List<byte[]> split(byte[] xml) {
    List<byte[]> parts = new ArrayList<>();
    int from = 0;
    for (int i = 0; i + SEPARATOR.length <= xml.length && parts.size() < 2; i++) {
      if (Arrays.equals(xml, i, i + SEPARATOR.length, SEPARATOR, 0, SEPARATOR.length)) {
        parts.add(Arrays.copyOfRange(xml, from, i));
        from = i + SEPARATOR.length;
        i = from - 1;
      }
    }
    parts.add(Arrays.copyOfRange(xml, from, xml.length));
    return parts;
  }

  private static final String TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
      + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
      + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
      + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
      + "</Types>";
  private static final String ROOT_RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
      + "</Relationships>";
  private static final String WORKBOOK = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
      + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
      + "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
  private static final String RELS_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>";
  private static final String SST_REL = "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>";
  private static final String STYLES_REL = "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>";

  /** A workbook of one sheet whose worksheet, shared strings and styles parts are the given bytes. */
  static byte[] zip(List<byte[]> parts) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      entry(z, "[Content_Types].xml", TYPES.getBytes(StandardCharsets.UTF_8));
      entry(z, "_rels/.rels", ROOT_RELS.getBytes(StandardCharsets.UTF_8));
      entry(z, "xl/workbook.xml", WORKBOOK.getBytes(StandardCharsets.UTF_8));
      String rels = RELS_HEAD + (parts.size() > 1 ? SST_REL : "") + (parts.size() > 2 ? STYLES_REL : "")
          + "</Relationships>";
      entry(z, "xl/_rels/workbook.xml.rels", rels.getBytes(StandardCharsets.UTF_8));
      entry(z, "xl/worksheets/sheet1.xml", parts.get(0));
      if (parts.size() > 1) {
        entry(z, "xl/sharedStrings.xml", parts.get(1));
      }
      if (parts.size() > 2) {
        entry(z, "xl/styles.xml", parts.get(2));
      }
    }
    return bytes.toByteArray();
  }

  private static void entry(ZipOutputStream z, String name, byte[] content) throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setTime(0);
    z.putNextEntry(e);
    z.write(content);
    z.closeEntry();
  }
}
