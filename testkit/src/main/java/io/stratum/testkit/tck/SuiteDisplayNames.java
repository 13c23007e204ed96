package io.stratum.testkit.tck;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * Names a contract after the backend's suite class rather than after {@link ConformanceSuite}, where it is
 * declared: {@code io.stratum.sqlite.SqliteFileConformanceTest$Tasks}. Reports that use display names
 * (Surefire's {@code usePhrased...} options) then keep the backends' results apart.
 */
public final class SuiteDisplayNames extends DisplayNameGenerator.Standard {
    @Override
    public String generateDisplayNameForClass(Class<?> testClass) {
        return testClass.getName();
    }

    @Override
    public String generateDisplayNameForNestedClass(List<Class<?>> enclosingInstanceTypes, Class<?> nestedClass) {
        return enclosingInstanceTypes.getLast().getName() + "$" + nestedClass.getSimpleName();
    }
}
