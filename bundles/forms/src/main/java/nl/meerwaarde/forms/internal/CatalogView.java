package nl.meerwaarde.forms.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import nl.meerwaarde.api.questionnaire.Questionnaire;
import nl.meerwaarde.api.questionnaire.QuestionnaireRef;
import nl.meerwaarde.forms.QuestionnaireCatalog;

/**
 * The catalog as callers see it: the shipped and folder definitions of the registry, and the published ones they
 * do not hold (the registry wins an id and version both have), ordered by id and version.
 */
final class CatalogView implements QuestionnaireCatalog {
    private static final Comparator<Questionnaire> BY_ID_AND_VERSION = Comparator.comparing(
                    (Questionnaire q) -> q.ref().id())
            .thenComparingInt(q -> q.ref().version());

    private final DefinitionRegistry registry;
    private final Supplier<List<Questionnaire>> published;

    CatalogView(DefinitionRegistry registry, Supplier<List<Questionnaire>> published) {
        this.registry = registry;
        this.published = published;
    }

    @Override
    public List<Questionnaire> all() {
        List<Questionnaire> all = new ArrayList<>(registry.all());
        Set<QuestionnaireRef> known = all.stream().map(Questionnaire::ref).collect(Collectors.toSet());
        published.get().stream()
                .filter(definition -> !known.contains(definition.ref()))
                .forEach(all::add);
        all.sort(BY_ID_AND_VERSION);
        return List.copyOf(all);
    }

    @Override
    public List<Questionnaire> latestVersions() {
        Map<String, Questionnaire> latest = new LinkedHashMap<>();
        all().forEach(definition -> latest.put(definition.ref().id(), definition));
        return List.copyOf(latest.values());
    }

    @Override
    public Optional<Questionnaire> find(QuestionnaireRef ref) {
        Optional<Questionnaire> shipped = registry.find(ref);
        if (shipped.isPresent()) {
            return shipped;
        }
        return published.get().stream()
                .filter(definition -> definition.ref().equals(ref))
                .findFirst();
    }

    @Override
    public Optional<Questionnaire> latest(String id) {
        return all().stream()
                .filter(definition -> definition.ref().id().equals(id))
                .reduce((earlier, later) -> later);
    }
}
