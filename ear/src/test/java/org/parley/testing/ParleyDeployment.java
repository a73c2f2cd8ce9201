package org.parley.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The EAR the build just packaged, as Arquillian deploys it: the real application, with the test's own classes added
 * to its WAR so that in-container tests can inject Parley's EJBs.
 */
public final class ParleyDeployment {

    private ParleyDeployment() {}

    public static EnterpriseArchive ear(Class<?>... testClasses) {
        File file = new File(System.getProperty("parley.ear", "target/parley.ear"));
        if (!file.isFile()) {
            throw new IllegalStateException("No EAR at " + file + ": run the tests through Maven (scripts/test.sh)");
        }
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, file);
        WebArchive war = ear.getAsType(WebArchive.class, "parley-web.war");
        war.addClasses(testClasses);
        war.addClass(ParleyDeployment.class);
        war.addClasses(Reputations.class, Reputations.Servlet.class);
        return ear;
    }

    /**
     * Adds {@code beans} to the EJB module. CDI delivers events the EJB module fires only to observers it can see: its
     * own and its libraries', never the WAR's; test observers of such events therefore go here.
     */
    public static EnterpriseArchive withEjbBeans(EnterpriseArchive ear, Class<?>... beans) {
        ear.getAsType(JavaArchive.class, "parley-ejb.jar").addClasses(beans);
        return ear;
    }

    /** A value unique to this test run, for names that must not collide with rows left by earlier runs. */
    public static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }

    /** The admin's password the test server's first start wrote into its data folder. */
    public static String adminPassword() throws IOException {
        Path file = Path.of(System.getProperty("it.server.dir"), "data", "parley", "admin-password");
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }
}
