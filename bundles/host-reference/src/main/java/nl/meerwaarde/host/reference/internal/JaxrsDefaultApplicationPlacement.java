package nl.meerwaarde.host.reference.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves Apache Aries' default JAX-RS application off the server root. Aries serves it at {@code /*} of the
 * default HTTP context, where it would answer every path nobody else serves — including the host's own root
 * {@code /} — with a 404, and would publish any JAX-RS resource that forgets to select an application without
 * login. A configuration an administrator made is never touched.
 */
@Component(name = "nl.meerwaarde.host.reference.jaxrs-default")
public class JaxrsDefaultApplicationPlacement {
    /** Aries' configuration PID of its default whiteboard. */
    static final String ARIES_DEFAULT_PID = "org.apache.aries.jax.rs.whiteboard.default";

    static final String BASE_PROPERTY = "default.application.base";
    static final String BASE = "/.jaxrs-default";

    private static final Logger LOG = LoggerFactory.getLogger(JaxrsDefaultApplicationPlacement.class);

    @Activate
    public JaxrsDefaultApplicationPlacement(@Reference ConfigurationAdmin configurationAdmin) throws IOException {
        Configuration configuration = configurationAdmin.getConfiguration(ARIES_DEFAULT_PID, "?");
        if (configuration.getProperties() == null) {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(BASE_PROPERTY, BASE);
            configuration.update(properties);
            LOG.info("Moved the default JAX-RS application of Apache Aries to {}", BASE);
        }
    }
}
