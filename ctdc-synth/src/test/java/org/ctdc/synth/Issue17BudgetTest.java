package org.ctdc.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, the budget split of DP mode against values computed by hand from the formulas (docs/synth-config.md),
 * compared to 15 significant digits, the digits a double carries. The arithmetic, done with 30-digit decimals:
 *
 * <pre>
 * set 1: epsilon 1, delta 1e-6, N_p 0.005, Q_p 0.01, p = 1, 1/2, 1/3, 1/4 (R 4)
 *   epsilon_N = 0.005 * 1 = 0.005; epsilon_M = 1 - 0.005 = 0.995; ln(2/delta) = ln(2e6) = 14.5086577385242
 *   rho = (sqrt(0.995 + 14.5086577385242) - sqrt(14.5086577385242))^2 = (3.93746840... - 3.80902320...)^2
 *       = 0.01649818040054
 *   Q_p rho = 0.0001649818040054; (1 - Q_p) rho = 0.0163331985965346
 *   epsilon_Q = sqrt(2 * 0.01649818040054 * 0.01 / 4) = 0.00908245022021591
 *   sum 1/p_k^2 = 1 + 4 + 9 + 16 = 30; sigma = sqrt(30 / (2 * 0.0163331985965346)) = 30.3047013314703
 *   sigma_k = 30.3047013314703, 15.1523506657352, 10.1015671104901, 7.57617533286758
 * set 2: epsilon 4, delta 1e-5, N_p 0.01, Q_p 0.05, p = 1, 1, 1 (R 3)
 *   epsilon_N = 0.04; epsilon_M = 3.96; ln(2e5) = 12.2060726455302
 *   rho = (sqrt(16.1660726455302) - sqrt(12.2060726455302))^2 = 0.277714732370644
 *   Q_p rho = 0.0138857366185322; (1 - Q_p) rho = 0.263828995752112
 *   epsilon_Q = sqrt(2 * 0.277714732370644 * 0.05 / 3) = 0.0962141244604353
 *   sum = 3; sigma = sqrt(3 / (2 * 0.263828995752112)) = 2.3844288471897 = sigma_1 = sigma_2 = sigma_3
 * set 3: epsilon 0.5, delta 2e-7, N_p 0.005, Q_p 0.01, p = 1, 1/2 (R 2)
 *   epsilon_N = 0.0025; epsilon_M = 0.4975; ln(1e7) = 16.1180956509583
 *   rho = (sqrt(16.6155956509583) - sqrt(16.1180956509583))^2 = 0.00378082236944809
 *   Q_p rho = 0.0000378082236944809; (1 - Q_p) rho = 0.0037430141457536
 *   epsilon_Q = sqrt(2 * 0.00378082236944809 * 0.01 / 2) = 0.00614883921520809
 *   sum = 1 + 4 = 5; sigma = sqrt(5 / (2 * 0.0037430141457536)) = 25.8439724928722; sigma_2 = 12.9219862464361
 * </pre>
 */
class Issue17BudgetTest {

  private static void same(String hand, double computed, String what) {
    BigDecimal h = new BigDecimal(hand).round(new MathContext(15)).stripTrailingZeros();
    BigDecimal c = new BigDecimal(computed).round(new MathContext(15)).stripTrailingZeros();
    assertEquals(h, c, what);
  }

  private static void check(Budget b, String epsN, String epsM, String rho, String qRho, String cRho, String epsQ,
      String sigma, List<String> sigmas) {
    same(epsN, b.numberOfRecordsEpsilon(), "epsilon_N");
    same(epsM, b.marginalsEpsilon(), "epsilon_M");
    same(rho, b.rho(), "rho");
    same(qRho, b.percentilesRho(), "Q_p rho");
    same(cRho, b.countsRho(), "(1 - Q_p) rho");
    same(epsQ, b.percentileEpsilon(), "epsilon_Q");
    same(sigma, b.sigma(), "sigma");
    assertEquals(sigmas.size(), b.sigmas().size());
    for (int k = 0; k < sigmas.size(); k++) {
      same(sigmas.get(k), b.sigmas().get(k), "sigma_" + (k + 1));
    }
  }

  @Test
  void issue17_theBudgetSplitOfSdsExampleParametersMatchesTheHandComputation() {
    check(Budget.split(1, 1e-6, 0.005, 0.01, List.of(1.0, 1.0 / 2, 1.0 / 3, 1.0 / 4)), "0.005", "0.995",
        "0.01649818040054", "0.0001649818040054", "0.0163331985965346", "0.00908245022021591", "30.3047013314703",
        List.of("30.3047013314703", "15.1523506657352", "10.1015671104901", "7.57617533286758"));
  }

  @Test
  void issue17_theBudgetSplitOfALargerEpsilonWithEqualProportionsMatchesTheHandComputation() {
    check(Budget.split(4, 1e-5, 0.01, 0.05, List.of(1.0, 1.0, 1.0)), "0.04", "3.96", "0.277714732370644",
        "0.0138857366185322", "0.263828995752112", "0.0962141244604353", "2.3844288471897",
        List.of("2.3844288471897", "2.3844288471897", "2.3844288471897"));
  }

  @Test
  void issue17_theBudgetSplitOfASmallEpsilonMatchesTheHandComputation() {
    check(Budget.split(0.5, 2e-7, 0.005, 0.01, List.of(1.0, 0.5)), "0.0025", "0.4975", "0.00378082236944809",
        "0.0000378082236944809", "0.0037430141457536", "0.00614883921520809", "25.8439724928722",
        List.of("25.8439724928722", "12.9219862464361"));
  }
}
