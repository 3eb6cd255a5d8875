package dev.platen.testing;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The engine on a database of its own, with nothing working in the background (no jobs, no file workers, no canary
 * watch: a test that runs a canary gives the verdicts itself): the order book's and the process tests move
 * placements and run jobs themselves. One annotation, so that they share one Spring context, one database and one
 * engine, started once: what a test asserts of the book or the engine is of its own orders, placements and
 * processes, never of all of them, and never of which rule set is live (a canary test before it promotes one).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:engine-context;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "camunda.bpm.process-engine-name=platenEngineContext",
        "platen.storage.root=" + EngineContext.STORAGE_ROOT,
        "platen.rulesets.watch-every=1h"
})
@AutoConfigureMockMvc
public @interface EngineContext {

    String STORAGE_ROOT = "target/process-test-objects";
}
