package org.ctdc.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The demo's case-management extract as an Excel workbook, as a case-management system exports it: one sheet
 * {@value #SHEET}, the header in row 1, ISO dates as date cells (shown {@code d mmm yyyy}), whole numbers
 * without a leading zero as number cells, everything else as text. Written with POI's streaming writer, so the
 * rows are not held. Stateless and thread-safe.
 */
final class DemoWorkbook {
  /** The sheet's name. */
  static final String SHEET = "Cases";

  private static final Pattern WHOLE = Pattern.compile("-?(0|[1-9][0-9]{0,14})");
  private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private DemoWorkbook() {}

  /**
   * Writes a CSV text (header row) as a workbook.
   *
   * @param csv the extract
   * @param out where to write; not closed
   * @throws IOException when it cannot be written
   */
  static void write(String csv, OutputStream out) throws IOException {
    List<Map<String, String>> rows = DemoPipeline.readCsv(csv);
    List<String> header = new ArrayList<>(rows.isEmpty() ? List.of() : rows.get(0).keySet());
    SXSSFWorkbook wb = new SXSSFWorkbook(100);
    try {
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.createDataFormat().getFormat("d mmm yyyy"));
      Sheet s = wb.createSheet(SHEET);
      Row h = s.createRow(0);
      for (int i = 0; i < header.size(); i++) {
        h.createCell(i).setCellValue(header.get(i));
      }
      int r = 1;
      for (Map<String, String> m : rows) {
        Row row = s.createRow(r++);
        for (int i = 0; i < header.size(); i++) {
          String v = m.get(header.get(i));
          if (v == null || v.isEmpty()) {
            continue;
          }
          Cell c = row.createCell(i);
          LocalDate d = ISO_DATE.matcher(v).matches() ? date(v) : null;
          if (d != null) {
            c.setCellValue(d);
            c.setCellStyle(date);
          } else if (WHOLE.matcher(v).matches()) {
            c.setCellValue(Long.parseLong(v));
          } else {
            c.setCellValue(v);
          }
        }
      }
      // the same run writes the same bytes: a fixed creation date (POI writes its zip entries with a fixed time)
      wb.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(java.util.Optional.of(FIXED));
      wb.write(out);
    } finally {
      wb.close();
    }
  }

  /** The project's build timestamp, 2026-01-01T00:00:00Z. */
  private static final java.util.Date FIXED = java.util.Date.from(java.time.Instant.parse("2026-01-01T00:00:00Z"));

  private static LocalDate date(String v) {
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
