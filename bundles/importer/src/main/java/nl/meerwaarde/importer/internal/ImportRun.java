package nl.meerwaarde.importer.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.api.SignalId;
import nl.meerwaarde.api.importing.ImportReport;
import nl.meerwaarde.api.importing.RegistrationKeys;
import nl.meerwaarde.api.store.RegistrationBatch;
import nl.meerwaarde.host.spi.ResidentId;
import nl.meerwaarde.host.spi.TeamId;

/**
 * One import of one file: the records are handed in one by one as they are read ({@link #accept}), checked on
 * their own at once; {@link #check()} then checks them together (duplicate keys, references to activities, the
 * records stored already) and sorts them into created, updated and unchanged.
 */
final class ImportRun {
    private final RegistrationBatch batch;
    private final Directory directory;
    private final Rules rules;
    private final Limits limits;
    private final ErrorList errors = new ErrorList();
    private final Map<Kind, Map<String, Integer>> keyLines = new HashMap<>();
    private final List<Rules.Read<Signal>> signals = new ArrayList<>();
    private final List<Rules.Read<CollectiveActivity>> activities = new ArrayList<>();
    private final List<Rules.Read<Participation>> participations = new ArrayList<>();
    private int records;
    private boolean stopped;

    ImportRun(RegistrationBatch batch, Directory directory, Rules rules, Limits limits) {
        this.batch = batch;
        this.directory = directory;
        this.rules = rules;
        this.limits = limits;
    }

    ErrorList errors() {
        return errors;
    }

    /**
     * Reports an error about the file as a whole that ended the reading early (syntax, encoding, size): the records
     * read are then not checked together, since those after the error are missing.
     */
    void stop(int line, String code, Object... arguments) {
        errors.add(line, null, null, code, arguments);
        stopped = true;
    }

    int records() {
        return records;
    }

    /** Where a record starting on this line is, for its errors. */
    Where where(int line, UnaryOperator<String> fieldName, boolean texts, boolean decimalComma) {
        return new Where(line, null, fieldName, errors, texts, decimalComma);
    }

    /**
     * Checks one record on its own.
     *
     * @return false when the file holds more records than allowed: reported, and the caller stops reading
     */
    boolean accept(Kind kind, JsonNode record, Where where) {
        if (++records > limits.maxRecords()) {
            records--;
            stop(where.line(), Codes.FILE_TOO_MANY_RECORDS, limits.maxRecords());
            return false;
        }
        if (!record.isObject()) {
            where.error("", Codes.TYPE);
            return true;
        }
        Optional<String> key = Optional.ofNullable(record.get("key"))
                .filter(JsonNode::isTextual)
                .map(node -> node.asText().strip());
        Fields fields = new Fields(record, where.withKey(key.orElse(null)));
        switch (kind) {
            case SIGNAL -> signals.add(unique(kind, rules.signal(fields)));
            case ACTIVITY -> activities.add(unique(kind, rules.activity(fields)));
            case PARTICIPATION -> participations.add(unique(kind, rules.participation(fields)));
        }
        return true;
    }

    private <T> Rules.Read<T> unique(Kind kind, Rules.Read<T> read) {
        if (read.key() != null) {
            Integer first = keyLines.computeIfAbsent(kind, k -> new HashMap<>())
                    .putIfAbsent(read.key(), read.where().line());
            if (first != null) {
                read.where().error("key", Codes.KEY_DUPLICATE, first);
            }
        }
        return read;
    }

    /** The records sorted by what importing them does. */
    record Changes(
            Sorted<Signal> signals, Sorted<CollectiveActivity> activities, Sorted<Participation> participations) {
        int created() {
            return signals.created.size() + activities.created.size() + participations.created.size();
        }

        int updated() {
            return signals.updated.size() + activities.updated.size() + participations.updated.size();
        }

        int unchanged() {
            return signals.unchanged + activities.unchanged + participations.unchanged;
        }
    }

    /**
     * Records of one kind: new ones, changed ones (with the stored version they replace) and the number of equal
     * ones.
     */
    record Sorted<T>(List<T> created, Map<T, T> updated, int unchanged) {
        List<T> toWrite() {
            List<T> all = new ArrayList<>(created);
            all.addAll(updated.keySet());
            return all;
        }
    }

