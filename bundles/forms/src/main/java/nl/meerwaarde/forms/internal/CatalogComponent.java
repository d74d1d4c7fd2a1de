package nl.meerwaarde.forms.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import nl.meerwaarde.api.questionnaire.Questionnaire;
import nl.meerwaarde.api.questionnaire.QuestionnaireRef;
import nl.meerwaarde.api.store.DefinitionStore;
import nl.meerwaarde.forms.QuestionnaireCatalog;
import nl.meerwaarde.forms.QuestionnaireParser;
import org.osgi.annotation.bundle.Capability;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.namespace.extender.ExtenderNamespace;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The questionnaire catalog and extender: tracks every started bundle with a {@value QuestionnaireCatalog#HEADER}
 * header (this one included) and reads the organisation's definitions folder on activation and on every
 * configuration change. Invalid files are skipped and logged; they never stop the catalog.
 */
@Component(
        name = CatalogComponent.PID,
        service = QuestionnaireCatalog.class,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true)
@Designate(ocd = CatalogComponent.Config.class)
@Capability(namespace = ExtenderNamespace.EXTENDER_NAMESPACE, name = CatalogComponent.EXTENDER, version = "1.0.0")
@Header(name = QuestionnaireCatalog.HEADER, value = CatalogComponent.SHIPPED)
public final class CatalogComponent implements QuestionnaireCatalog {
    static final String PID = "nl.meerwaarde.forms.catalog";
    static final String EXTENDER = "nl.meerwaarde.questionnaires";
    static final String SHIPPED = "OSGI-INF/meerwaarde/questionnaires";
    static final String FOLDER_SOURCE = "organisation folder";

    private static final Logger LOG = LoggerFactory.getLogger(CatalogComponent.class);

    @ObjectClassDefinition(
            id = PID,
            name = "Meerwaarde questionnaire catalog",
            description = "Where the organisation's own questionnaire definitions (FHIR R4-shaped JSON) are read"
                    + " from, next to those shipped in bundles.")
    public @interface Config {
        @AttributeDefinition(
                name = "Definitions directory",
                description = "Folder whose *.json files are questionnaire definitions; read on start and on"
                        + " every change of this configuration. Empty: none.")
        String definitionsDirectory() default "";
    }

    private final DefinitionRegistry registry = new DefinitionRegistry();
    private final QuestionnaireParser parser;
    private final CatalogView view;
    private final BundleTracker<Bundle> tracker;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DefinitionStore published;

    @Activate
    public CatalogComponent(BundleContext context, Config config, @Reference QuestionnaireParser parser) {
        this.parser = parser;
        PublishedDefinitions publishedDefinitions = new PublishedDefinitions(parser);
        this.view = new CatalogView(registry, () -> publishedDefinitions.current(published));
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, new Extender());
        tracker.open();
        readFolder(config.definitionsDirectory());
    }

    @Modified
    void modified(Config config) {
        readFolder(config.definitionsDirectory());
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    private void readFolder(String directory) {
        if (directory == null || directory.isBlank()) {
            registry.remove(FOLDER_SOURCE);
            return;
        }
        Path path;
        try {
            path = Path.of(directory.trim());
        } catch (InvalidPathException e) {
            LOG.warn("Questionnaire definitions directory '{}' is not a valid path: {}", directory, e.getMessage());
            registry.remove(FOLDER_SOURCE);
            return;
        }
        DefinitionFiles.Loaded loaded = DefinitionFiles.fromDirectory(path, parser);
        report(FOLDER_SOURCE + " " + path, loaded, registry.add(FOLDER_SOURCE, loaded.definitions()));
    }

    private static void report(String source, DefinitionFiles.Loaded loaded, List<String> conflicts) {
        loaded.problems().forEach(LOG::warn);
        conflicts.forEach(LOG::warn);
        LOG.info(
                "Loaded {} questionnaire definition(s) from {}",
                loaded.definitions().size(),
                source);
    }

    static String source(Bundle bundle) {
        return "bundle " + bundle.getSymbolicName() + " [" + bundle.getBundleId() + "]";
    }

    private final class Extender implements BundleTrackerCustomizer<Bundle> {
        @Override
        public Bundle addingBundle(Bundle bundle, BundleEvent event) {
            String folder = bundle.getHeaders("").get(HEADER);
            if (folder == null) {
                return null;
            }
            DefinitionFiles.Loaded loaded = DefinitionFiles.fromBundle(bundle, folder, parser);
            report(source(bundle), loaded, registry.add(source(bundle), loaded.definitions()));
            return bundle;
        }

        @Override
        public void modifiedBundle(Bundle bundle, BundleEvent event, Bundle tracked) {
            // a bundle going from STARTING to ACTIVE offers the same definitions
        }

        @Override
        public void removedBundle(Bundle bundle, BundleEvent event, Bundle tracked) {
            registry.remove(source(bundle));
            LOG.info("Removed the questionnaire definitions of {}", source(bundle));
        }
    }

    @Override
    public List<Questionnaire> all() {
        return view.all();
    }

    @Override
    public List<Questionnaire> latestVersions() {
        return view.latestVersions();
    }

    @Override
    public Optional<Questionnaire> find(QuestionnaireRef ref) {
        return view.find(ref);
    }

    @Override
    public Optional<Questionnaire> latest(String id) {
        return view.latest(id);
    }
}
