package io.stratum.testkit.tck;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Disables a contract annotated with {@link RequiresCapability} when the enclosing {@link ConformanceSuite}
 * does not have the capability. The suite's instance exists by then: it is created once per class.
 */
final class CapabilityCondition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<RequiresCapability> required = context.getElement()
                .flatMap(element -> AnnotationSupport.findAnnotation(element, RequiresCapability.class));
        if (required.isEmpty()) {
            return ConditionEvaluationResult.enabled("no capability required");
        }
        Capability capability = required.get().value();
        ConformanceSuite suite = suite(context);
        return suite.has(capability)
                ? ConditionEvaluationResult.enabled(suite.name() + " has " + capability)
                : ConditionEvaluationResult.disabled(suite.name() + " lacks " + capability);
    }

    private static ConformanceSuite suite(ExtensionContext context) {
        for (Optional<ExtensionContext> c = Optional.of(context);
                c.isPresent();
                c = c.get().getParent()) {
            if (c.get().getTestInstance().orElse(null) instanceof ConformanceSuite suite) {
                return suite;
            }
        }
        throw new IllegalStateException(
                "@RequiresCapability is for the contracts of a ConformanceSuite, not " + context.getDisplayName());
    }
}