    /**
     * Checks the records together and against the database; empty when there is any error (then {@link #errors()}
     * has them all), else what importing them does.
     */
    Optional<Changes> check() {
        if (stopped) {
            return Optional.empty();
        }
        List<Signal> validSignals = valid(signals);
        List<CollectiveActivity> validActivities = valid(activities);
        List<Participation> validParticipations = valid(participations);
        Map<ActivityId, CollectiveActivity> fileActivities = new HashMap<>();
        validActivities.forEach(activity -> fileActivities.put(activity.id(), activity));
        Stored stored = lookUp(fileActivities.keySet(), validSignals, validParticipations);
        Function<ActivityId, Optional<TeamId>> teamOf = id -> Optional.ofNullable(fileActivities.get(id))
                .or(() -> Optional.ofNullable(stored.activities().get(id)))
                .map(CollectiveActivity::team);

        Set<ActivityId> invalidInFile = new HashSet<>();
        activities.stream()
                .filter(read -> read.record().isEmpty() && read.key() != null)
                .forEach(read -> invalidInFile.add(RegistrationKeys.activityId(read.key())));
        checkReferences(signals, teamOf, invalidInFile);
        checkReferences(participations, teamOf, invalidInFile);
        checkStoredTeams(stored, teamOf);
        checkParticipants(stored.activities().keySet());
        checkErased(validSignals, validParticipations);
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Changes(
                sort(validSignals, s -> stored.signals().get(s.id())),
                sort(validActivities, a -> stored.activities().get(a.id())),
                sort(validParticipations, p -> stored.participations().get(p.id()))));
    }

    /** What is stored already under the ids of the file, and the activities the file refers to. */
    private record Stored(
            Map<SignalId, Signal> signals,
            Map<ActivityId, CollectiveActivity> activities,
            Map<UUID, Participation> participations) {}

    private Stored lookUp(
            Set<ActivityId> fileActivities, List<Signal> validSignals, List<Participation> validParticipations) {
        Set<ActivityId> wanted = new HashSet<>(fileActivities);
        signals.forEach(read -> read.activity().ifPresent(ref -> wanted.add(ref.activity())));
        participations.forEach(read -> read.activity().ifPresent(ref -> wanted.add(ref.activity())));
        Map<ActivityId, CollectiveActivity> storedActivities = new HashMap<>(batch.activities(wanted));
        Map<SignalId, Signal> storedSignals =
                batch.signals(validSignals.stream().map(Signal::id).toList());
        Map<UUID, Participation> storedParticipations = batch.participations(
                validParticipations.stream().map(Participation::id).toList());
        Set<ActivityId> missing = new HashSet<>();
        storedParticipations.values().forEach(p -> {
            if (!storedActivities.containsKey(p.activity())) {
                missing.add(p.activity());
            }
        });
        if (!missing.isEmpty()) {
            storedActivities.putAll(batch.activities(missing));
        }
        return new Stored(storedSignals, storedActivities, storedParticipations);
    }

    /**
     * A record imported before under the same key may only be replaced when its team is one this import may change,
     * and never moved to another team: two source systems (or teams) whose keys happen to be equal must not
     * silently overwrite each other's records, even in an import for every team. A participation's team is that of
     * its activity.
     */
    private void checkStoredTeams(Stored stored, Function<ActivityId, Optional<TeamId>> teamOf) {
        for (Rules.Read<Signal> read : signals) {
            read.record()
                    .ifPresent(signal -> Optional.ofNullable(stored.signals().get(signal.id()))
                            .ifPresent(before -> checkStoredTeam(read, before.team(), Optional.of(signal.team()))));
        }
        for (Rules.Read<CollectiveActivity> read : activities) {
            read.record().ifPresent(activity -> Optional.ofNullable(
                            stored.activities().get(activity.id()))
                    .ifPresent(before -> checkStoredTeam(read, before.team(), Optional.of(activity.team()))));
        }
        for (Rules.Read<Participation> read : participations) {
            read.record().ifPresent(participation -> Optional.ofNullable(
                            stored.participations().get(participation.id()))
                    .flatMap(before -> Optional.ofNullable(stored.activities().get(before.activity()))
                            .map(CollectiveActivity::team)
                            .or(() -> teamOf.apply(before.activity())))
                    .ifPresent(team -> checkStoredTeam(read, team, teamOf.apply(participation.activity()))));
        }
    }

    /**
     * The stored record's team must be one this import may change, and the same as the file's (unknown when the
     * record refers to an unknown activity, reported already).
     */
    private void checkStoredTeam(Rules.Read<?> read, TeamId stored, Optional<TeamId> inFile) {
        if (!directory.mayChange(stored)) {
            read.where().error("key", Codes.TEAM_NOT_MEMBER);
        } else if (inFile.filter(team -> !team.equals(stored)).isPresent()) {
            read.where().error("key", Codes.RECORD_OTHER_TEAM, stored.value());
        }
    }

    /**
     * Records of residents whose personal data was erased (AVG) are never written again: the ids of the file's
     * signals and participations are looked up in bulk (the store asks in chunks).
     */
    private void checkErased(List<Signal> validSignals, List<Participation> validParticipations) {
        if (validSignals.isEmpty() && validParticipations.isEmpty()) {
            return;
        }
        List<UUID> ids = new ArrayList<>(validSignals.size() + validParticipations.size());
        validSignals.forEach(signal -> ids.add(signal.id().value()));
        validParticipations.forEach(participation -> ids.add(participation.id()));
        Set<UUID> erased = batch.erased(ids);
        if (erased.isEmpty()) {
            return;
        }
        for (Rules.Read<Signal> read : signals) {
            read.record().filter(signal -> erased.contains(signal.id().value())).ifPresent(signal -> read.where()
                    .error("key", Codes.RECORD_ERASED));
        }
        for (Rules.Read<Participation> read : participations) {
            read.record()
                    .filter(participation -> erased.contains(participation.id()))
                    .ifPresent(participation -> read.where().error("key", Codes.RECORD_ERASED));
        }
    }

    private static <T> List<T> valid(List<Rules.Read<T>> reads) {
        List<T> records = new ArrayList<>(reads.size());
        reads.forEach(read -> read.record().ifPresent(records::add));
        return records;
    }

    /** References to activities; one to an invalid activity of the file is not reported again. */
    private <T> void checkReferences(
            List<Rules.Read<T>> reads, Function<ActivityId, Optional<TeamId>> teamOf, Set<ActivityId> invalidInFile) {
        for (Rules.Read<T> read : reads) {
            read.activity()
                    .filter(reference -> !invalidInFile.contains(reference.activity()))
                    .ifPresent(reference -> {
                        Optional<TeamId> team = teamOf.apply(reference.activity());
                        if (team.filter(directory::mayChange).isEmpty()) {
                            reference.where().error(reference.field(), Codes.ACTIVITY_UNKNOWN);
                        }
                    });
        }
    }

    /** Each resident takes part in an activity once: not twice in the file, nor besides a stored participation. */
    private void checkParticipants(Set<ActivityId> stored) {
        Map<ActivityId, Map<ResidentId, UUID>> storedParticipants = stored.isEmpty()
                ? Map.of()
                : batch.participants(valid(participations).stream()
                        .map(Participation::activity)
                        .filter(stored::contains)
                        .distinct()
                        .toList());
        Map<ActivityId, Map<ResidentId, UUID>> inFile = new HashMap<>();
        for (Rules.Read<Participation> read : participations) {
            if (read.record().isEmpty()) {
                continue;
            }
            Participation participation = read.record().get();
            UUID previous = inFile.computeIfAbsent(participation.activity(), id -> new HashMap<>())
                    .putIfAbsent(participation.resident(), participation.id());
            UUID storedId = storedParticipants
                    .getOrDefault(participation.activity(), Map.of())
                    .get(participation.resident());
            if (previous != null || (storedId != null && !storedId.equals(participation.id()))) {
                read.where().error("resident", Codes.PARTICIPANT_EXISTS);
            }
        }
    }

    private static <T> Sorted<T> sort(List<T> records, Function<T, T> stored) {
        List<T> created = new ArrayList<>();
        Map<T, T> updated = new LinkedHashMap<>();
        int unchanged = 0;
        for (T record : records) {
            T before = stored.apply(record);
            if (before == null) {
                created.add(record);
            } else if (Objects.equals(before, record)) {
                unchanged++;
            } else {
                updated.put(record, before);
            }
        }
        return new Sorted<>(created, updated, unchanged);
    }

    ImportReport failed() {
        return new ImportReport(false, records, 0, 0, 0, errors.kept(), errors.count());
    }
}
