package nl.meerwaarde.web.internal.rest;

import static nl.meerwaarde.web.internal.rest.Fakes.ANNA;
import static nl.meerwaarde.web.internal.rest.Fakes.RESIDENT;
import static nl.meerwaarde.web.internal.rest.Fakes.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.ws.rs.ForbiddenException;
import javax.ws.rs.NotFoundException;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.questionnaire.Coding;
import nl.meerwaarde.api.questionnaire.QuestionnaireRef;
import nl.meerwaarde.api.questionnaire.QuestionnaireResponse;
import nl.meerwaarde.host.spi.AuditEvent;
import nl.meerwaarde.host.spi.ResidentId;
import nl.meerwaarde.host.spi.Subject;
import org.junit.jupiter.api.Test;

/** Issue 3: a resident sees only his or her own self-scans; workers and other residents see none of them here. */
class SelfScansApiTest {
    private final Fakes.Responses responses = new Fakes.Responses();
    private final Fakes.Audit audit = new Fakes.Audit();
    private final SelfScansResource resource =
            new SelfScansResource(responses, audit, new Fakes.Catalog(), Fakes.CLOCK);

    private final QuestionnaireResponse ownScan =
            response(RESIDENT.resident(), RESIDENT.auditName(), "2026-02-01T10:00:00Z");
    private final QuestionnaireResponse ownLaterScan =
            response(RESIDENT.resident(), RESIDENT.auditName(), "2026-03-01T10:00:00Z");
    private final QuestionnaireResponse enteredByWorker =
            response(RESIDENT.resident(), ANNA.auditName(), "2026-02-15T10:00:00Z");
    private final QuestionnaireResponse othersScan =
            response(ResidentId.of("r-2"), "resident:r-2", "2026-02-10T10:00:00Z");

    SelfScansApiTest() {
        List.of(ownLaterScan, enteredByWorker, othersScan, ownScan).forEach(responses::save);
    }

    private static QuestionnaireResponse response(ResidentId resident, String authoredBy, String authored) {
        return new QuestionnaireResponse(
                UUID.randomUUID(),
                new QuestionnaireRef("positieve-gezondheid-demo", 1),
                Optional.of(resident),
                Optional.<ActivityId>empty(),
                Instant.parse(authored),
                authoredBy,
                List.of(
                        new QuestionnaireResponse.Answer("lichaam", List.of(7)),
                        new QuestionnaireResponse.Answer("toelichting", List.of(new Coding("x")))));
    }

    @Test
    void aResidentListsOnlyOwnSelfScansOldestFirstAndEveryReadIsAudited() {
        List<Views.SelfScanView> scans = resource.list(as(RESIDENT));

        assertThat(scans)
                .extracting(Views.SelfScanView::id)
                .containsExactly(ownScan.id().toString(), ownLaterScan.id().toString());
        assertThat(scans.get(0).answers())
                .extracting(Views.AnswerView::values)
                .containsExactly(List.of(7), List.of("x"));
        assertThat(audit.events)
                .extracting(AuditEvent::actor, AuditEvent::action, AuditEvent::objectId, AuditEvent::resident)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                RESIDENT.auditName(), "read", ownScan.id().toString(), RESIDENT.resident()),
                        org.assertj.core.groups.Tuple.tuple(
                                RESIDENT.auditName(), "read", ownLaterScan.id().toString(), RESIDENT.resident()));
    }

    @Test
    void aResidentReadsOwnSelfScanButNothingElse() {
        assertThat(resource.read(ownScan.id().toString(), as(RESIDENT)).questionnaireVersion())
                .isEqualTo(1);
        assertThat(audit.events).hasSize(1);

        for (String id : List.of(
                enteredByWorker.id().toString(),
                othersScan.id().toString(),
                UUID.randomUUID().toString(),
                "not-an-id")) {
            assertThatThrownBy(() -> resource.read(id, as(RESIDENT))).isInstanceOf(NotFoundException.class);
        }
        assertThat(audit.events).hasSize(1);
    }

    @Test
    void anotherResidentSeesNoneOfThem() {
        Subject.ResidentSubject other = new Subject.ResidentSubject(ResidentId.of("r-3"), "inv-3");

        assertThat(resource.list(as(other))).isEmpty();
        assertThatThrownBy(() -> resource.read(ownScan.id().toString(), as(other)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aWorkerIsRefused() {
        assertThatThrownBy(() -> resource.list(as(ANNA))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> resource.read(ownScan.id().toString(), as(ANNA)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(audit.events).isEmpty();
    }
}
