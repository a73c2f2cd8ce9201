package org.parley.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that runs against Parley's cluster ({@code scripts/cluster.sh}: PostgreSQL, a WildFly domain with
 * web1, web2 and work1, HAProxy in front). The cluster starts once per test run, before the first such class, and
 * stops after the last; see {@link ClusterFixture} for the system properties a test reads (front door, each web
 * server, the admin password). Name the class {@code *ClusterIT} so that the ear module's cluster run picks it up.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ClusterFixture.class)
public @interface ClusterTest {}
