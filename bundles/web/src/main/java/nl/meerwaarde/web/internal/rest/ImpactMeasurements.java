package nl.meerwaarde.web.internal.rest;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.ws.rs.ServiceUnavailableException;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.InvalidInputException.FieldError;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.questionnaire.Coding;
import nl.meerwaarde.api.questionnaire.ItemType;
import nl.meerwaarde.api.questionnaire.Questionnaire;
import nl.meerwaarde.api.questionnaire.QuestionnaireRef;
import nl.meerwaarde.api.questionnaire.QuestionnaireResponse;
import nl.meerwaarde.api.store.ActivityStore;
import nl.meerwaarde.api.store.AuditTrail;
import nl.meerwaarde.api.store.ResponseStore;
import nl.meerwaarde.forms.QuestionnaireCatalog;
import nl.meerwaarde.forms.ResponseValidator;
import nl.meerwaarde.host.spi.AuditEvent;
import nl.meerwaarde.host.spi.ResidentId;
import nl.meerwaarde.host.spi.Residents;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.web.FieldCodes;

/**
 * A participant's impact measurement ({@value #QUESTIONNAIRE}): the one code path of {@code GET} and {@code PUT
 * /api/v1/activities/{id}/participations/{residentId}/impact} and of the screen's impact form. Answers come as JSON
 * gives them (a choice as its plain code) and are typed and checked by the forms bundle's {@link ResponseValidator}
 * (a choice becomes a {@link Coding}, and is shown as its plain code again); when valid they are kept as a
 * questionnaire response and mapped onto the participation; every read and change is audited. Services that are
 * {@code null} (not there) answer 503 when they are needed; an activity of another team, or a resident the host
 * does not know, answers 404.
 */
public final class ImpactMeasurements {
    /** The shipped questionnaire of the impact measurement per participant. */
    public static final String QUESTIONNAIRE = "impactmeting";

    /** Audit object type of a measurement. */
    static final String AUDIT_TYPE = "measurement";

    /** Longest partner name a referral may have: the column's size. */
    static final int PARTNER_LENGTH = 200;

    private final ActivityStore activities;
    private final ResponseStore responses;
    private final AuditTrail audit;
    private final Residents residents;
    private final QuestionnaireCatalog catalog;
    private final ResponseValidator validator;
    private final Clock clock;

