package nl.meerwaarde.web.internal.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.DoubleConsumer;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Period;
import nl.meerwaarde.api.Scope;
import nl.meerwaarde.api.kpi.KpiDefinition;
import nl.meerwaarde.api.kpi.KpiEngine;
import nl.meerwaarde.api.kpi.KpiResult;
import nl.meerwaarde.api.kpi.KpiValue;
import nl.meerwaarde.api.store.ActivityStore;
import nl.meerwaarde.host.spi.Funder;
import nl.meerwaarde.host.spi.FunderId;
import nl.meerwaarde.host.spi.Organisation;
import nl.meerwaarde.web.internal.Messages;
import nl.meerwaarde.web.internal.TeamNames;

/**
 * Computes a report's figures and names everything in the reader's language. The KPIs are computed in one call of
 * the engine, so that the report's figures agree (one read-only transaction); names are looked up afterwards (an
 * activity's title once per report).
 */
public final class ReportBuilder {
    /** The time zone of the generation time in the report's footer. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final KpiEngine engine;
    private final ActivityStore activities;
    private final Organisation organisation;
    private final Clock clock;

    /**
     * @param activities may be {@code null} (activity ids are then shown as they are)
     * @param organisation may be {@code null} (the organisation's name is then left out)
     */
    public ReportBuilder(KpiEngine engine, ActivityStore activities, Organisation organisation, Clock clock) {
        this.engine = engine;
        this.activities = activities;
        this.organisation = organisation;
        this.clock = clock;
    }

    /**
     * The report. Progress goes from 0 to {@code 0.6}: computing is most of the work, writing the file the rest.
     *
     * @param progress told how far the work is, from 0 to 1
     */
    public Report build(ReportOrder order, DoubleConsumer progress) {
        Messages messages = Messages.of(order.locale());
        Names names = new Names(messages);
        List<KpiDefinition> definitions = new ArrayList<>();
        for (String id : order.kpiIds()) {
            engine.definition(id).ifPresent(definitions::add);
        }
        // external figures too: the engine gives those entered for a funder's municipality, shown as a KPI of their own
        List<KpiDefinition> computed = List.copyOf(definitions);
        progress.accept(0.05);
        List<KpiResult> results = computed.isEmpty()
                ? List.of()
                : engine.compute(computed.stream().map(KpiDefinition::id).toList(), order.scope(), order.period());
        progress.accept(0.5);
        List<Report.Kpi> kpis = new ArrayList<>();
        List<KpiDefinition> without = new ArrayList<>();
        for (KpiResult result : results) {
            KpiDefinition definition = computed.stream()
                    .filter(candidate -> candidate.id().equals(result.kpiId()))
                    .findFirst()
                    .orElse(null);
            if (definition == null) {
                continue;
            }
            if (result.values().isEmpty()) {
                without.add(definition);
                continue;
            }
            List<Report.Figure> figures = new ArrayList<>();
            for (KpiValue value : result.values()) {
                // without a breakdown a figure has a group only as an external figure's municipality and period
                Optional<String> group = definition.breakdown().isPresent()
                        ? Optional.of(names.group(
                                definition.breakdown().get(), value.group().orElse("")))
                        : value.group();
                figures.add(new Report.Figure(value.group(), group, value));
            }
            kpis.add(new Report.Kpi(
                    definition,
                    messages.find("dashboard.unit." + definition.unit()).orElse(definition.unit()),
                    definition
                            .breakdown()
                            .map(names::breakdown)
                            .or(() -> figures.stream()
                                            .anyMatch(figure -> figure.group().isPresent())
                                    ? Optional.of(messages.get("dashboard.col.group"))
                                    : Optional.empty()),
                    figures));
        }
        progress.accept(0.6);
        return new Report(
                organisation == null ? "" : organisation.name(),
                funder(order),
                setName(order, messages),
                names.scope(order.scope()),
                periodLabel(order.period(), messages),
                ZonedDateTime.now(clock.withZone(ZONE)),
                kpis,
                without);
    }

