package nl.meerwaarde.forms.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import nl.meerwaarde.api.questionnaire.Questionnaire;
import nl.meerwaarde.api.questionnaire.QuestionnaireRef;
import nl.meerwaarde.forms.QuestionnaireCatalog;

/**
 * The definitions of every source (a bundle, the organisation's folder), in the order the sources arrived. For
 * each id and version the definition of the earliest source still present counts; when that source goes, the
 * next one offering the same id and version takes over. Thread-safe: changes are serialised, reads see an
 * immutable snapshot.
 */
final class DefinitionRegistry implements QuestionnaireCatalog {
    private static final Comparator<QuestionnaireRef> ORDER =
            Comparator.comparing(QuestionnaireRef::id).thenComparingInt(QuestionnaireRef::version);

    private record Entry(Questionnaire definition, String source) {}

    private final Map<String, List<Questionnaire>> sources = new LinkedHashMap<>();
    private volatile Map<QuestionnaireRef, Entry> effective = Map.of();

    /**
     * Adds (or replaces) the definitions of one source.
     *
     * @return one English sentence per conflict: the same id and version already known with other content
     */
    synchronized List<String> add(String source, List<Questionnaire> definitions) {
        Objects.requireNonNull(source, "source");
        sources.remove(source);
        rebuild();
        List<String> conflicts = new ArrayList<>();
        Map<QuestionnaireRef, Entry> current = effective;
        for (Questionnaire definition : definitions) {
            Entry known = current.get(definition.ref());
            if (known != null && !known.definition().equals(definition)) {
                conflicts.add("Questionnaire " + describe(definition.ref()) + " from " + source
                        + " differs from the one already loaded from " + known.source()
                        + "; keeping the one from " + known.source()
                        + ". Publish changed content under a new version.");
            }
        }
        sources.put(source, List.copyOf(definitions));
        rebuild();
        return conflicts;
    }

    /** Forgets the definitions of one source. */
    synchronized void remove(String source) {
        if (sources.remove(source) != null) {
            rebuild();
        }
    }

    private void rebuild() {
        Map<QuestionnaireRef, Entry> next = new TreeMap<>(ORDER);
        sources.forEach((source, definitions) -> {
            for (Questionnaire definition : definitions) {
                next.putIfAbsent(definition.ref(), new Entry(definition, source));
            }
        });
        effective = java.util.Collections.unmodifiableMap(next);
    }

    static String describe(QuestionnaireRef ref) {
        return ref.id() + " version " + ref.version();
    }

    @Override
    public List<Questionnaire> all() {
        return effective.values().stream().map(Entry::definition).toList();
    }

    @Override
    public List<Questionnaire> latestVersions() {
        Map<String, Questionnaire> latest = new LinkedHashMap<>();
        for (Entry entry : effective.values()) {
            latest.put(entry.definition().ref().id(), entry.definition());
        }
        return List.copyOf(latest.values());
    }

    @Override
    public Optional<Questionnaire> find(QuestionnaireRef ref) {
        Objects.requireNonNull(ref, "ref");
        return Optional.ofNullable(effective.get(ref)).map(Entry::definition);
    }

    @Override
    public Optional<Questionnaire> latest(String id) {
        Objects.requireNonNull(id, "id");
        Questionnaire found = null;
        for (Entry entry : effective.values()) {
            if (entry.definition().ref().id().equals(id)) {
                found = entry.definition();
            }
        }
        return Optional.ofNullable(found);
    }
}