    public ImpactMeasurements(
            ActivityStore activities,
            ResponseStore responses,
            AuditTrail audit,
            Residents residents,
            QuestionnaireCatalog catalog,
            ResponseValidator validator,
            Clock clock) {
        this.activities = activities;
        this.responses = responses;
        this.audit = audit;
        this.residents = residents;
        this.catalog = Problems.require(catalog);
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * A saved (or read) measurement.
     *
     * @param response the answers as given, with the questionnaire version
     */
    public record Measurement(
            CollectiveActivity activity, Participation participation, QuestionnaireResponse response) {
        Views.ImpactView view() {
            return ImpactMeasurements.view(activity, participation, response);
        }
    }

    /**
     * The participant's latest measurement in this activity, audited as {@code read}; empty when there is none yet.
     *
     * @throws javax.ws.rs.NotFoundException when the activity is not one of the worker's teams'
     */
    public Optional<Measurement> read(String activityId, String residentId, Subject.WorkerSubject worker) {
        ActivityStore store = Problems.require(activities);
        ResponseStore answers = Problems.require(responses);
        AuditTrail trail = Problems.require(audit);
        CollectiveActivity activity = ActivitiesResource.own(store, activityId, worker);
        ResidentId resident = resident(residentId);
        Optional<Participation> participation = participation(store, activity, resident)
                .filter(p -> p.measurement().isPresent());
        Optional<QuestionnaireResponse> response = latestResponse(answers, activity, resident);
        if (participation.isEmpty() || response.isEmpty()) {
            return Optional.empty();
        }
        trail.record(new AuditEvent(
                clock.instant(),
                worker.auditName(),
                "read",
                AUDIT_TYPE,
                participation.get().id().toString(),
                resident));
        return Optional.of(new Measurement(activity, participation.get(), response.get()));
    }

    /**
     * The questionnaire answers to this participant's measurement are given under: the version asked for, else the
     * latest.
     *
     * @throws InvalidInputException for a version that does not exist
     */
    public Questionnaire questionnaire(Integer version) {
        if (version == null) {
            return catalog.latest(QUESTIONNAIRE)
                    .orElseThrow(() -> new ServiceUnavailableException(SignalsResource.RETRY_AFTER_SECONDS));
        }
        Optional<Questionnaire> found =
                version < 1 ? Optional.empty() : catalog.find(new QuestionnaireRef(QUESTIONNAIRE, version));
        return found.orElseThrow(() -> new InvalidInputException(
                FieldError.of("questionnaireVersion", Codes.QUESTIONNAIRE_UNKNOWN, QUESTIONNAIRE, version.toString())));
    }

    /**
     * Checks and saves the answers, creating the participation when the resident (known to the host) has none yet.
     *
     * @throws InvalidInputException with every problem; nothing is stored or audited then
     * @throws javax.ws.rs.NotFoundException when the activity is not one of the worker's teams', or the resident
     *     neither takes part nor is known to the host
     */
    public Measurement save(String activityId, String residentId, Bodies.Answers body, Subject.WorkerSubject worker) {
        ActivityStore store = Problems.require(activities);
        ResponseStore answerStore = Problems.require(responses);
        AuditTrail trail = Problems.require(audit);
        ResponseValidator rules = Problems.require(validator);
        CollectiveActivity activity = ActivitiesResource.own(store, activityId, worker);
        ResidentId resident = resident(residentId);
        Optional<Participation> existing = participation(store, activity, resident);
        if (existing.isEmpty() && Problems.require(residents).find(resident).isEmpty()) {
            throw Problems.notFound();
        }

        Questionnaire questionnaire = questionnaire(body == null ? null : body.questionnaireVersion());
        List<QuestionnaireResponse.Answer> answers = rules.fromJson(questionnaire, answers(body));
        List<FieldError> errors = new ArrayList<>(rules.validate(questionnaire, answers));
        if (errors.isEmpty()) {
            errors.addAll(columnLimits(answers));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }

        Instant now = clock.instant();
        UUID responseId = latestResponse(answerStore, activity, resident)
                .map(QuestionnaireResponse::id)
                .orElseGet(UUID::randomUUID);
        QuestionnaireResponse response = new QuestionnaireResponse(
                responseId,
                questionnaire.ref(),
                Optional.of(resident),
                Optional.of(activity.id()),
                now,
                worker.auditName(),
                answers);
        Participation participation = new Participation(
                existing.map(Participation::id).orElseGet(UUID::randomUUID),
                activity.id(),
                resident,
                Optional.of(measurement(answers)),
                strings(answers, "doorverwijzingen"));
        // Both or neither: a measurement never exists without the answers it was taken from.
        store.saveMeasurement(participation, response);
        boolean update = existing.flatMap(Participation::measurement).isPresent();
        trail.record(new AuditEvent(
                now,
                worker.auditName(),
                update ? "update" : "create",
                AUDIT_TYPE,
                participation.id().toString(),
                resident));
        return new Measurement(activity, participation, response);
    }

    /** The resident a path names; an id that cannot exist names nothing (404). */
    private static ResidentId resident(String value) {
        try {
            return new ResidentId(value);
        } catch (IllegalArgumentException e) {
            throw Problems.notFound();
        }
    }

    private static Optional<Participation> participation(
            ActivityStore store, CollectiveActivity activity, ResidentId resident) {
        return store.participations(activity.id()).stream()
                .filter(p -> p.resident().equals(resident))
                .findFirst();
    }

    private static Optional<QuestionnaireResponse> latestResponse(
            ResponseStore store, CollectiveActivity activity, ResidentId resident) {
        return store.ofActivity(activity.id()).stream()
                .filter(r -> r.questionnaire().id().equals(QUESTIONNAIRE))
                .filter(r -> r.resident().filter(resident::equals).isPresent())
                .reduce((first, second) -> second);
    }

    private static List<QuestionnaireResponse.Answer> answers(Bodies.Answers body) {
        if (body == null || body.answers() == null || body.answers().isEmpty()) {
            throw new InvalidInputException(FieldError.of("answers", FieldCodes.REQUIRED));
        }
        if (body.answers().size() > ResponseValidator.MAX_REPEATS) {
            throw new InvalidInputException(FieldError.of("answers", "field.count", ResponseValidator.MAX_REPEATS));
        }
        List<FieldError> errors = new ArrayList<>();
        List<QuestionnaireResponse.Answer> answers = new ArrayList<>();
        for (int i = 0; i < body.answers().size(); i++) {
            Bodies.AnswerBody answer = body.answers().get(i);
            if (answer == null || answer.linkId() == null || answer.linkId().isBlank()) {
                errors.add(FieldError.of("answers[" + i + "].linkId", FieldCodes.REQUIRED));
            } else if (answer.values() != null && answer.values().stream().anyMatch(java.util.Objects::isNull)) {
                errors.add(FieldError.of(answer.linkId(), FieldCodes.TYPE));
            } else {
                answers.add(new QuestionnaireResponse.Answer(
                        answer.linkId(), answer.values() == null ? List.of() : answer.values()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return answers;
    }

    /** What the questionnaire allows but our columns do not hold: referral partners over 200 characters. */
    private static List<FieldError> columnLimits(List<QuestionnaireResponse.Answer> answers) {
        List<FieldError> errors = new ArrayList<>();
        for (String partner : strings(answers, "doorverwijzingen")) {
            if (partner.length() > PARTNER_LENGTH) {
                errors.add(FieldError.of("doorverwijzingen", FieldCodes.LENGTH, PARTNER_LENGTH));
                break;
            }
        }
        return errors;
    }

    /** The top-level items {@link #measurement} reads, with the item types it can read them as. */
    private static final Map<String, Set<ItemType>> MAPPED_ITEMS = Map.of(
            "geholpen", Set.of(ItemType.BOOLEAN),
            "redenGeholpen", Set.of(ItemType.STRING, ItemType.TEXT),
            "cijfer", Set.of(ItemType.INTEGER),
            "cijferToelichting", Set.of(ItemType.STRING, ItemType.TEXT),
            "dimensies", Set.of(ItemType.CHOICE),
            "uitspraken", Set.of(ItemType.STRING, ItemType.TEXT),
            "observatie", Set.of(ItemType.STRING, ItemType.TEXT),
            "doorverwijzingen", Set.of(ItemType.STRING, ItemType.TEXT));

    /**
     * What keeps a new version of {@value #QUESTIONNAIRE} from being published: an item the measurement is read from
     * with a type it cannot be read as, or no top-level yes/no question {@code geholpen} (a participation is measured
     * once it is answered). Other items may be added, left out or changed freely.
     */
    public static List<FieldError> contractErrors(Questionnaire questionnaire) {
        if (!QUESTIONNAIRE.equals(questionnaire.ref().id())) {
            return List.of();
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, ItemType> topLevel = new java.util.HashMap<>();
        questionnaire.items().forEach(item -> topLevel.put(item.linkId(), item.type()));
        new java.util.TreeMap<>(MAPPED_ITEMS).forEach((linkId, types) -> {
            ItemType type = topLevel.get(linkId);
            if (type == null && linkId.equals("geholpen")) {
                errors.add(FieldError.of("item", Codes.DEFINITION_MAPPED_ITEM_MISSING, linkId));
            } else if (type != null && !types.contains(type)) {
                errors.add(FieldError.of(
                        "item",
                        Codes.DEFINITION_MAPPED_ITEM_TYPE,
                        linkId,
                        types.stream()
                                .map(t -> t.name().toLowerCase(java.util.Locale.ROOT))
                                .sorted()
                                .collect(java.util.stream.Collectors.joining(" / "))));
            }
        });
        return errors;
    }

    /** The measurement the (valid) answers of {@value #QUESTIONNAIRE} give. */
    static Participation.ImpactMeasurement measurement(List<QuestionnaireResponse.Answer> answers) {
        return new Participation.ImpactMeasurement(
                first(answers, "geholpen").map(Boolean.class::cast).orElse(false),
                text(answers, "redenGeholpen"),
                first(answers, "cijfer").map(v -> new BigDecimal(v.toString()).intValueExact()),
                text(answers, "cijferToelichting"),
                codes(answers, "dimensies"),
                List.copyOf(strings(answers, "uitspraken")),
                text(answers, "observatie"));
    }

    /** A value as the API shows it: a choice as its plain code, anything else as it is. */
    public static Object plain(Object value) {
        return value instanceof Coding coding ? coding.code() : value;
    }

    private static Optional<Object> first(List<QuestionnaireResponse.Answer> answers, String linkId) {
        return answers.stream()
                .filter(a -> a.linkId().equals(linkId))
                .flatMap(a -> a.values().stream())
                .findFirst();
    }

    private static Optional<String> text(List<QuestionnaireResponse.Answer> answers, String linkId) {
        return first(answers, linkId).map(String.class::cast);
    }

    private static Set<String> strings(List<QuestionnaireResponse.Answer> answers, String linkId) {
        Set<String> values = new LinkedHashSet<>();
        answers.stream()
                .filter(a -> a.linkId().equals(linkId))
                .flatMap(a -> a.values().stream())
                .forEach(v -> values.add((String) v));
        return values;
    }

    private static Set<String> codes(List<QuestionnaireResponse.Answer> answers, String linkId) {
        Set<String> values = new LinkedHashSet<>();
        answers.stream()
                .filter(a -> a.linkId().equals(linkId))
                .flatMap(a -> a.values().stream())
                .forEach(v -> values.add(((Coding) v).code()));
        return values;
    }

    private static Views.ImpactView view(
            CollectiveActivity activity, Participation participation, QuestionnaireResponse response) {
        return new Views.ImpactView(
                activity.id().toString(),
                participation.resident().value(),
                participation.id().toString(),
                response.questionnaire().id(),
                response.questionnaire().version(),
                response.authored(),
                response.authoredBy(),
                response.answers().stream()
                        .map(a -> new Views.AnswerView(
                                a.linkId(),
                                a.values().stream()
                                        .map(ImpactMeasurements::plain)
                                        .toList()))
                        .toList(),
                participation.measurement().map(Views.MeasurementView::of),
                Views.sorted(participation.referrals()));
    }
}