    private Optional<String> funder(ReportOrder order) {
        Optional<FunderId> id = order.set().flatMap(set -> set.funder());
        if (id.isEmpty() && order.scope() instanceof Scope.FunderScope funder) {
            id = Optional.of(funder.funder());
        }
        return id.map(this::funderName);
    }

    private String funderName(FunderId id) {
        if (organisation == null) {
            return id.value();
        }
        return organisation.funders().stream()
                .filter(funder -> funder.id().equals(id))
                .map(Funder::name)
                .findFirst()
                .orElse(id.value());
    }

    private static String setName(ReportOrder order, Messages messages) {
        if (order.set().isPresent()) {
            return order.set().get().name();
        }
        return order.library()
                .map(library -> messages.find("dashboard.library." + library).orElse(library))
                .orElse(messages.get("report.set.chosen"));
    }

    /** "2026", "K2 2026", "maart 2026", or "1 januari 2026 tot en met 31 maart 2026". */
    static String periodLabel(Period period, Messages messages) {
        LocalDate start = period.start();
        LocalDate end = period.end();
        if (start.getDayOfMonth() == 1) {
            if (start.getMonthValue() == 1 && end.equals(start.plusYears(1))) {
                return String.valueOf(start.getYear());
            }
            if ((start.getMonthValue() - 1) % 3 == 0 && end.equals(start.plusMonths(3))) {
                return messages.get(
                        "dashboard.quarter", (start.getMonthValue() - 1) / 3 + 1, String.valueOf(start.getYear()));
            }
            if (end.equals(start.plusMonths(1))) {
                return DateTimeFormatter.ofPattern("MMMM uuuu", messages.locale())
                        .format(start);
            }
        }
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMMM uuuu", messages.locale());
        return messages.get("dashboard.range", day.format(start), day.format(end.minusDays(1)));
    }

    /** Names of scopes and groups in one language; each activity's title looked up once. */
    private final class Names {
        private final Messages messages;
        private final TeamNames teams;
        private final Map<String, String> titles = new HashMap<>();

        Names(Messages messages) {
            this.messages = messages;
            this.teams = TeamNames.of(organisation);
        }

        String scope(Scope scope) {
            if (scope instanceof Scope.TeamScope team) {
                return teams.label(team.team());
            }
            if (scope instanceof Scope.ActivityScope activity) {
                return activityTitle(activity.activity().value().toString());
            }
            if (scope instanceof Scope.TargetGroupScope group) {
                return messages.get("dashboard.scope.targetGroup", targetGroup(group.targetGroup()));
            }
            if (scope instanceof Scope.FunderScope funder) {
                return messages.get("dashboard.scope.funder", funderName(funder.funder()));
            }
            return messages.get("dashboard.scope.organisation");
        }

        String breakdown(String field) {
            return messages.find("dashboard.by." + field).orElse(messages.get("dashboard.col.group"));
        }

        String group(String field, String code) {
            if (code.isEmpty()) {
                return messages.get("common.unknown");
            }
            return switch (field) {
                case "activity.targetGroup" -> targetGroup(code);
                case "dimension.code" ->
                    messages.find("dashboard.dimension." + code).orElse(code);
                case "activity.id" -> activityTitle(code);
                default -> code;
            };
        }

        private String targetGroup(String code) {
            return messages.find("targetGroup." + code).orElse(code);
        }

        private String activityTitle(String id) {
            return titles.computeIfAbsent(id, key -> {
                if (activities == null) {
                    return key;
                }
                try {
                    return activities
                            .find(new ActivityId(UUID.fromString(key)))
                            .map(CollectiveActivity::title)
                            .orElse(key);
                } catch (IllegalArgumentException e) {
                    return key;
                }
            });
        }
    }
}
