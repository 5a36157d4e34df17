package dev.threadlab.account;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Creates the first admin from THREADLAB_ADMIN_USERNAME / THREADLAB_ADMIN_PASSWORD; there is no default password. */
@ApplicationScoped
public class AdminBootstrap {
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    void onStart(@Observes StartupEvent start, AccountConfig config, Accounts accounts) {
        if (config.adminUsername().isEmpty() || config.adminPassword().isEmpty()) {
            LOG.info("No admin account was created: set THREADLAB_ADMIN_USERNAME and THREADLAB_ADMIN_PASSWORD to "
                    + "create one at start.");
            return;
        }
        try {
            accounts.ensureAdmin(config.adminUsername().get(), config.adminPassword().get())
                    .ifPresent(admin -> LOG.infof("Admin account %s is ready.", admin.username()));
        } catch (AccountException e) {
            LOG.errorf("The admin account could not be created: %s", e.getMessage());
        }
    }
}
