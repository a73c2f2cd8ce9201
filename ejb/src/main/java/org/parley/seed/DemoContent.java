package org.parley.seed;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.rules.InvalidInputException;

/**
 * At start-up: makes sure the default site {@code localhost} and its admin user exist, then, unless {@code
 * -Dparley.seed=false}, seeds the demo sites and content if the default site has no questions yet. The admins'
 * password is read from {@code ${jboss.server.data.dir}/parley/admin-password}, created with a random password if
 * missing.
 *
 * <p>Demo content is optional: if seeding fails it is logged and the application starts without it (in its own
 * transaction, so the default site stays). A failure to create the default site fails the deployment.
 */
@Singleton
@Startup
@DependsOn("H2EnumColumns")
public class DemoContent {

    static final String SEED_PROPERTY = "parley.seed";

    private static final Logger log = Logger.getLogger(DemoContent.class.getName());

    @EJB
    private DemoSeeder seeder;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void start() {
        Path passwordFile = AdminPassword.defaultFile();
        String password = AdminPassword.readOrCreate(passwordFile);
        seeder.ensureDefaultSiteAndAdmin(password);
        log.log(Level.INFO, "Admins log in as \"admin\" with the password in {0}", passwordFile);
        if ("false".equalsIgnoreCase(System.getProperty(SEED_PROPERTY))) {
            log.log(Level.INFO, "Demo content not seeded: -D{0}=false", SEED_PROPERTY);
            return;
        }
        try {
            seeder.seedIfEmpty(password);
        } catch (EJBException | InvalidInputException | UncheckedIOException e) {
            log.log(Level.SEVERE, "Demo content could not be seeded; starting without it", e);
        }
    }
}
