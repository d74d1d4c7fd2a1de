package nl.meerwaarde.host.reference.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the reference host, PID {@value #PID}. Every component of this bundle reads the same
 * configuration; each uses the attributes it needs.
 */
@ObjectClassDefinition(
        id = HostReferenceConfig.PID,
        name = "Meerwaarde reference host",
        description = "The small reference host (residents, workers, teams, login) the demo and the tests run on.")
public @interface HostReferenceConfig {
    /** The configuration PID; public API, never to change. */
    String PID = "nl.meerwaarde.host.reference";

    @AttributeDefinition(
            name = "Data directory",
            description = "Directory of the host's own H2 database (file 'host' in it). Empty: the framework property"
                    + " meerwaarde.data, else ${karaf.data}/meerwaarde, else 'data' in the working directory.")
    String dataDirectory() default "";

    @AttributeDefinition(
            name = "Demo data",
            description = "Load the demo organisation, workers and residents on first start (only into empty tables),"
                    + " and the demo signals and activities into Meerwaarde's stores. Switch off in production.")
    boolean demoData() default true;

    @AttributeDefinition(
            name = "bcrypt cost",
            description = "Work factor of the bcrypt password hashes (4-31); each step doubles the time of a login."
                    + " Stored hashes with a lower cost are re-hashed at the next successful login.",
            min = "4",
            max = "31")
    int bcryptCost() default 12;

    @AttributeDefinition(
            name = "Session idle timeout (minutes)",
            description = "A session ends after this many minutes without a request.",
            min = "1")
    int sessionIdleTimeoutMinutes() default 480;

    @AttributeDefinition(
            name = "Secure cookie",
            description = "Mark the session cookie Secure (sent over HTTPS only). Off for http://localhost; switch on"
                    + " whenever the host is reached over HTTPS.")
    boolean cookieSecure() default false;
}
