package nl.meerwaarde.web.internal.rest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.api.SignalId;
import nl.meerwaarde.api.store.SignalStore;
import nl.meerwaarde.host.spi.ResidentId;
import nl.meerwaarde.host.spi.Residents;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.host.spi.TeamId;
import nl.meerwaarde.web.FieldCodes;

/**
 * Registers a signal: the one code path of {@code POST /api/v1/signals} and the screen "Signaal registreren". Checks
 * every field ({@link Check}), the team against the worker's teams and the resident with the host; saves only when
 * all is valid.
 */
public final class SignalRegistration {
    /** Signals are registered on Dutch calendar days. */
    static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

    private final SignalStore store;
    private final Residents residents;
    private final Clock clock;

    /**
     * @param store where the signal goes ({@code null} while there is none: 503)
     * @param residents the host's residents, asked only when a resident is named ({@code null}: 503 then)
     */
    public SignalRegistration(SignalStore store, Residents residents, Clock clock) {
        this.store = store;
        this.residents = residents;
        this.clock = clock;
    }

    /**
     * Checks and saves the signal.
     *
     * @throws InvalidInputException with every invalid field; nothing is saved then
     */
    public Signal register(Bodies.NewSignal body, Subject.WorkerSubject worker) {
        SignalStore signals = Problems.require(store);
        Signal signal = validate(body, worker);
        signals.save(signal);
        return signal;
    }

    private Signal validate(Bodies.NewSignal body, Subject.WorkerSubject worker) {
        Check check = new Check();
        if (body == null) {
            check.add("body", FieldCodes.REQUIRED);
            check.done();
        }
        TeamId team = SignalsResource.ownTeam(check, "team", body.team(), worker);
        // The calendar day in the Netherlands, whatever zone the server runs in.
        LocalDate today = LocalDate.ofInstant(clock.instant(), DUTCH_TIME);
        LocalDate registeredOn = body.registeredOn() == null ? today : body.registeredOn();
        if (registeredOn.isAfter(today)) {
            check.add("registeredOn", "field.max", today);
        }
        String type = check.required("type", body.type(), Check.CODE_LENGTH);
        Set<String> targetGroups = check.codes("targetGroups", body.targetGroups(), Check.CODE_LENGTH, false);
        Optional<String> referrer = check.optional("referrer", body.referrer(), SignalsResource.REFERRER_LENGTH);
        Optional<String> question = check.optional("question", body.question(), Check.TEXT_LENGTH);
        Optional<ResidentId> resident = resident(check, "resident", body.resident());
        check.done();
        return new Signal(
                SignalId.random(),
                team,
                registeredOn,
                type,
                targetGroups,
                referrer.orElse(null),
                question.orElse(null),
                Boolean.TRUE.equals(body.answered()),
                resident,
                Optional.empty());
    }

    /** The resident named in a body, checked with the host ({@code Residents}); adds an error when unknown. */
    private Optional<ResidentId> resident(Check check, String field, String value) {
        Optional<String> id = check.optional(field, value, Check.HOST_ID_LENGTH);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        ResidentId resident;
        try {
            resident = new ResidentId(id.get());
        } catch (IllegalArgumentException malformed) {
            check.add(field, Codes.RESIDENT_UNKNOWN);
            return Optional.empty();
        }
        if (Problems.require(residents).find(resident).isEmpty()) {
            check.add(field, Codes.RESIDENT_UNKNOWN);
            return Optional.empty();
        }
        return Optional.of(resident);
    }
}
