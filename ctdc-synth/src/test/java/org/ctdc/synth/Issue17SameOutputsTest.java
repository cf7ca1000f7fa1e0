package org.ctdc.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.ctdc.samples.SynthSamples;
import org.ctdc.schema.Dataset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 17 (performance): the faster aggregation and synthesis give, for a seed, byte for byte the outputs of
 * the first implementation. The digests (SHA-256 of {@code aggregates.csv} followed by the synthetic records'
 * codes) were computed with the implementation of commit a7eb285, before the trie and the extension counts, on
 * 3000 records of 12 categorical columns from {@link SynthSamples} (the generator the synthesis benchmark uses).
 */
class Issue17SameOutputsTest {

  @ParameterizedTest
  @CsvSource({
      "K_SYNTHETIC, 2, 1dda46e04aff69d78c0081688992eb985cd3786aa96eed71ab71956285ffbd7c",
      "DP, 2, ee2129d15623857fa834032a74f7cb252c1121f98da32efa04a1b15c33627ee0",
      "K_SYNTHETIC, 3, d1c33bafa7d3e4d15631cbec1faa2802d6a894e1b2c56a2eeed21a1e0f4e79df",
      "DP, 3, 4b654df34185727b2bc1b28de4b6bd4569c51f262f1a098d70849b147dfefa85",
      "K_SYNTHETIC, 4, e559ae34be73a86ec3debb6581cb51e2b26890f8452728d1e9e29554211c2b8c",
      "DP, 4, 975ee6a9de76b2aa08b041586795a7a27f8791b6a8c5ebc1ae0aa94fbaa58d26"})
  void issue17_outputsForASeedAreThoseOfTheFirstImplementation(SynthConfig.Mode mode, int r, String digest)
      throws java.security.NoSuchAlgorithmException {
    Dataset d = SynthSamples.categorical(3000, 12, 2024);
    List<String> names = new ArrayList<>();
    for (int c = 0; c < 12; c++) {
      names.add("c" + c);
    }
    SynthConfig.Builder b = SynthConfig.builder(mode, r).columns(names).seed(r * 7L);
    SynthConfig c = mode == SynthConfig.Mode.DP ? b.epsilon(2).build() : b.resolution(5).build();
    for (int threads : new int[] {1, 2}) {
      Synthesizer s = Synthesizer.builder(c).threads(threads).build();
      Aggregates agg = s.aggregate(d);
      assertEquals(digest, digest(agg, s.synthesize(agg)), "threads " + threads);
    }
  }

  private static String digest(Aggregates agg, Dataset syn) throws java.security.NoSuchAlgorithmException {
    StringWriter w = new StringWriter();
    agg.writeCsv(w);
    StringBuilder sb = new StringBuilder(w.toString());
    for (int r = 0; r < syn.rowCount(); r++) {
      for (int c = 0; c < syn.schema().variables().size(); c++) {
        sb.append(syn.isMissing(r, c) ? -1 : syn.code(r, c)).append(',');
      }
      sb.append('\n');
    }
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
  }
}
