package nl.meerwaarde.kpi.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import nl.meerwaarde.api.questionnaire.AnswerOption;
import nl.meerwaarde.api.questionnaire.Item;
import nl.meerwaarde.api.questionnaire.ItemType;
import nl.meerwaarde.api.questionnaire.Questionnaire;

/**
 * The scored items of an instrument (kpis.md C, {@code docs/kpi-outcomes.md}): for each item whose answer is a
 * position on an ordered scale, where its answers are stored ({@code mw_response_answer.link_path}) and how an
 * answer maps to a number. On every scale a higher number is a better situation.
 *
 * <p>Read from a questionnaire definition; three kinds of item are scored:
 *
 * <ul>
 *   <li>an integer item with both a minimum and a maximum (Positieve Gezondheid: a self-rating 0..10): the number
 *       itself, when it lies within the bounds;
 *   <li>a choice item whose codes are all whole numbers (ZRM: 1..5): the code's number;
 *   <li>a choice item whose codes are the five behaviour-change phases (Effectenmonitor): ontkenning 1, bewustwording
 *       2, zoeken 3, doen 4, volhouden 5; its code {@code terugval} (relapse) is no position on that scale but a
 *       movement back ({@link Coded#relapse()}).
 * </ul>
 *
 * <p>Items in a repeating group, repeating items, and every other item are not scored: one answer per response is
 * needed to follow a resident over time. There is no total over the items (the ZRM has none, by design).
 *
 * @param questionnaireId the questionnaire whose responses are measured, in any of its versions
 * @param items the scored items, in the order of the definition
 */
record OutcomeScale(String questionnaireId, List<ScoredItem> items) {
    /** The phases of behaviour change, worst first (instruments.md, Effectenmonitor). */
    static final List<String> PHASES = List.of("ontkenning", "bewustwording", "zoeken", "doen", "volhouden");
    /** The Effectenmonitor's relapse: a movement back, not a phase. */
    static final String RELAPSE = "terugval";

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?(0|[1-9][0-9]{0,8})");

    OutcomeScale {
        Objects.requireNonNull(questionnaireId, "questionnaireId");
        items = List.copyOf(items);
    }

    /** The scored items of a questionnaire, in document order; a path inside a group is {@code group.item}. */
    static OutcomeScale of(Questionnaire questionnaire) {
        List<ScoredItem> items = new ArrayList<>();
        collect(questionnaire.items(), "", Optional.empty(), items);
        return new OutcomeScale(questionnaire.ref().id(), items);
    }

    private static void collect(List<Item> level, String prefix, Optional<String> groupText, List<ScoredItem> into) {
        for (Item item : level) {
            if (item.repeats()) {
                continue;
            }
            String path = prefix + item.linkId();
            if (item.type() == ItemType.GROUP) {
                collect(item.items(), path + ".", Optional.of(item.text()), into);
                continue;
            }
            String label = groupText.orElse(item.text());
            mapping(item).ifPresent(mapping -> into.add(new ScoredItem(path, label, mapping)));
        }
    }

    private static Optional<Mapping> mapping(Item item) {
        if (item.type() == ItemType.INTEGER
                && item.min().isPresent()
                && item.max().isPresent()) {
            return Optional.of(new Numeric(item.min().get(), item.max().get()));
        }
        if (item.type() != ItemType.CHOICE || item.options().size() < 2) {
            return Optional.empty();
        }
        List<String> codes = item.options().stream().map(AnswerOption::code).toList();
        if (codes.stream().allMatch(code -> WHOLE_NUMBER.matcher(code).matches())) {
            Map<String, Integer> scores = new LinkedHashMap<>();
            codes.forEach(code -> scores.put(code, Integer.valueOf(code)));
            return Optional.of(new Coded(scores, Set.of()));
        }
        boolean phases = codes.containsAll(PHASES)
                && codes.stream().allMatch(code -> PHASES.contains(code) || code.equals(RELAPSE));
        if (phases) {
            Map<String, Integer> scores = new LinkedHashMap<>();
            for (int i = 0; i < PHASES.size(); i++) {
                scores.put(PHASES.get(i), i + 1);
            }
            return Optional.of(new Coded(scores, codes.contains(RELAPSE) ? Set.of(RELAPSE) : Set.of()));
        }
        return Optional.empty();
    }

    /**
     * One scored item.
     *
     * @param linkPath the answer path as stored, e.g. {@code financien} or {@code financien.financienFase}
     * @param label the text of the enclosing group (the domain, e.g. "Financiën"), or the item's own text
     */
    record ScoredItem(String linkPath, String label, Mapping mapping) {
        ScoredItem {
            Objects.requireNonNull(linkPath, "linkPath");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(mapping, "mapping");
        }
    }

    /** How an answer becomes a number. */
    sealed interface Mapping permits Numeric, Coded {}

    /** A number answer ({@code integer}, or a whole {@code decimal}) within {@code [min, max]}; others are left out. */
    record Numeric(BigDecimal min, BigDecimal max) implements Mapping {
        Numeric {
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
            if (min.compareTo(max) >= 0) {
                throw new IllegalArgumentException("A scale's minimum must lie below its maximum");
            }
        }
    }

    /**
     * A coded answer: its code's number; a code in {@code relapse} is a movement back without a number; any other
     * code (e.g. one only an other version of the questionnaire has) is left out.
     */
    record Coded(Map<String, Integer> scores, Set<String> relapse) implements Mapping {
        Coded {
            scores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scores));
            relapse = Set.copyOf(relapse);
            if (scores.isEmpty()) {
                throw new IllegalArgumentException("A coded scale needs at least one scored code");
            }
            for (String code : relapse) {
                if (scores.containsKey(code)) {
                    throw new IllegalArgumentException("A code is scored or a relapse, not both: " + code);
                }
            }
        }
    }
}
