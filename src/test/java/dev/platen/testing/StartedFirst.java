package dev.platen.testing;

import org.junit.jupiter.api.Order;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class among the longest of its run (15 s or more on the CI machine), or one that spends ten seconds or more
 * waiting on a slow client, started before the classes without it. The runs take two classes at a time in the order
 * JUnit's class orderer gives them (pom.xml, {@code test.two-classes-at-a-time}): a long class that happened to start
 * last kept one core busy for its whole length while the other had nothing left to run, and a waiting one left both
 * idle (10-25 s of the H2 and PostgreSQL runs on 2026-12-05). JUnit's fork-join pool hands the first classes of the
 * order to one worker, one after another, while the other works from the end of the order; they meet in between.
 * Classes that must run alone ({@code @Isolated}) still run after all the others, whatever their order. The three
 * classes of a minute or more in the integration tests' run name their place with {@code @Order} instead: the
 * labelled lanes first ({@code @Order(0)}), the rule-set canary and the burst last ({@code @Order(Integer.MAX_VALUE)}),
 * so that each worker starts one of them at once; after other long classes the lanes used to end the run alone.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Order(1)
public @interface StartedFirst {
}
