package org.ctdc.core;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.ctdc.schema.DataFormatException;
import org.ctdc.schema.internal.Shown;
import org.jspecify.annotations.Nullable;

/**
 * The rows of a SQL query, or of a table, as a {@link RowSource} for {@link Aligner#align(RowSource)}:
 *
 * <pre>{@code
 * try (Connection c = DriverManager.getConnection(url, props)) {
 *   AlignmentResult r = Aligner.of(spec).align(JdbcSource.query(c, sql).name("cases.sql").build());
 * }
 * }</pre>
 *
 * <p>The rows stream: the statement is forward-only and read-only with a bounded fetch size
 * ({@link Builder#fetchSize(int)}, default {@value #DEFAULT_FETCH_SIZE}), and auto-commit is turned off for
 * the run (PostgreSQL's driver fetches in batches only then), so memory grows with the aligned output,
 * not with the table. The connection is the caller's: the source never opens or closes it, rolls back its
 * read-only transaction when it closes, and restores the connection's auto-commit. Column labels are the
 * header. Values are given to the aligner as {@link SourceValues} writes them, by the column's SQL type:
 * {@code DATE} as {@code yyyy-MM-dd}; {@code TIMESTAMP} as the date at midnight, else ISO date-time;
 * integer, {@code DECIMAL}/{@code NUMERIC} and floating-point types in plain decimal notation;
 * {@code BOOLEAN}/{@code BIT} as {@code true}/{@code false}; character types, {@code CLOB} and other types
 * the driver gives as text (such as PostgreSQL's {@code uuid}) as their text; SQL {@code NULL} as an empty
 * cell. A binary, array, structured or reference column is refused when the spec reads it.
 *
 * <p>A failure of the database is reported by its SQLState and class only, never by the driver's message
 * (which may quote a value or the query). This class is not thread-safe: a source is used once, by the
 * thread that aligns it.
 */
public final class JdbcSource implements RowSource {

  /** The default number of rows fetched from the database at a time. */
  public static final int DEFAULT_FETCH_SIZE = 1000;
  /** The most rows fetched at a time. */
  public static final int MAX_FETCH_SIZE = 100_000;

  private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

  private final Connection connection;
  private final String sql;
  private final String name;
  private final int fetchSize;
  private @Nullable PreparedStatement statement;
  private @Nullable ResultSet rows;
  private @Nullable Boolean autoCommit;
  private int[] types = new int[0];
  private boolean[] read = new boolean[0];
  private List<String> columns = List.of();

  private JdbcSource(Builder b) {
    this.connection = b.connection;
    this.sql = b.sql;
    this.name = b.name;
    this.fetchSize = b.fetchSize;
  }

  /**
   * The rows of a query.
   *
   * @param connection an open connection; not closed by the source
   * @param sql one {@code SELECT} statement
   * @return a builder, not thread-safe
   * @throws IllegalArgumentException if the statement is blank
   */
  public static Builder query(Connection connection, String sql) {
    Objects.requireNonNull(connection, "connection");
    if (sql.isBlank()) {
      throw new IllegalArgumentException("query must not be blank");
    }
    return new Builder(connection, sql, "query");
  }

  /**
   * The rows of a table: {@code SELECT * FROM TABLE}.
   *
   * @param connection an open connection; not closed by the source
   * @param table a table name, optionally with its schema ({@code cases}, {@code intake.cases}): letters,
   *     digits and underscores, not quoted (so the database folds its case as it does in a query)
   * @return a builder, not thread-safe
   * @throws IllegalArgumentException if the name is not such a name
   */
  public static Builder table(Connection connection, String table) {
    Objects.requireNonNull(connection, "connection");
    if (!TABLE.matcher(table).matches()) {
      throw new IllegalArgumentException(
          "table must be a name of letters, digits and underscores, optionally schema.table");
    }
    return new Builder(connection, "SELECT * FROM " + table, table);
  }

