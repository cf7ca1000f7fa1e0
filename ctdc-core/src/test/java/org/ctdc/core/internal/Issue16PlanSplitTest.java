package org.ctdc.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ctdc.core.AlignmentSpec;
import org.ctdc.core.Specs;
import org.ctdc.core.TargetRule;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: the compiled plan has one target class per kind of rule, each in its own file, behind the
 * sealed {@link Target} class (the whole ctdc-core suite is the safety net that the split changed nothing).
 */
class Issue16PlanSplitTest {

  private static final Map<Class<? extends TargetRule>, Class<? extends Target>> COMPILED_TO = Map.of(
      TargetRule.Constant.class, ConstantTarget.class,
      TargetRule.NotCollected.class, ConstantTarget.class,
      TargetRule.Mapped.class, MappedTarget.class,
      TargetRule.FlagWhen.class, FlagWhenTarget.class,
      TargetRule.AnyOf.class, AnyOfTarget.class,
      TargetRule.Age.class, AgeTarget.class,
      TargetRule.Derived.class, DerivedTarget.class);

  @Test
  void issue16_targetIsSealedWithOneTopLevelClassPerKindOfRule() {
    assertTrue(Target.class.isSealed());
    Set<String> permitted = new TreeSet<>();
    for (Class<?> c : Target.class.getPermittedSubclasses()) {
      assertEquals(null, c.getEnclosingClass(), c + " is a top-level class");
      permitted.add(c.getSimpleName());
    }
    assertEquals(new TreeSet<>(Set.of("ConstantTarget", "MappedTarget", "FlagWhenTarget", "AnyOfTarget",
        "AgeTarget", "DerivedTarget")), permitted);
  }

  @Test
  void issue16_everyRuleOfTheBundledSpecsCompilesToTheTargetOfItsKind() {
    Set<Class<?>> seen = new java.util.HashSet<>();
    for (String name : Specs.names()) {
      AlignmentSpec spec = Specs.load(name);
      Plan plan = new Plan(spec);
      for (int t = 0; t < plan.targets.length; t++) {
        TargetRule rule = spec.rules().get(t);
        assertEquals(COMPILED_TO.get(rule.getClass()), plan.targets[t].getClass(), name + ": " + rule.target());
        assertEquals(t, plan.targets[t].index);
        assertEquals(rule, plan.targets[t].rule);
        seen.add(rule.getClass());
      }
    }
    assertEquals(COMPILED_TO.keySet(), seen, "the bundled specs hold every kind of rule");
  }
}
