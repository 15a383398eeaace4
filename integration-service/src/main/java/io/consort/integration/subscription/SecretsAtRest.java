package io.consort.integration.subscription;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;

/** At start, seals the secrets stored in plain text before they were encrypted at rest ({@link SecretCipher}). */
@ApplicationScoped
public class SecretsAtRest {

    private static final Logger LOG = Logger.getLogger(SecretsAtRest.class);

    @Inject
    SecretCipher cipher;

    void onStart(@Observes StartupEvent event) {
        sealPlainSecrets();
    }

    /** Seals every secret still stored in plain text; answers how many subscriptions had one. */
    @Transactional
    public int sealPlainSecrets() {
        List<Subscription> plain = Subscription.list(
                "secret not like ?1 or (previousSecret is not null and previousSecret not like ?1)",
                SecretCipher.SEALED + "%");
        for (Subscription s : plain) {
            if (SecretCipher.isPlain(s.secret)) {
                s.secret = cipher.seal(s.secret, s.id);
            }
            if (SecretCipher.isPlain(s.previousSecret)) {
                s.previousSecret = cipher.seal(s.previousSecret, s.id);
            }
        }
        if (!plain.isEmpty()) {
            LOG.infof("sealed the signing secrets of %d subscription(s) stored in plain text", plain.size());
        }
        return plain.size();
    }
}
