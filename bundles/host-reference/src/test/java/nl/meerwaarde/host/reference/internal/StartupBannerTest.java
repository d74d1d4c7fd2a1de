package nl.meerwaarde.host.reference.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.osgi.service.http.runtime.dto.RuntimeDTO;
import org.osgi.service.http.runtime.dto.ServletContextDTO;
import org.osgi.service.http.runtime.dto.ServletDTO;

class StartupBannerTest {

    @Test
    void pointsTheBrowserAtLocalhostOnTheAnnouncedPort() {
        assertThat(StartupBanner.localAddress(new String[] {"http://[fd00::2%eth0]:8181/", "http://10.0.0.4:8181/"}))
                .contains(URI.create("http://localhost:8181/"));
        assertThat(StartupBanner.localAddress(List.of("http://192.168.1.5:9090/")))
                .contains(URI.create("http://localhost:9090/"));
        assertThat(StartupBanner.localAddress("http://0.0.0.0:8181/")).contains(URI.create("http://localhost:8181/"));
        assertThat(StartupBanner.localAddress(null)).isEmpty();
    }

    @Test
    void waitsUntilTheRuntimeServesTheLoginPage() {
        assertThat(StartupBanner.servesLogin(null)).isFalse();
        assertThat(StartupBanner.servesLogin(runtime())).isFalse();
        assertThat(StartupBanner.servesLogin(runtime("meerwaarde-overview"))).isFalse();
        assertThat(StartupBanner.servesLogin(runtime("meerwaarde-host-root", StartupBanner.LOGIN_SERVLET)))
                .isTrue();
    }

    private static RuntimeDTO runtime(String... servletNames) {
        ServletContextDTO context = new ServletContextDTO();
        context.servletDTOs = java.util.Arrays.stream(servletNames)
                .map(name -> {
                    ServletDTO servlet = new ServletDTO();
                    servlet.name = name;
                    return servlet;
                })
                .toArray(ServletDTO[]::new);
        RuntimeDTO runtime = new RuntimeDTO();
        runtime.servletContextDTOs = new ServletContextDTO[] {context};
        return runtime;
    }

    @Test
    void namesADemoAccountOnlyWithDemoData() {
        Optional<URI> address = Optional.of(URI.create("http://localhost:8181/"));

        assertThat(StartupBanner.message(address, config(true))).contains("http://localhost:8181/", "sanne");
        assertThat(StartupBanner.message(address, config(false)))
                .contains("http://localhost:8181/")
                .doesNotContain("sanne", "demo-");
    }

    private static HostReferenceConfig config(boolean demoData) {
        return new HostReferenceConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return HostReferenceConfig.class;
            }

            @Override
            public String dataDirectory() {
                return "";
            }

            @Override
            public boolean demoData() {
                return demoData;
            }

            @Override
            public int bcryptCost() {
                return 4;
            }

            @Override
            public int sessionIdleTimeoutMinutes() {
                return 480;
            }

            @Override
            public boolean cookieSecure() {
                return false;
            }
        };
    }
}