  /**
   * A JDBC URL as it may be printed or logged: the password of its user-information part
   * ({@code //user:secret@host}, {@code thin:user/secret@host}) and the value of every parameter whose
   * name holds {@code password}, {@code passwd} or {@code pwd} ({@code ?password=secret},
   * {@code ;PASSWORD=secret}, {@code &sslpassword=secret}) are replaced with {@code ***}.
   *
   * @param url a JDBC URL
   * @return the URL without a password
   */
  public static String redact(String url) {
    String s = url.replaceAll("(//[^/@:?;]*):[^/@?;]*@", "$1:***@");
    s = s.replaceAll("(:thin:[^/@:]+)/[^@]*@", "$1/***@");
    s = s.replaceAll("(?i)([?&;:][^=&;?/:]*(?:password|passwd|pwd)[^=&;]*=)[^&;]*", "$1***");
    return Shown.clean(s);
  }

  /**
   * Whether a JDBC URL holds a password ({@link #redact} would change it).
   *
   * @param url a JDBC URL
   * @return true if it holds one
   */
  public static boolean hasPassword(String url) {
    return !redact(url).equals(Shown.clean(url));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> columns() {
    try {
      autoCommit = connection.getAutoCommit();
      if (autoCommit) {
        connection.setAutoCommit(false);
      }
      PreparedStatement st = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      statement = st;
      st.setFetchSize(fetchSize);
      ResultSet rs = st.executeQuery();
      rows = rs;
      ResultSetMetaData md = rs.getMetaData();
      int n = md.getColumnCount();
      List<String> names = new ArrayList<>(n);
      types = new int[n];
      for (int i = 0; i < n; i++) {
        String label = md.getColumnLabel(i + 1);
        names.add(label == null ? "" : label);
        types[i] = md.getColumnType(i + 1);
      }
      columns = List.copyOf(names);
      read = new boolean[n];
      java.util.Arrays.fill(read, true);
      return columns;
    } catch (SQLException e) {
      throw new DataFormatException(name + ": the query failed (" + describe(e) + ")");
    }
  }

  @Override
  public void reading(boolean[] columnsRead) {
    this.read = columnsRead.clone();
    for (int i = 0; i < types.length; i++) {
      if (read[i] && !readable(types[i])) {
        throw new DataFormatException(name + ": column " + (i + 1) + " ('" + Shown.name(columns.get(i))
            + "'): SQL type " + typeName(types[i]) + " is not read as text; select it as text or leave it out");
      }
    }
  }

  @Override
  public Row next(@Nullable String[] cells) {
    ResultSet rs = rows;
    if (rs == null) {
      throw new IllegalStateException("columns() must be called before next()");
    }
    int i = -1;
    try {
      if (!rs.next()) {
        return Row.END;
      }
      for (i = 0; i < types.length; i++) {
        cells[i] = read[i] ? value(rs, i + 1, types[i]) : null;
      }
      return Row.ROW;
    } catch (SQLException e) {
      throw new Stopped((i >= 0 ? "column " + (i + 1) + ": " : "") + "the database failed (" + describe(e) + ")",
          null);
    }
  }

  private static @Nullable String value(ResultSet rs, int c, int type) throws SQLException {
    switch (type) {
      case Types.DATE -> {
        LocalDate d = rs.getObject(c, LocalDate.class);
        return d == null ? null : d.toString();
      }
      case Types.TIMESTAMP -> {
        LocalDateTime t = rs.getObject(c, LocalDateTime.class);
        return t == null ? null : SourceValues.dateTime(t);
      }
      case Types.TIMESTAMP_WITH_TIMEZONE -> {
        OffsetDateTime t = rs.getObject(c, OffsetDateTime.class);
        return t == null ? null : t.toString();
      }
      case Types.TIME -> {
        LocalTime t = rs.getObject(c, LocalTime.class);
        return t == null ? null : t.toString();
      }
      case Types.BIT, Types.BOOLEAN -> {
        boolean b = rs.getBoolean(c);
        return rs.wasNull() ? null : Boolean.toString(b);
      }
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
        long l = rs.getLong(c);
        return rs.wasNull() ? null : Long.toString(l);
      }
      case Types.DECIMAL, Types.NUMERIC -> {
        java.math.BigDecimal d = rs.getBigDecimal(c);
        return d == null ? null : SourceValues.number(d);
      }
      case Types.REAL, Types.FLOAT, Types.DOUBLE -> {
        double d = rs.getDouble(c);
        return rs.wasNull() ? null : SourceValues.number(d);
      }
      default -> {
        return rs.getString(c);
      }
    }
  }

