package dev.platen.intake;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The order systems' keys are checked when the engine starts, not found wrong by the first request. */
class ShopApiKeysTest {

    private static final String DEMO = "5b2c6ee5bdd7b0d6b7a4dd9d1e9d1f2c3c44fa5d4e7f2ce0d1f1c8f8c9d7e6a1";

    @Configuration
    @EnableConfigurationProperties(ShopApiKeys.class)
    static class Keys {
    }

    private final ApplicationContextRunner engine = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Keys.class);

    @Test
    void wellFormedKeysStart() {
        engine.withPropertyValues("platen.api.keys[0].name=shop", "platen.api.keys[0].sha256=" + DEMO,
                        "platen.api.keys[1].name=plug-in", "platen.api.keys[1].sha256=" + DEMO.replace('5', '6'))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ShopApiKeys.class).keys()).hasSize(2);
                });
    }

    @Test
    void aHashThatIsNotASha256StopsTheStartNamingTheKey() {
        engine.withPropertyValues("platen.api.keys[0].name=shop", "platen.api.keys[0].sha256=" + DEMO,
                        "platen.api.keys[1].name=typo", "platen.api.keys[1].sha256=" + DEMO.substring(1) + "g")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("keys[1].sha256").hasMessageContaining("64 hex digits"));
    }

    @Test
    void aKeyWithoutHolderOrHashStopsTheStart() {
        engine.withPropertyValues("platen.api.keys[0].sha256=" + DEMO)
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("keys[0].name"));
    }

    @Test
    void theSameHashTwiceStopsTheStart() {
        engine.withPropertyValues("platen.api.keys[0].name=shop", "platen.api.keys[0].sha256=" + DEMO,
                        "platen.api.keys[1].name=other", "platen.api.keys[1].sha256=" + DEMO.toUpperCase())
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("keys[1].sha256: the same key hash is listed twice"));
    }
}
