package dev.platen.orders;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The engine on a database of its own, with nothing working in the background (no jobs, no file workers): the order
 * book's tests move placements themselves. One annotation, so that they share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:order-book;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "camunda.bpm.process-engine-name=platenOrderBook",
        "platen.storage.root=target/order-book-objects"
})
@interface OrderBookContext {
}
