package org.ctdc.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ctdc.samples.HighCardinalityData;

/**
 * The end-to-end benchmark of issue 19: the whole command-line job, {@code ctdc deid} from a CSV file to a
 * verified release, run as its own process, as a user runs it. It generates the data once (a
 * {@link HighCardinalityData} profile, seeded), writes the configuration (the profile's eight
 * quasi-identifiers with their hierarchy files, k = 11, 5 % record suppression, loss metric, schema inferred
 * from the header), then per run: {@code ctdc --version} (start-up alone), {@code ctdc deid --timings
 * --verify-spec} (the job, with its own stage times), {@code ctdc verify} of the release. Each process runs
 * under {@code /usr/bin/time} when it exists (wall, user and system CPU, peak resident memory). It prints
 * one Markdown row per run, and the SHA-256 of the release, which must be the same for every run and build.
 *
 * <p>Usage ({@code docs}: BENCHMARKS.md):
 *
 * <pre>
 * java -cp ctdc-bench/target/benchmarks.jar org.ctdc.bench.EndToEnd --cli ctdc-cli/target/ctdc.jar \
 *     --profile high --rows 1000000 [--runs 3] [--work target/e2e] [--jvm -Xmx2g] [--threads 2]
 * </pre>
 *
 * <p>{@code --cli} is a jar (run with {@code java -jar}) or a launcher script (run as it is, the
 * {@code --jvm} options passed in {@code JAVA_OPTS}). Not thread-safe; a program, not API.
 */
public final class EndToEnd {

  private EndToEnd() {}

