package org.ctdc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rewrites the results table of {@code BENCHMARKS.md} from a JMH JSON result file (JMH's {@code -rf json}),
 * between the markers {@code <!-- results:start -->} and {@code <!-- results:end -->}, so that the
 * published figures always come from a real run. Used by {@code bench/run.sh}.
 *
 * <p>Not thread-safe; run once per process.
 */
public final class ResultsTable {

  static final String START = "<!-- results:start -->";
  static final String END = "<!-- results:end -->";

  private ResultsTable() {}

  /**
   * Entry point.
   *
   * @param args the Markdown file to rewrite, a one-line description of the machine, and JMH JSON files
   * @throws IOException when a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: ResultsTable BENCHMARKS.md MACHINE RESULTS.json...");
      System.exit(2);
    }
    Path md = Path.of(args[0]);
    String machine = args[1];
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> runs = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      JsonNode results = mapper.readTree(Path.of(args[i]).toFile());
      results.forEach(runs::add);
    }
    String text = Files.readString(md, StandardCharsets.UTF_8);
    int s = text.indexOf(START);
    int e = text.indexOf(END);
    if (s < 0 || e < s) {
      System.err.println(md + ": the markers " + START + " and " + END + " are missing");
      System.exit(1);
    }
    String table = render(runs, machine);
    Files.writeString(md, text.substring(0, s + START.length()) + "\n" + table + text.substring(e), StandardCharsets.UTF_8);
  }

  static String render(List<JsonNode> results, String machine) {
    StringBuilder sb = new StringBuilder();
    if (!machine.isEmpty()) {
      sb.append("Machine: ").append(machine).append("\n\n");
    }
    sb.append("| benchmark | parameters | mode | score | error (99.9 %) | unit |\n");
    sb.append("| --- | --- | --- | ---: | ---: | --- |\n");
    List<String> rows = new ArrayList<>();
    for (JsonNode r : results) {
      String name = r.path("benchmark").asText().replaceFirst("^org\\.ctdc\\.bench\\.", "");
      StringBuilder params = new StringBuilder();
      JsonNode p = r.path("params");
      Iterator<Map.Entry<String, JsonNode>> it = p.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> en = it.next();
        if (params.length() > 0) {
          params.append(", ");
        }
        params.append(en.getKey()).append('=').append(en.getValue().asText());
      }
      JsonNode m = r.path("primaryMetric");
      double err = m.path("scoreError").asDouble(Double.NaN);
      rows.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |", name, params, r.path("mode").asText(),
          fmt(m.path("score").asDouble()), Double.isNaN(err) ? "n/a" : fmt(err), m.path("scoreUnit").asText()));
    }
    rows.forEach(row -> sb.append(row).append('\n'));
    return sb.toString();
  }

  private static String fmt(double d) {
    if (Math.abs(d) >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", d);
    }
    return String.format(Locale.ROOT, "%.3f", d);
  }
}
