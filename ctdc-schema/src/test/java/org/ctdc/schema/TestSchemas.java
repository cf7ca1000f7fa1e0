package org.ctdc.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Schemas and random datasets built in test code. */
final class TestSchemas {

  static final ReleaseFormat NA_FORMAT = new ReleaseFormat(List.of("NA", "-99"), "yes", "no", "|", ';');
  static final ReleaseFormat TAB_FORMAT = new ReleaseFormat(List.of(""), "true", "false", ",", '\t');

  static final List<ReleaseFormat> FORMATS =
      List.of(ReleaseFormat.CTDC_SYNTHETIC, ReleaseFormat.CTDC_KANON, NA_FORMAT, TAB_FORMAT);

  static final ValueSet UN_REGION =
      ValueSet.named("unRegion", List.of(Code.of("Africa"), Code.of("Americas/Oceania"), Code.of("Asia"),
          Code.of("Europe")));

  private TestSchemas() {}

  /** One variable of every kind, plus a multi-valued one with its own separator and a 200-code set. */
  static Schema allKinds(ReleaseFormat format) {
    List<Code> many = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      many.add(Code.of("c" + i));
    }
    return Schema.builder("test-all-kinds", "1")
        .format(format)
        .add(Variable.builder("gender", VariableKind.CATEGORICAL)
            .values(ValueSet.of(List.of(new Code("Female", "Female", "", List.of("female", "F")),
                Code.of("Male"), Code.of("Other"))))
            .previousNames(List.of("Sex"))
            .build())
        .add(Variable.builder("ageBroad", VariableKind.ORDERED_BAND).values("0--17", "18--29", "30+").build())
        .add(Variable.builder("CountryOfExploitation", VariableKind.COUNTRY).values(UN_REGION)
            .previousNames(List.of("CountryofExploitation")).build())
        .add(Variable.builder("isForcedLabour", VariableKind.FLAG).build())
        .add(Variable.builder("IP_Gender", VariableKind.CATEGORICAL).values("Female", "Male", "Other")
            .multiValued(true).build())
        .add(Variable.builder("IP_citizen", VariableKind.COUNTRY).values(UN_REGION).multiValued(true)
            .separator("; ").build())
        .add(Variable.builder("yearOfRegistration", VariableKind.YEAR).minimum(2000).maximum(2030).build())
        .add(Variable.builder("numberOfVictims", VariableKind.COUNT).maximum(1000).build())
        .add(Variable.builder("notes", VariableKind.FREE_TEXT).build())
        .add(Variable.builder("caseId", VariableKind.IDENTIFIER).build())
        .add(Variable.builder("manyCodes", VariableKind.CATEGORICAL).values(ValueSet.of(many)).build())
        .build();
  }

  private static final String ALPHABET = "aZ ,;|\t\"\n\r-9#é€\uD834\uDD1E";

  /**
   * A random dataset whose CSV round trip is the identity under the schema's format: missing values have
   * reason UNKNOWN, flags are never missing when the unset flag is written as a missing token, and no text
   * is a missing token.
   */
  static Dataset randomDataset(Schema schema, long seed, int rows) {
    SplittableRandom rnd = new SplittableRandom(seed);
    ReleaseFormat f = schema.format();
    Dataset.Appender a = Dataset.appender(schema);
    List<Variable> vars = schema.variables();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < vars.size(); c++) {
        Variable v = vars.get(c);
        boolean flagCanBeMissing = !f.isMissing(f.flagFalse());
        if (rnd.nextInt(6) == 0 && (v.kind() != VariableKind.FLAG || flagCanBeMissing)) {
          if (rnd.nextBoolean()) {
            a.setMissing(c, MissingReason.UNKNOWN);
          } // else left unset: missing UNKNOWN too
          continue;
        }
        switch (v.kind()) {
          case CATEGORICAL, ORDERED_BAND, COUNTRY, FLAG -> {
            int size = v.values().size();
            if (v.isMultiValued()) {
              long mask = 0;
              while (mask == 0) {
                mask = rnd.nextLong() & ((1L << size) - 1);
              }
              a.setCodeSet(c, mask);
            } else {
              a.setCode(c, rnd.nextInt(size));
            }
          }
          case YEAR, COUNT -> {
            int min = v.minimum().orElse(0);
            int max = v.maximum().orElse(Integer.MAX_VALUE - 1);
            a.setInt(c, min + rnd.nextInt(max - min + 1));
          }
          default -> {
            String s;
            do {
              StringBuilder sb = new StringBuilder();
              int len = rnd.nextInt(9);
              for (int i = 0; i < len; i++) {
                int p = rnd.nextInt(ALPHABET.length());
                if (Character.isHighSurrogate(ALPHABET.charAt(p))) {
                  sb.append(ALPHABET, p, p + 2);
                } else if (Character.isLowSurrogate(ALPHABET.charAt(p))) {
                  sb.append(ALPHABET, p - 1, p + 1);
                } else {
                  sb.append(ALPHABET.charAt(p));
                }
              }
              s = sb.toString();
            } while (f.isMissing(s));
            a.setText(c, s);
          }
        }
      }
      a.endRow();
    }
    return a.build();
  }

  /** The 16 variables of CTDC's Victim-Perpetrator synthetic dataset v1 (December 2022). */
  static Schema vpSynthetic() {
    return Schemas.load("ctdc-victim-perpetrator", "2022");
  }
}