  private static boolean readable(int type) {
    return switch (type) {
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB, Types.ARRAY, Types.STRUCT,
          Types.REF, Types.REF_CURSOR, Types.DATALINK, Types.ROWID, Types.JAVA_OBJECT, Types.DISTINCT,
          Types.SQLXML, Types.NULL -> false;
      default -> true;
    };
  }

  private static String typeName(int type) {
    try {
      return java.sql.JDBCType.valueOf(type).getName();
    } catch (IllegalArgumentException e) {
      return "code " + type;
    }
  }

  /** A SQL failure without the driver's message: its SQLState and what its class means. */
  static String describe(SQLException e) {
    String state = e.getSQLState();
    if (state == null || !state.matches("[0-9A-Z]{5}")) {
      return e.getClass().getSimpleName();
    }
    String meaning = switch (state.substring(0, 2)) {
      case "08" -> "connection failure";
      case "0A" -> "feature not supported";
      case "22" -> "data exception";
      case "23" -> "integrity constraint violation";
      case "25" -> "invalid transaction state";
      case "28" -> "invalid authorization";
      case "42" -> "syntax error or access rule violation, such as an unknown table or column";
      case "53" -> "insufficient resources";
      case "54" -> "program limit exceeded";
      case "57" -> "operator intervention, such as a cancelled query";
      case "HY" -> "driver error";
      default -> "error";
    };
    return "SQLState " + state + ", " + meaning;
  }

  @Override
  public void close() {
    SQLException first = null;
    for (AutoCloseable c : new AutoCloseable[] {rows, statement}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          if (first == null && e instanceof SQLException s) {
            first = s;
          }
        }
      }
    }
    rows = null;
    statement = null;
    Boolean restore = autoCommit;
    autoCommit = null;
    if (restore != null) {
      try {
        connection.rollback();
        if (restore) {
          connection.setAutoCommit(true);
        }
      } catch (SQLException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw new DataFormatException(name + ": the query could not be closed (" + describe(first) + ")");
    }
  }

  /** Configures a {@link JdbcSource}. Not thread-safe. */
  public static final class Builder {
    private final Connection connection;
    private final String sql;
    private String name;
    private int fetchSize = DEFAULT_FETCH_SIZE;

    private Builder(Connection connection, String sql, String name) {
      this.connection = connection;
      this.sql = sql;
      this.name = name;
    }

    /**
     * @param name the input's name in the report and in messages (such as the query file's name; default
     *     {@code query}, or the table's name)
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder name(String name) {
      if (name.isBlank()) {
        throw new IllegalArgumentException("name must not be blank");
      }
      this.name = Shown.clean(name);
      return this;
    }

    /**
     * @param rows rows fetched from the database at a time (default {@value JdbcSource#DEFAULT_FETCH_SIZE})
     * @return this builder
     * @throws IllegalArgumentException if not within 1 to {@value JdbcSource#MAX_FETCH_SIZE}
     */
    public Builder fetchSize(int rows) {
      if (rows < 1 || rows > MAX_FETCH_SIZE) {
        throw new IllegalArgumentException("fetchSize must be 1 to " + MAX_FETCH_SIZE + ", was " + rows);
      }
      this.fetchSize = rows;
      return this;
    }

    /** @return the source, which runs the query when the aligner opens it */
    public JdbcSource build() {
      return new JdbcSource(this);
    }
  }
}
