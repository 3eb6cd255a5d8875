package dev.platen.testing;

import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

import java.util.List;
import java.util.Map;

/**
 * Runs every Spring test context on a fresh database of the JVM's test PostgreSQL when the run asks for it
 * ({@code -Dplaten.it.database=postgres}, the failsafe execution {@code integration-test-postgres}); otherwise
 * does nothing and the tests keep their H2. Registered in {@code META-INF/spring.factories}, so every integration
 * test, present and future, runs on both databases without naming this class. The datasource properties are put
 * first, ahead of the tests' inlined H2 URL.
 */
public class PostgresTestDatabases implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return TestPostgres.requested() ? new FreshDatabase() : null;
    }

    private static final class FreshDatabase implements ContextCustomizer {

        @Override
        public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
                                     org.springframework.test.context.MergedContextConfiguration merged) {
            TestPostgres pg = TestPostgres.shared();
            String url = pg.newDatabase(merged.getTestClass().getSimpleName());
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("platen-test-postgres", Map.of(
                    "spring.datasource.url", url,
                    "spring.datasource.username", pg.user(),
                    "spring.datasource.password", "")));
        }

        // One kind of customizer: contexts that differ in nothing else may still be cached and shared.
        @Override
        public boolean equals(Object other) {
            return other instanceof FreshDatabase;
        }

        @Override
        public int hashCode() {
            return FreshDatabase.class.hashCode();
        }
    }
}
