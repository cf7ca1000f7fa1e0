package org.ctdc.deid.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ctdc.schema.CtdcException;

/**
 * The tests' hierarchy reader: ARX rows, {@code ;}-separated, double quotes as the CLI's reader takes them; a
 * missing, large or unreadable file is the library's exception naming only the file. Thread-safe.
 */
final class ArxRows {
  private ArxRows() {}

  static List<List<String>> read(Path file) {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > 1 << 20) {
        throw new CtdcException("hierarchy: larger than 1 MiB");
      }
      List<List<String>> out = new ArrayList<>();
      for (String line : Files.readAllLines(file)) {
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
          char c = line.charAt(i);
          if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else if (c == '"') {
            quoted = !quoted;
          } else if (c == ';' && !quoted) {
            row.add(cell.toString());
            cell.setLength(0);
          } else {
            cell.append(c);
          }
        }
        row.add(cell.toString());
        out.add(row);
      }
      return out;
    } catch (IOException e) {
      throw new CtdcException("hierarchy: cannot read");
    }
  }
}
