package org.ctdc.deid;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ctdc.deid.verify.VerificationSpec;
import org.ctdc.deid.verify.VerificationSpecFile;
import org.ctdc.deid.verify.Verifier;
import org.ctdc.schema.Dataset;

/**
 * The outcome of {@link Deidentifier#run(Dataset)}: the released dataset (suppressed records
 * removed, or with local suppression cells blanked with reason SUPPRESSED, quasi-identifiers generalised into categorical variables whose value set is the labels of the
 * chosen level, identifiers dropped or pseudonymised), the report, the configuration, and the lattice
 * classification when it was requested.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class DeidResult {
  private final Dataset release;
  private final DeidReport report;
  private final DeidConfig config;
  private final List<LatticeNode> lattice;
  private final Map<String, Map<String, Long>> references;

  DeidResult(Dataset release, DeidReport report, DeidConfig config, List<LatticeNode> lattice,
      Map<String, Map<String, Long>> references) {
    this.release = release;
    this.report = report;
    this.config = config;
    this.lattice = List.copyOf(lattice);
    this.references = Map.copyOf(references);
  }

  /**
   * The specification under which the independent {@link Verifier} checks this release: the
   * quasi-identifiers with their hierarchies, k, every sensitive model (t-closeness against the input's
   * distribution), the missing-value rule and the suppression limit over the input's rows. With local
   * suppression the rule is the wildcard rule (a blanked cell matches any value), whatever
   * {@link DeidConfig#missingValues()} says.
   *
   * @return the specification
   */
  public VerificationSpec verificationSpec() {
    VerificationSpec.Builder b = VerificationSpec.builder().quasiIdentifiers(config.quasiIdentifiers());
    for (int i = 0; i < config.quasiIdentifiers().size(); i++) {
      b.hierarchy(config.quasiIdentifiers().get(i), config.hierarchies().get(i).rows());
    }
    int k = 1;
    for (PrivacyModel pm : config.models()) {
      if (pm instanceof PrivacyModel.KAnonymity ka) {
        k = Math.max(k, ka.k());
      } else if (pm instanceof PrivacyModel.DistinctLDiversity d) {
        b.distinctL(d.variable(), d.l());
      } else if (pm instanceof PrivacyModel.EntropyLDiversity e) {
        b.entropyL(e.variable(), e.l());
      } else if (pm instanceof PrivacyModel.RecursiveClDiversity r) {
        b.recursiveCL(r.variable(), r.c(), r.l());
      } else if (pm instanceof PrivacyModel.TCloseness t) {
        if (t.hierarchy().isPresent()) {
          b.tClosenessHierarchical(t.variable(), t.t(), t.hierarchy().get().rows());
        } else {
          b.tClosenessEqual(t.variable(), t.t());
        }
        // the de-identification kept the reference of every t-closeness variable
        b.tClosenessReference(t.variable(), Objects.requireNonNull(references.get(t.variable())));
      }
    }
    return b.k(k)
        .missingAsWildcard(config.missingValues() == MissingValues.WILDCARD
            || config.localSuppression() != LocalSuppressionMode.NONE)
        .suppressionLimit(config.suppressionLimit(), (int) report.inputRecords())
        .build();
  }

  /**
   * The files of the verification spec of this release, for {@code ctdc verify} ({@code docs/verify.md}):
   * {@link #verificationSpec()} with what verify needs to read the release. A release read under a schema
   * gets its own schema written beside the spec ({@code STEM-release-schema.yaml}); a release whose schema
   * was inferred from its header gets the inferred-schema settings (its delimiter and missing tokens). The
   * hierarchies go to {@code STEM-hierarchies/}. Paths in the spec are relative to its folder.
   *
   * @param specFileName the spec's file name, such as {@code verify.yaml}
   * @param schemaInferred whether the input's schema was inferred from its CSV header
   * @return relative file name to text, in writing order, the spec last
   */
  public Map<String, String> verificationSpecFiles(String specFileName, boolean schemaInferred) {
    int dot = specFileName.lastIndexOf('.');
    String stem = dot > 0 ? specFileName.substring(0, dot) : specFileName;
    Map<String, String> out = new java.util.LinkedHashMap<>();
    VerificationSpecFile.ReleaseReading reading;
    if (schemaInferred) {
      reading = VerificationSpecFile.ReleaseReading.inferred(release.schema().format().delimiter(),
          release.schema().format().missingTokens());
    } else {
      String schemaFile = stem + "-release-schema.yaml";
      out.put(schemaFile, org.ctdc.schema.SchemaFiles.toYaml(release.schema()));
      reading = VerificationSpecFile.ReleaseReading.schema(schemaFile);
    }
    out.putAll(new VerificationSpecFile(verificationSpec(), reading).files(specFileName, stem + "-hierarchies"));
    return out;
  }

  /** @return the de-identified dataset */
  public Dataset release() {
    return release;
  }

  /** @return the report */
  public DeidReport report() {
    return report;
  }

  /** @return the configuration of the run */
  public DeidConfig config() {
    return config;
  }

  /** @return the chosen level per quasi-identifier, in configuration order */
  public List<Integer> levels() {
    return report.quasiIdentifiers().stream().map(DeidReport.QiLevel::level).toList();
  }

  /** @return whether the result is proven optimal */
  public boolean optimal() {
    return report.optimal();
  }

  /**
   * Every node of the lattice with its status, in (level sum, level vector) order; empty unless
   * {@link DeidConfig#classifyLattice()} was set.
   *
   * @return the classification
   */
  public List<LatticeNode> lattice() {
    return lattice;
  }
}
