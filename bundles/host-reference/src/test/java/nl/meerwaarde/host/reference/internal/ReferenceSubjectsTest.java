package nl.meerwaarde.host.reference.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import nl.meerwaarde.host.spi.HostRequest;
import nl.meerwaarde.host.spi.Role;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.host.spi.TeamId;
import nl.meerwaarde.host.spi.WorkerId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceSubjectsTest {
    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:30:00Z"));
    private HostDatabase database;
    private SessionService sessions;
    private ReferenceSubjects subjects;

    @BeforeEach
    void openHost() {
        database = TestHosts.database(directory, true);
        sessions = TestHosts.sessions(database, clock);
        subjects = new ReferenceSubjects(database.dataSource(), sessions);
    }

    @AfterEach
    void closeHost() {
        database.close();
    }

    @Test
    void theSessionCookieNamesALoggedInWorker() {
        String token = sessions.create(new WorkerId("mdw-joost"));

        Optional<Subject> subject = subjects.resolve(request(Map.of("MW_SESSION", token)));

        assertThat(subject).containsInstanceOf(Subject.WorkerSubject.class);
        Subject.WorkerSubject worker = (Subject.WorkerSubject) subject.orElseThrow();
        assertThat(worker.worker().name()).isEqualTo("Joost Brink");
        assertThat(worker.hasRole(Role.ADMINISTRATOR)).isTrue();
        assertThat(worker.hasRole(Role.MANAGER)).isFalse();
        assertThat(worker.memberOf(new TeamId("team-emmen-centrum"))).isTrue();
        assertThat(worker.auditName()).isEqualTo("worker:mdw-joost");
    }

    @Test
    void withoutACookieNobodyIsLoggedIn() {
        assertThat(subjects.resolve(request(Map.of()))).isEmpty();
        assertThat(subjects.resolve(request(Map.of("OTHER", "x")))).isEmpty();
        assertThat(subjects.resolve(request(Map.of("MW_SESSION", "forged")))).isEmpty();
    }

    @Test
    void anExpiredSessionIsNobody() {
        String token = sessions.create(new WorkerId("mdw-sanne"));
        clock.advance(Duration.ofHours(8));

        assertThat(subjects.resolve(request(Map.of("MW_SESSION", token)))).isEmpty();
    }

    @Test
    void sendsBrowsersToTheLoginPageAndBack() {
        assertThat(subjects.loginLocation("/meerwaarde/signals")).isEqualTo("/login?returnTo=%2Fmeerwaarde%2Fsignals");
        assertThat(subjects.loginLocation("https://evil.example/")).isEqualTo("/login");
        assertThat(subjects.logoutLocation()).isEqualTo("/logout");
    }

    private static HostRequest request(Map<String, String> cookies) {
        return new HostRequest() {
            @Override
            public String method() {
                return "GET";
            }

            @Override
            public Optional<String> query() {
                return Optional.empty();
            }

            @Override
            public Optional<String> header(String name) {
                return Optional.empty();
            }

            @Override
            public Optional<String> cookie(String name) {
                return Optional.ofNullable(cookies.get(name));
            }

            @Override
            public String path() {
                return "/meerwaarde/api/v1/signals";
            }
        };
    }
}
