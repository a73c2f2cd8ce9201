package org.parley.testing;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Comparator;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.Order;

/**
 * The order of the integration test classes (junit.jupiter.testclass.order.default in ear/pom.xml): by {@link Order}
 * first (FailoverClusterIT runs last), then client-side classes grouped by the archive they deploy, so that
 * {@link SharedDeployments} deploys each archive once for its group (most classes deploy the plain EAR), then the
 * in-container classes (their archives hold the test class, one deployment each), each group by name. It extends
 * JUnit's {@code OrderAnnotation} so that JUnit knows {@code @Order} is honoured (it warns otherwise).
 */
public final class DeploymentClassOrder extends ClassOrderer.OrderAnnotation {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors()
                .sort(Comparator.<ClassDescriptor>comparingInt(d ->
                                d.findAnnotation(Order.class).map(Order::value).orElse(Order.DEFAULT))
                        .thenComparing(d -> group(d.getTestClass()))
                        .thenComparing(d -> d.getTestClass().getName()));
    }

    /** "0" and the archive's key for a client-side class, "1" for an in-container one, "2" without a deployment. */
    private static String group(Class<?> test) {
        for (Method m : test.getDeclaredMethods()) {
            Deployment deployment = m.getAnnotation(Deployment.class);
            if (deployment == null || !Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            if (deployment.testable()) {
                return "1";
            }
            try {
                m.setAccessible(true);
                return "0" + SharedDeployments.key((Archive<?>) m.invoke(null));
            } catch (ReflectiveOperationException | RuntimeException e) {
                return "0?"; // the class fails on its own when Arquillian calls the method
            }
        }
        return "2";
    }
}
