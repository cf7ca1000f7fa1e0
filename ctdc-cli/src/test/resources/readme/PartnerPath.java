import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ctdc.core.Aligner;
import org.ctdc.core.AlignmentResult;
import org.ctdc.core.AlignmentSpec;
import org.ctdc.deid.DeidResult;
import org.ctdc.deid.Deidentifier;
import org.ctdc.deid.SchemaHierarchies;
import org.ctdc.deid.audit.AuditResult;
import org.ctdc.deid.audit.TableAudit;
import org.ctdc.deid.table.CellStatus;
import org.ctdc.deid.table.Dimension;
import org.ctdc.deid.table.OutputOptions;
import org.ctdc.deid.table.ProtectedTable;
import org.ctdc.deid.table.SuppressionRules;
import org.ctdc.deid.table.TableProtection;
import org.ctdc.deid.table.TableDefinition;
import org.ctdc.deid.table.TableProtector;
import org.ctdc.deid.table.TableWriter;
import org.ctdc.deid.table.Tabulation;
import org.ctdc.deid.verify.VerificationResult;
import org.ctdc.deid.verify.Verifier;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.Schema;
import org.ctdc.schema.Schemas;

public final class PartnerPath {
  /** records: the partner's own rows (column to value); prints only counts and codes, never a value. */
  public static boolean run(List<Map<String, String>> records, Path tablesDir) {
    // 1. Align the partner's columns onto the shared variables (ctdc-core).
    Schema vp = Schemas.load("ctdc-victim-perpetrator", "2022");
    AlignmentSpec spec = AlignmentSpec.builder("our-cases-to-vp-2022", vp)
        .partner("our-ngo")
        .identifierColumns(List.of("caseId"))                      // never read
        .map("yearRegister", "year", Map.of("2019", "2019", "2020", "2020", "2021", "2021-2022", "2022", "2021-2022"))
        .map("gender", "sex", Map.of("F", "Female", "M", "Male"))
        .map("majorityStatus", "adult", Map.of("yes", "Adult", "no", "Minor"))
        .map("UN_COO_Region", "citizenshipRegion", Map.of())        // already the schema's codes
        .map("UN_COE_Region", "exploitationRegion", Map.of())
        .map("isForcedLabour", "labour", Map.of("yes", "1", "no", "0"))
        .map("isSexualExploit", "sexual", Map.of("yes", "1", "no", "0"))
        .notCollected("IP_Exploiter", "IP_Gender", "IP_ageBroad", "IP_citizen_UNRegion", "IP_Relation",
            "IP_PayMoney", "IP_RecruiterBroker", "IP_TransactionProcess", "IP_ControlAbuseKidnap")
        .build();
    AlignmentResult aligned = Aligner.of(spec).align(records, "our-cases");
    System.out.println(aligned.report().summary());                // rows read, aligned, rejected
    Dataset data = aligned.dataset();

    // 2. De-identify with the CTDC default: k = 11 over the schema's quasi-identifiers and hierarchies.
    DeidResult deid = Deidentifier.run(data, SchemaHierarchies.ctdcDefaults(data).build());
    System.out.println(deid.report().releasedRecords() + " released, " + deid.report().recordsSuppressed() + " suppressed");
    deid.report().quasiIdentifiers().forEach(q -> System.out.println(q.name() + ": level " + q.level() + " of "  // information kept
        + q.height() + " (" + q.levelName() + "), " + Math.round(100 * q.distinctShareKept()) + " % of distinct values kept"));

    // 3. The independent verifier re-checks the release against the run's own specification.
    VerificationResult verification = Verifier.verify(deid.release(), deid.verificationSpec());
    System.out.println(verification.summary());

    // 4. Tabulate gender by region of exploitation, suppress small cells (and secondaries), audit, write.
    TableDefinition definition = TableDefinition.of("gender-by-exploitation-region", List.of(
        Dimension.flat("gender", "Total", List.of("Female", "Male")),
        Dimension.flat("exploitationRegion", "Total", List.of("Africa", "Americas/Oceania", "Asia", "Europe"))));
    Tabulation.Result counts = Tabulation.tabulate(data, definition, List.of("gender", "UN_COE_Region"));
    TableProtection protection = TableProtector.of(SuppressionRules.ctdcDefaults()).suppress(counts.table());
    ProtectedTable table = protection.tables().get(0);
    System.out.println(counts.rowsLeftOut() + " rows left out (missing); cells suppressed: "
        + table.count(CellStatus.PRIMARY) + " primary, " + table.count(CellStatus.SECONDARY) + " secondary");
    AuditResult audit = TableAudit.of().audit(protection.published());  // in memory, before anything is written
    TableWriter.write(table, tablesDir, OutputOptions.defaults());       // NAME.csv, NAME.table.json, ...
    System.out.println(audit.summary());                           // suppressed cells, exposed primaries, verdict
    return verification.passed() && audit.passed();
  }
}
