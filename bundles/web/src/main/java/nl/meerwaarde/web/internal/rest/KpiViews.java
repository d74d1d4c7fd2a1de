package nl.meerwaarde.web.internal.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.meerwaarde.api.Period;
import nl.meerwaarde.api.kpi.ExternalFigure;
import nl.meerwaarde.api.kpi.KpiDefinition;
import nl.meerwaarde.api.kpi.KpiLibraries;
import nl.meerwaarde.api.kpi.KpiResult;
import nl.meerwaarde.api.kpi.KpiSet;
import nl.meerwaarde.api.kpi.KpiValue;
import nl.meerwaarde.host.spi.FunderId;

/** The JSON of the KPI resources (OpenAPI schemas KpiDefinitionView, KpiResults, KpiResultView, KpiFigure). */
final class KpiViews {
    private KpiViews() {}

    /** An enum constant as the definition files write it: {@code throughput}, {@code wonen-en-leefbaarheid}. */
    static String code(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** A KPI definition; the formula is the definition's own JSON, absent for figures entered rather than computed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record KpiDefinitionView(
            String id,
            int version,
            String library,
            String name,
            String description,
            String level,
            String aspect,
            String lifeDomain,
            String unit,
            String source,
            String breakdown,
            boolean quotes,
            JsonNode formula) {
        static KpiDefinitionView of(KpiDefinition definition, JsonNode formula) {
            return new KpiDefinitionView(
                    definition.id(),
                    definition.version(),
                    definition.library(),
                    definition.name(),
                    definition.description(),
                    code(definition.level()),
                    definition.aspect().orElse(null),
                    definition.lifeDomain().map(KpiViews::code).orElse(null),
                    definition.unit(),
                    source(definition),
                    definition.breakdown().orElse(null),
                    definition.quotes(),
                    formula);
        }

        private static String source(KpiDefinition definition) {
            return switch (definition.source()) {
                case REGISTRATIONS -> "registrations";
                case INSTRUMENT_MEASUREMENTS -> "instruments";
                case EXTERNAL_FIGURES -> "external";
            };
        }
    }

    /** The period as asked: both days included. */
    record KpiPeriod(LocalDate from, LocalDate to) {
        static KpiPeriod of(Period period) {
            return new KpiPeriod(period.start(), period.end().minusDays(1));
        }
    }

    record KpiScope(
            String kind,
            @JsonInclude(JsonInclude.Include.NON_NULL) String id) {}

    record KpiResults(KpiScope scope, KpiPeriod period, List<KpiResultView> results) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record KpiResultView(String kpi, String name, String unit, String breakdown, List<KpiFigure> values) {
        static KpiResultView of(KpiResult result, KpiDefinition definition) {
            return new KpiResultView(
                    result.kpiId(),
                    definition.name(),
                    definition.unit(),
                    definition.breakdown().orElse(null),
                    result.values().stream().map(KpiFigure::of).toList());
        }
    }

    /**
     * One figure. {@code value} is a decimal as a string (never a binary float), {@code null} for "no value";
     * {@code exact} the fraction when the decimal is rounded.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record KpiFigure(
            String group,
            @JsonInclude(JsonInclude.Include.ALWAYS) String value,
            String exact,
            @JsonInclude(JsonInclude.Include.ALWAYS) long n,
            String numerator,
            String denominator,
            Long known,
            Long anonymous,
            List<String> quotes) {
        static KpiFigure of(KpiValue value) {
            return new KpiFigure(
                    value.group().orElse(null),
                    value.value().map(v -> v.toPlainString()).orElse(null),
                    value.exact().orElse(null),
                    value.n(),
                    value.terms().map(KpiValue.Terms::numerator).orElse(null),
                    value.terms().map(KpiValue.Terms::denominator).orElse(null),
                    value.composition().map(KpiValue.Composition::known).orElse(null),
                    value.composition().map(KpiValue.Composition::anonymous).orElse(null),
                    value.quotes());
        }
    }

    /** A KPI set: the KPIs of a funder's report, in order. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record KpiSetView(String id, String name, String funder, List<String> kpis) {
        static KpiSetView of(KpiSet set) {
            return new KpiSetView(
                    set.id(), set.name(), set.funder().map(FunderId::value).orElse(null), set.kpiIds());
        }
    }

    /** {@code PUT /v1/kpi-sets/{id}}. */
    record KpiSetBody(String name, String funder, List<String> kpis) {}

    /** A figure entered for an external KPI; {@code to} is the last day, included. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ExternalFigureView(
            String kpi,
            String municipality,
            LocalDate from,
            LocalDate to,
            String value,
            Long n,
            String source,
            Instant enteredAt,
            String enteredBy) {
        static ExternalFigureView of(ExternalFigure figure) {
            return new ExternalFigureView(
                    figure.kpiId(),
                    figure.municipality(),
                    figure.period().start(),
                    figure.period().end().minusDays(1),
                    figure.value().toPlainString(),
                    figure.n().orElse(null),
                    figure.source(),
                    figure.enteredAt(),
                    figure.enteredBy());
        }
    }

    /** One figure of {@code PUT /v1/external-figures}; {@code value} a decimal as a string. */
    record ExternalFigureBody(
            String kpi, String municipality, LocalDate from, LocalDate to, String value, Long n, String source) {}

    /** {@code PUT /v1/external-figures}: figures stored all or none. */
    record ExternalFiguresBody(List<ExternalFigureBody> figures) {}

    /** The answer to a save: how many figures were stored. */
    record ExternalFiguresSaved(int saved) {}

    /** A KPI library in use: where it comes from, how many KPIs, and for a published one when and by whom. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record KpiLibraryView(
            String id, String name, String description, String origin, int kpis, Instant changedAt, String changedBy) {
        static KpiLibraryView of(KpiLibraries.LibraryInfo info) {
            return new KpiLibraryView(
                    info.id(),
                    info.name(),
                    info.description(),
                    code(info.origin()),
                    info.kpis(),
                    info.changedAt().orElse(null),
                    info.changedBy().orElse(null));
        }
    }
}
