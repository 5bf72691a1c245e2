package vn.ccn.dms.it;

import java.util.logging.Logger;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.container.spi.event.UnDeployDeployment;
import org.jboss.arquillian.container.spi.event.container.BeforeStop;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Deploys the built EAR once per test run instead of once per test class, and undeploys it before the server stops.
 *
 * <p>Every integration test is a client of the same archive ({@link Deployments#builtEar()}, {@code testable =
 * false}), and each class shares the run's database and search node already, so a redeployment per class gave a test
 * nothing but about 11 seconds of deploy and undeploy: 24 of them were 4 to 5 minutes of a 10-minute verify, and the
 * one rare deployment Payara refused (Weld seeing the EJB module as a plain bean archive, session 11) was in one of
 * them. A class that deploys another archive, or an in-container ({@code testable}) one, is deployed and undeployed
 * as before. If a deployment fails, the next class deploys again.
 */
public final class DeployOnce implements LoadableExtension {

    private static final Logger LOG = Logger.getLogger(DeployOnce.class.getName());

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Observer.class);
    }

    /** Arquillian's observer: intercepts the deploy and undeploy events of the built EAR. */
    public static final class Observer {

        /** The EAR on the server, kept from the class that deployed it; null until a deployment succeeded. */
        private static DeploymentDescription deployed;

        public void deploy(@Observes EventContext<DeployDeployment> event) {
            DeploymentDescription description = event.getEvent().getDeployment().getDescription();
            if (deployed != null && shared(description)) {
                LOG.fine(() -> description.getArchive().getName() + " is deployed already");
                return; // not proceeding skips the deployment: the server runs the same archive
            }
            event.proceed(); // throws if the server refuses it, and then nothing is remembered
            if (shared(description)) {
                deployed = description;
            }
        }

        public void undeploy(@Observes EventContext<UnDeployDeployment> event) {
            if (deployed != null && shared(event.getEvent().getDeployment().getDescription())) {
                return; // kept for the next class; undeployed before the server stops
            }
            event.proceed();
        }

        public void beforeStop(@Observes BeforeStop event) throws Exception {
            if (deployed != null) {
                DeploymentDescription last = deployed;
                deployed = null;
                event.getDeployableContainer().undeploy(last.getArchive());
            }
        }

        private static boolean shared(DeploymentDescription description) {
            return description.isArchiveDeployment() && !description.testable()
                    && description.getArchive().getName().equals(Deployments.builtEarName());
        }
    }
}
