package org.parley.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jboss.arquillian.container.spi.Container;
import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.container.spi.event.UnDeployDeployment;
import org.jboss.arquillian.container.spi.event.container.BeforeStop;
import org.jboss.arquillian.core.api.Event;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.asset.ArchiveAsset;

/**
 * Keeps a client-side test class's EAR deployed for the next class that deploys the same archive, instead of
 * undeploying it after each class and deploying it again (about 12 s a class: most browser and REST test classes
 * deploy the plain {@link ParleyDeployment#ear()}). Only {@code @Deployment(testable = false)} archives are kept; two
 * archives are the same when they hold the same paths, nested archives included (the EAR is read from one file per
 * run, and test classes added to it show up as paths of their own). A different archive first undeploys the kept one
 * (they share the name {@code parley.ear}); the last kept one is undeployed before the server stops, so the server's
 * data folder holds no deployment afterwards. {@link DeploymentClassOrder} runs the classes with the plain EAR together.
 */
public final class SharedDeployments {

    /** Registers the observers with Arquillian (META-INF/services/org.jboss.arquillian.core.spi.LoadableExtension). */
    public static final class Extension implements LoadableExtension {
        @Override
        public void register(ExtensionBuilder builder) {
            builder.observer(SharedDeployments.class);
        }
    }

    private static String keptKey;
    private static Deployment kept;
    private static Container keptIn;

    @Inject
    private Event<UnDeployDeployment> undeploy;

    public void deploy(@Observes EventContext<DeployDeployment> context) throws Exception {
        Deployment deployment = context.getEvent().getDeployment();
        String key = key(deployment.getDescription());
        if (key != null && key.equals(keptKey)) {
            deployment.deployed();
            System.out.println("SharedDeployments: "
                    + deployment.getDescription().getArchive().getName() + " is still deployed; not deployed again");
            return;
        }
        undeployKept();
        context.proceed();
        if (key != null && deployment.isDeployed()) {
            keptKey = key;
            kept = deployment;
            keptIn = context.getEvent().getContainer();
        }
    }

    public void undeploy(@Observes EventContext<UnDeployDeployment> context) {
        Deployment deployment = context.getEvent().getDeployment();
        if (keptKey != null && keptKey.equals(key(deployment.getDescription()))) {
            deployment.undeployed(); // stays in the server for the next class
            return;
        }
        context.proceed();
    }

    public void beforeStop(@Observes BeforeStop event) {
        undeployKept();
    }

    /** Undeploys the kept archive the way Arquillian does after a class (in the container's and deployment's context). */
    private void undeployKept() {
        if (keptKey == null) {
            return;
        }
        Deployment deployment = kept;
        Container container = keptIn;
        keptKey = null; // so that undeploy(...) lets this one through
        kept = null;
        keptIn = null;
        undeploy.fire(new UnDeployDeployment(container, deployment));
    }

    /** The paths of a client-side archive (nested ones with their own), or null for one that is not kept. */
    static String key(DeploymentDescription description) {
        if (description.testable() || !description.isArchiveDeployment()) {
            return null;
        }
        return key(description.getArchive());
    }

    /** The archive's name and all its paths, nested archives' paths included. */
    static String key(Archive<?> archive) {
        TreeSet<String> paths = new TreeSet<>();
        collect(archive, "", paths);
        return archive.getName() + paths;
    }

    private static void collect(Archive<?> archive, String prefix, TreeSet<String> paths) {
        List<Map.Entry<ArchivePath, Node>> entries =
                new ArrayList<>(archive.getContent().entrySet());
        for (Map.Entry<ArchivePath, Node> e : entries) {
            String path = prefix + e.getKey().get();
            paths.add(path);
            if (e.getValue().getAsset() instanceof ArchiveAsset nested) {
                collect(nested.getArchive(), path + "!", paths);
            }
        }
    }
}
