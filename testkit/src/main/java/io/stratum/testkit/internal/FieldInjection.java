package io.stratum.testkit.internal;

import io.stratum.testkit.StratumInject;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;

/** Sets the {@link StratumInject} fields of test instances. */
public final class FieldInjection {
    private FieldInjection() {}

    public static void inject(Object testInstance, TestState state) {
        for (Field field : AnnotationSupport.findAnnotatedFields(testInstance.getClass(), StratumInject.class)) {
            String where = "@StratumInject field " + field.getDeclaringClass().getSimpleName() + "." + field.getName();
            if (Modifier.isStatic(field.getModifiers()) || Modifier.isFinal(field.getModifiers())) {
                throw new ExtensionConfigurationException(
                        where + " must be neither static nor final: each test gets its own value");
            }
            if (!TestState.TYPES.contains(field.getType())) {
                throw new ExtensionConfigurationException(where + " has type "
                        + field.getType().getName() + "; it can be a Stratum, DSLContext, DataSource or Fixtures");
            }
            try {
                field.setAccessible(true);
                field.set(testInstance, state.get(field.getType()));
            } catch (IllegalAccessException | RuntimeException e) {
                throw new ExtensionConfigurationException("cannot set " + where + ": " + e.getMessage(), e);
            }
        }
    }
}
