package dev.platen;

import dev.platen.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's schema on the database the run asked for: H2 by default, the tests' own PostgreSQL server with
 * {@code -Dplaten.it.database=postgres}. Every migration on the classpath was applied, and Camunda's tables are
 * there, so the other integration tests really do run on that database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:platen-it;DB_CLOSE_DELAY=-1",
        "platen.storage.root=target/it-objects"
})
class DatabaseSchemaIntegrationTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theRunsDatabaseHasEveryMigrationAndCamundasTables() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            assertThat(product).isEqualTo(TestPostgres.requested() ? "PostgreSQL" : "H2");
        }
        Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*__*.sql");
        List<String> versions = Arrays.stream(scripts).map(r -> r.getFilename().substring(1, r.getFilename().indexOf("__")))
                .sorted().toList();
        List<String> applied = jdbc.sql("select \"version\" from \"flyway_schema_history\" where \"success\" = true and \"version\" is not null")
                .query(String.class).list().stream().sorted().toList();
        assertThat(applied).isNotEmpty().containsExactlyInAnyOrderElementsOf(versions);
        // Camunda's schema is there at the engine's own version (it refuses to start on another one)
        // (ACT_GE_SCHEMA_LOG: a row per creation or update; schema.version in ACT_GE_PROPERTY still says "fox")
        assertThat(jdbc.sql("select VERSION_ from ACT_GE_SCHEMA_LOG order by TIMESTAMP_ desc").query(String.class)
                .list()).first().isEqualTo(org.camunda.bpm.engine.ProcessEngine.class.getPackage()
                        .getImplementationVersion());
        assertThat(jdbc.sql("select count(*) from ACT_RE_PROCDEF").query(Long.class).single()).isPositive();
    }
}
