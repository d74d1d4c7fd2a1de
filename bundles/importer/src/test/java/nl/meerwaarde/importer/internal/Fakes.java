package nl.meerwaarde.importer.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.api.SignalId;
import nl.meerwaarde.api.store.AuditTrail;
import nl.meerwaarde.api.store.RegistrationBatch;
import nl.meerwaarde.host.spi.AuditEvent;
import nl.meerwaarde.host.spi.Funder;
import nl.meerwaarde.host.spi.FunderId;
import nl.meerwaarde.host.spi.Organisation;
import nl.meerwaarde.host.spi.Resident;
import nl.meerwaarde.host.spi.ResidentId;
import nl.meerwaarde.host.spi.Residents;
import nl.meerwaarde.host.spi.Team;
import nl.meerwaarde.host.spi.TeamId;
import nl.meerwaarde.host.spi.Worker;
import nl.meerwaarde.host.spi.WorkerId;

/** In-memory stand-ins for the store and host services. */
final class Fakes {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T09:00:00Z"), ZoneOffset.UTC);
    static final TeamId NOORD = new TeamId("team-noord");
    static final TeamId ZUID = new TeamId("team-zuid");
    static final FunderId EMMEN = new FunderId("gemeente-emmen");

    private Fakes() {}

    /** Records by id, as the real batch keeps them; counts what was written. */
    static final class Batch implements RegistrationBatch {
        final Map<SignalId, Signal> signals = new LinkedHashMap<>();
        final Map<ActivityId, CollectiveActivity> activities = new LinkedHashMap<>();
        final Map<UUID, Participation> participations = new LinkedHashMap<>();
        /** Ids of signals and participations of residents whose data was erased (AVG): the test fills it. */
        final Set<UUID> erased = new java.util.HashSet<>();
        /** How many ids were asked about erasure. */
        int erasedAsked;

        int saves;
        int written;

        @Override
        public Map<SignalId, Signal> signals(Collection<SignalId> ids) {
            return pick(signals, ids);
        }

        @Override
        public Map<ActivityId, CollectiveActivity> activities(Collection<ActivityId> ids) {
            return pick(activities, ids);
        }

        @Override
        public Map<UUID, Participation> participations(Collection<UUID> ids) {
            return pick(participations, ids);
        }

        @Override
        public Map<ActivityId, Map<ResidentId, UUID>> participants(Collection<ActivityId> ids) {
            Map<ActivityId, Map<ResidentId, UUID>> result = new HashMap<>();
            for (Participation p : participations.values()) {
                if (ids.contains(p.activity())) {
                    result.computeIfAbsent(p.activity(), id -> new HashMap<>()).put(p.resident(), p.id());
                }
            }
            return result;
        }

        @Override
        public Set<UUID> erased(Collection<UUID> ids) {
            erasedAsked += ids.size();
            Set<UUID> result = new java.util.HashSet<>();
            ids.forEach(id -> {
                if (erased.contains(id)) {
                    result.add(id);
                }
            });
            return result;
        }

        @Override
        public void saveAll(
                List<Signal> newSignals,
                List<CollectiveActivity> newActivities,
                List<Participation> newParticipations) {
            saves++;
            written += newSignals.size() + newActivities.size() + newParticipations.size();
            newActivities.forEach(a -> activities.put(a.id(), a));
            newSignals.forEach(s -> signals.put(s.id(), s));
            for (Participation p : newParticipations) {
                if (!activities.containsKey(p.activity())) {
                    throw new IllegalStateException("no activity " + p.activity());
                }
                participations.put(p.id(), p);
            }
        }

        int size() {
            return signals.size() + activities.size() + participations.size();
        }

        private static <K, V> Map<K, V> pick(Map<K, V> records, Collection<K> ids) {
            Map<K, V> result = new HashMap<>();
            ids.forEach(id -> {
                if (records.containsKey(id)) {
                    result.put(id, records.get(id));
                }
            });
            return result;
        }
    }

    static final class Audit implements AuditTrail {
        final List<AuditEvent> events = new ArrayList<>();

        @Override
        public void record(AuditEvent event) {
            events.add(event);
        }

        @Override
        public List<AuditEvent> about(ResidentId resident) {
            return events.stream().filter(e -> resident.equals(e.resident())).toList();
        }
    }

    static final class Host implements Organisation, Residents {
        final List<Team> teams;
        final Set<String> residents;
        int lookUps;

        Host(String... residents) {
            this(List.of(new Team(NOORD, "Team Noord"), new Team(ZUID, "Team Zuid")), Set.of(residents));
        }

        Host(List<Team> teams, Set<String> residents) {
            this.teams = List.copyOf(teams);
            this.residents = Set.copyOf(residents);
        }

        /** The reference host's demo organisation: its two teams, funder Emmen, residents inw-0001 to inw-0012. */
        static Host demo() {
            Set<String> residents = new java.util.HashSet<>();
            for (int i = 1; i <= 12; i++) {
                residents.add("inw-%04d".formatted(i));
            }
            return new Host(
                    List.of(
                            new Team(new TeamId("team-emmer-compascuum"), "Team Emmer-Compascuum"),
                            new Team(new TeamId("team-emmen-centrum"), "Team Emmen Centrum")),
                    residents);
        }

        @Override
        public String name() {
            return "Welzijn Emmen";
        }

        @Override
        public List<Team> teams() {
            return teams;
        }

        @Override
        public List<Worker> workers() {
            return List.of();
        }

        @Override
        public Optional<Worker> worker(WorkerId id) {
            return Optional.empty();
        }

        @Override
        public List<Funder> funders() {
            return List.of(new Funder(EMMEN, "Gemeente Emmen", "0114"));
        }

        @Override
        public Optional<Resident> find(ResidentId id) {
            lookUps++;
            return residents.contains(id.value())
                    ? Optional.of(new Resident(id, "Inwoner " + id.value(), 1990, "2", "0114", "7811"))
                    : Optional.empty();
        }

        @Override
        public List<Resident> search(String text, WorkerId asWorker, int limit) {
            return List.of();
        }
    }
}
