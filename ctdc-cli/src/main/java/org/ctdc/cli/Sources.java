package org.ctdc.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import org.ctdc.core.Aligner;
import org.ctdc.core.AlignmentResult;
import org.ctdc.core.JdbcSource;
import org.ctdc.excel.XlsSource;
import org.ctdc.excel.XlsxSource;
import org.ctdc.schema.DataFormatException;
import org.ctdc.schema.internal.Shown;

/**
 * What {@code ctdc align} reads: a file ({@code --in}: CSV, JSON Lines or an {@code .xlsx} workbook) or the
 * rows of a SQL query ({@code --jdbc-url} with {@code --query-file}). Credentials are never taken from the
 * command line: a URL holding a password is refused, and the password is read from {@code --password-file}.
 * Not thread-safe.
 */
final class Sources {
  /** The longest query file and password file read. */
  static final int MAX_QUERY_BYTES = 1 << 20;
  static final int MAX_PASSWORD_BYTES = 4096;

  private Sources() {}

  /** One input of {@code align}. */
  interface Input {
    AlignmentResult align(Aligner aligner, FileCommand files);
  }

  static Input input(FileCommand files, Path in, String sheet, String url, Path queryFile, String user,
      Path passwordFile) {
    if ((in == null) == (url == null)) {
      throw files.usage("give one input: --in FILE or --jdbc-url URL (with --query-file)");
    }
    if (in != null) {
      if (queryFile != null || user != null || passwordFile != null) {
        throw files.usage("--query-file, --user and --password-file go with --jdbc-url, not --in");
      }
      String name = in.getFileName() == null ? in.toString() : in.getFileName().toString().toLowerCase(Locale.ROOT);
      boolean xlsx = name.endsWith(".xlsx") || name.endsWith(".xlsm");
      boolean xls = name.endsWith(".xls");
      if (sheet != null && !xlsx && !xls) {
        throw files.usage("--sheet goes with an .xlsx or .xls workbook given as --in");
      }
      if (xls) {
        return (a, f) -> a.align(sheet == null ? XlsSource.of(in) : XlsSource.builder(in).sheet(sheet).build());
      }
      if (xlsx) {
        return (a, f) -> a.align(sheet == null ? XlsxSource.of(in) : XlsxSource.builder(in).sheet(sheet).build());
      }
      if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
        return (a, f) -> a.alignJsonLines(in);
      }
      return (a, f) -> a.alignCsv(in);
    }
    if (sheet != null) {
      throw files.usage("--sheet goes with an .xlsx or .xls workbook given as --in");
    }
    if (queryFile == null) {
      throw files.usage("--jdbc-url needs --query-file Q.sql, the query whose rows are aligned");
    }
    if (JdbcSource.hasPassword(url)) {
      throw files.usage("--jdbc-url " + JdbcSource.redact(url) + " holds a password: remove it from the URL and"
          + " give it in a file with --password-file (a command line is seen by other users and kept in shell"
          + " histories)");
    }
    if (passwordFile != null && user == null) {
      throw files.usage("--password-file needs --user");
    }
    return (a, f) -> {
      String sql = text(queryFile, MAX_QUERY_BYTES, "query file").strip();
      if (sql.endsWith(";")) {
        sql = sql.substring(0, sql.length() - 1).strip();
      }
      if (sql.isEmpty()) {
        throw new DataFormatException(Shown.file(queryFile) + ": the query file is empty");
      }
      Properties props = new Properties();
      if (user != null) {
        props.setProperty("user", user);
      }
      if (passwordFile != null) {
        props.setProperty("password", firstLine(text(passwordFile, MAX_PASSWORD_BYTES, "password file")));
      }
      String shown = JdbcSource.redact(url);
      if (!f.quiet()) {
        f.err().println("ctdc: reading the query " + Shown.file(queryFile) + " from " + shown);
      }
      Connection c;
      try {
        c = DriverManager.getConnection(url, props);
      } catch (SQLException e) {
        throw new DataFormatException(shown + ": cannot connect (" + describe(e) + ")");
      }
      try (Connection open = c) {
        open.setReadOnly(true);
        String name = queryFile.getFileName() == null ? "query" : queryFile.getFileName().toString();
        return a.align(JdbcSource.query(open, sql).name(name).build());
      } catch (SQLException e) {
        throw new DataFormatException(shown + ": the connection failed (" + describe(e) + ")");
      }
    };
  }

  private static String describe(SQLException e) {
    String state = e.getSQLState();
    return state == null || !state.matches("[0-9A-Z]{5}") ? e.getClass().getSimpleName() : "SQLState " + state;
  }

  private static String firstLine(String s) {
    int end = s.indexOf('\n');
    String line = end < 0 ? s : s.substring(0, end);
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  private static String text(Path file, int max, String what) {
    try {
      if (Files.size(file) > max) {
        throw new DataFormatException(Shown.file(file) + ": the " + what + " is larger than " + max + " bytes (limit)");
      }
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DataFormatException(Shown.file(file) + ": cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }
}