  /**
   * Runs the benchmark.
   *
   * @param args the options above
   * @throws Exception when a process cannot be run or fails
   */
  public static void main(String[] args) throws Exception {
    String cli = "ctdc-cli/target/ctdc.jar";
    String profileName = "high";
    long rows = 1_000_000;
    int runs = 3;
    int threads = 1;
    Path work = Path.of("target", "e2e");
    List<String> jvm = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--cli" -> cli = args[++i];
        case "--profile" -> profileName = args[++i];
        case "--rows" -> rows = Long.parseLong(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--work" -> work = Path.of(args[++i]);
        case "--jvm" -> jvm.add(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    HighCardinalityData.Profile profile = HighCardinalityData.Profile.valueOf(profileName.toUpperCase(Locale.ROOT));
    Path dir = work.resolve(profile.name().toLowerCase(Locale.ROOT));
    Files.createDirectories(dir);
    Path data = dir.resolve("data-" + rows + ".csv");
    if (!Files.exists(data)) {
      long t0 = System.nanoTime();
      Path tmp = dir.resolve("data-" + rows + ".csv.tmp");
      HighCardinalityData.writeCsv(tmp, profile, rows, 19);
      Files.move(tmp, data);
      System.out.printf(Locale.ROOT, "generated %s (%d rows, %d MiB) in %.1f s%n", data, rows,
          Files.size(data) >> 20, (System.nanoTime() - t0) / 1e9);
    }
    Path config = writeConfig(dir, profile, threads);
    System.out.println("| run | start-up (--version) wall / cpu | deid wall / cpu, max RSS | stage times (--timings)"
        + " | verify wall / cpu | release SHA-256 |");
    System.out.println("| --- | --- | --- | --- | --- | --- |");
    String firstHash = null;
    for (int run = 1; run <= runs; run++) {
      Timed version = run(cli, jvm, List.of("--version"));
      Path release = dir.resolve("release-" + rows + ".csv");
      Path report = dir.resolve("report-" + rows + ".json");
      Path spec = dir.resolve("verify-" + rows + ".yaml");
      Timed deid = run(cli, jvm, List.of("deid", "--config", config.toString(), "--in", data.toString(), "--out",
          release.toString(), "--report", report.toString(), "--verify-spec", spec.toString(), "--timings", "-q"));
      Timed verify = run(cli, jvm, List.of("verify", "--spec", spec.toString(), "--in", release.toString(), "-q"));
      String hash = sha256(release);
      if (firstHash != null && !firstHash.equals(hash)) {
        throw new IllegalStateException("the release differs between runs");
      }
      firstHash = hash;
      String stages = deid.stderr.lines().filter(l -> l.startsWith("timings: ")).findFirst().orElse("(no --timings)")
          .substring("timings: ".length());
      System.out.printf(Locale.ROOT, "| %d | %s | %s | %s | %s | %s |%n", run, version.wallCpu(),
          deid.wallCpu() + ", " + deid.maxRssMiB + " MiB", stages, verify.wallCpu(), hash.substring(0, 16));
    }
    System.out.println("load average after the runs: " + Files.readString(Path.of("/proc/loadavg")).strip());
  }

  /** The configuration of the benchmark and its hierarchy files, in the profile's folder. */
  static Path writeConfig(Path dir, HighCardinalityData.Profile profile, int threads) throws IOException {
    Path h = dir.resolve("hierarchies");
    Files.createDirectories(h);
    StringBuilder y = new StringBuilder();
    y.append("# issue 19's end-to-end benchmark: 8 quasi-identifiers, k = 11, 5 % suppression, inferred schema\n");
    y.append("input:\n  delimiter: \",\"\n");
    y.append("quasiIdentifiers:\n");
    for (Map.Entry<String, String> e : HighCardinalityData.hierarchies(profile).entrySet()) {
      Files.writeString(h.resolve(e.getKey() + ".csv"), e.getValue(), StandardCharsets.UTF_8);
      y.append("  - {name: ").append(e.getKey()).append(", hierarchy: hierarchies/").append(e.getKey())
          .append(".csv}\n");
    }
    y.append("models:\n  - k: 11\nsuppressionLimit: 0.05\nmetric: loss\nthreads: ").append(threads).append('\n');
    Path config = dir.resolve("deid.yaml");
    Files.writeString(config, y.toString(), StandardCharsets.UTF_8);
    return config;
  }

  /** One process: its wall and CPU seconds and peak resident memory (from /usr/bin/time), and its stderr. */
  record Timed(double wall, double cpu, long maxRssMiB, String stderr) {
    String wallCpu() {
      return String.format(Locale.ROOT, "%.2f s / %.2f s", wall, cpu);
    }
  }

  static Timed run(String cli, List<String> jvm, List<String> args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    boolean timed = Files.isExecutable(Path.of("/usr/bin/time"));
    Path times = Files.createTempFile("ctdc-e2e", ".time");
    if (timed) {
      cmd.addAll(List.of("/usr/bin/time", "-o", times.toString(), "-f", "%e %U %S %M"));
    }
    ProcessBuilder pb = new ProcessBuilder();
    if (cli.endsWith(".jar")) {
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.addAll(jvm);
      cmd.add("-jar");
      cmd.add(cli);
    } else {
      cmd.add(cli);
      pb.environment().put("JAVA_OPTS", String.join(" ", jvm));
    }
    cmd.addAll(args);
    pb.command(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Path err = Files.createTempFile("ctdc-e2e", ".err");
    pb.redirectError(err.toFile());
    long t0 = System.nanoTime();
    int exit = pb.start().waitFor();
    double wall = (System.nanoTime() - t0) / 1e9;
    String stderr = Files.readString(err);
    Files.delete(err);
    if (exit != 0) {
      throw new IllegalStateException(String.join(" ", args.subList(0, 1)) + " exited " + exit + ": " + stderr);
    }
    double cpu = -1;
    long rss = -1;
    if (timed) {
      String[] f = Files.readString(times).strip().split("\\s+");
      String[] last = f.length >= 4 ? java.util.Arrays.copyOfRange(f, f.length - 4, f.length) : f;
      wall = Double.parseDouble(last[0]);
      cpu = Double.parseDouble(last[1]) + Double.parseDouble(last[2]);
      rss = Long.parseLong(last[3]) >> 10;
    }
    Files.deleteIfExists(times);
    return new Timed(wall, cpu, rss, stderr);
  }

  static String sha256(Path file) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      try (var in = Files.newInputStream(file)) {
        int n;
        while ((n = in.read(buf)) > 0) {
          md.update(buf, 0, n);
        }
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
