package dev.platen.testing;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every Spring test context on a fresh database of the JVM's test PostgreSQL when the run asks for it
 * ({@code -Dplaten.it.database=postgres}, as {@code ./mvnw verify}'s integration tests do), except the web-layer
 * tests marked {@link OnEmbeddedH2}; otherwise does nothing and the tests keep their H2. Registered in
 * {@code META-INF/spring.factories}, so every integration test, present and future, runs on PostgreSQL without naming
 * this class. The datasource properties are put first, ahead of the tests' inlined H2 URL.
 *
 * <p>The H2 tests' contexts live in the same JVM: a context moved to PostgreSQL whose engine has the default name
 * takes the name {@value #ENGINE} instead, so that Camunda's static registry of engines by name (and
 * {@code /engine-rest}, which serves the one named "default") keeps the H2 context's engine, and it keeps its
 * objects in a folder of its own beside the one its properties name ({@code target/it-objects-postgres}).
 */
public class PostgresTestDatabases implements ContextCustomizerFactory {

    /** The engine name of a context moved to PostgreSQL that had the default one. */
    public static final String ENGINE = "postgres";

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return TestPostgres.requested() && !testClass.isAnnotationPresent(OnEmbeddedH2.class) ? new FreshDatabase() : null;
    }

    private static final class FreshDatabase implements ContextCustomizer {

        @Override
        public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
                                     org.springframework.test.context.MergedContextConfiguration merged) {
            TestPostgres pg = TestPostgres.shared();
            String url = pg.newDatabase(merged.getTestClass().getSimpleName());
            ConfigurableEnvironment environment = context.getEnvironment();
            Map<String, Object> properties = new HashMap<>(Map.of(
                    "spring.datasource.url", url,
                    "spring.datasource.username", pg.user(),
                    "spring.datasource.password", ""));
            // The shared API tests' context (the default engine, target/it-objects) has an H2 twin in the same JVM.
            if (environment.getProperty("camunda.bpm.process-engine-name", "default").equals("default")) {
                properties.put("camunda.bpm.process-engine-name", ENGINE);
                properties.put("platen.storage.root", environment.getProperty("platen.storage.root") + "-postgres");
            }
            environment.getPropertySources().addFirst(new MapPropertySource("platen-test-postgres", properties));
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
