package dev.platen.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An integration test of the web layer (browser pages, sign-in, slow or malformed requests, the API document, storage
 * links, the README's walkthrough) that keeps the quick start's embedded H2 when the run puts the others on
 * PostgreSQL ({@link PostgresTestDatabases}): what it checks does not depend on what a database keeps, and the
 * queries behind it are the ones the PostgreSQL tests run. Each integration test runs once, on one database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
public @interface OnEmbeddedH2 {
}
