package nl.meerwaarde.host.reference.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.CollectiveActivity.AnonymousCounts;
import nl.meerwaarde.api.CollectiveActivity.ChosenInstrument;
import nl.meerwaarde.api.CollectiveActivity.GoalRealisation;
import nl.meerwaarde.api.CollectiveActivity.Investment;
import nl.meerwaarde.api.CollectiveActivity.SmartGoal;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.Participation.ImpactMeasurement;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.api.SignalId;
import nl.meerwaarde.api.Stage;
import nl.meerwaarde.api.store.ActivityStore;
import nl.meerwaarde.api.store.SignalStore;
import nl.meerwaarde.host.spi.ResidentId;
import nl.meerwaarde.host.spi.TeamId;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells Manouk's journey in Meerwaarde's own records: signals, and collective activities in different stages
 * (signal → activity → impact), through Meerwaarde's stores, so it runs once the store bundle is there. Loaded
 * only when demo data is on, the demo teams are in the host, and the stores hold no signals and no activities for
 * those teams yet; the ids are fixed, so a second load would replace rather than duplicate.
 */
@Component(name = "nl.meerwaarde.host.reference.demo-activities", configurationPid = HostReferenceConfig.PID)
public class DemoActivities {
    /** Impact dimension codes (the default set of the reference model). */
    static final String ERKEND = "erkend";

    static final String VERBONDEN = "verbonden";
    static final String OPGELUCHT = "opgelucht";

    static final ActivityId MOEDERGROEP = activityId("moedergroep-emmer-compascuum");
    static final ActivityId HUISKAMER = activityId("sociale-huiskamer-emmen-centrum");
    static final ActivityId TAALCAFE = activityId("taalcafe-emmen");
    static final ActivityId MANTELZORGERS = activityId("lotgenotengroep-mantelzorgers-coevorden");
    static final SignalId MANOUK_SIGNAL = signalId("manouk-consultatiebureau");

    private static final Logger LOG = LoggerFactory.getLogger(DemoActivities.class);
    private static final TeamId EC = DemoHostData.TEAM_EMMER_COMPASCUUM;
    private static final TeamId CENTRUM = DemoHostData.TEAM_EMMEN_CENTRUM;

    private final boolean loaded;

    @Activate
    public DemoActivities(
            @Reference SignalStore signals,
            @Reference ActivityStore activities,
            @Reference HostDatabase database,
            HostReferenceConfig config) {
        this(signals, activities, config.demoData() && DemoHostData.present(database.dataSource()));
    }

    DemoActivities(SignalStore signals, ActivityStore activities, boolean wanted) {
        boolean done = false;
        if (wanted) {
            try {
                done = loadIfEmpty(signals, activities);
            } catch (RuntimeException e) {
                LOG.error("Could not load the demo signals and activities", e);
            }
        }
        this.loaded = done;
    }

    /** Whether this activation loaded the demo records. */
    boolean loaded() {
        return loaded;
    }

    /**
     * Saves every demo activity, participation and signal that the stores do not hold yet (by its fixed id), so
     * that a load that was cut off half-way is completed at the next start and nothing a worker changed in a demo
     * record is overwritten.
     *
     * @return whether anything was saved
     */
    static boolean loadIfEmpty(SignalStore signals, ActivityStore activities) {
        int saved = 0;
        for (CollectiveActivity activity : activities()) {
            if (activities.find(activity.id()).isEmpty()) {
                activities.save(activity);
                saved++;
            }
        }
        for (Participation participation : participations()) {
            boolean present = activities.participations(participation.activity()).stream()
                    .anyMatch(existing -> existing.id().equals(participation.id()));
            if (!present) {
                activities.saveParticipation(participation);
                saved++;
            }
        }
        for (Signal signal : signals()) {
            if (signals.find(signal.id()).isEmpty()) {
                signals.save(signal);
                saved++;
            }
        }
        if (saved > 0) {
            LOG.info("Loaded {} demo signals, collective activities and participations", saved);
        }
        return saved > 0;
    }

    static List<CollectiveActivity> activities() {
        return List.of(
                new CollectiveActivity(
                        MOEDERGROEP,
                        EC,
                        "Moedergroep Emmer-Compascuum",
                        Stage.EXECUTION,
                        Set.of("jonge-moeders"),
                        Optional.of(DemoHostData.GEMEENTE_EMMEN),
                        Optional.of(LocalDate.of(2026, 3, 5)),
                        Optional.of(money(80, 2400)),
                        Optional.of(money(52, 1310)),
                        Optional.empty(),
                        Optional.of(9),
                        Optional.empty(),
                        List.of(
                                goal("Minstens 8 jonge moeders uit Emmer-Compascuum nemen in 2026 deel aan"
                                        + " 10 bijeenkomsten van de moedergroep."),
                                goal("Na een half jaar zegt 75% van de deelneemsters meer contact te hebben met"
                                        + " andere moeders."),
                                goal("Iedere deelneemster met een vraag over werk of opleiding heeft vóór"
                                        + " 1 december 2026 een gesprek gehad bij het leerwerkloket.")),
                        Optional.of("Drie signalen van de jeugdverpleegkundige en het consultatiebureau: jonge"
                                + " moeders in Emmer-Compascuum voelen zich alleen en kennen elkaar niet."),
                        Optional.of(new ChosenInstrument("impactmeting", Optional.empty())),
                        Set.of("Consultatiebureau Emmen", "Leerwerkloket Emmen"),
                        Optional.of(7),
                        Optional.empty()),
                new CollectiveActivity(
                        HUISKAMER,
                        CENTRUM,
                        "Sociale huiskamer Emmen Centrum",
                        Stage.IMPACT_MEASUREMENT,
                        Set.of("ouderen"),
                        Optional.of(DemoHostData.GEMEENTE_EMMEN),
                        Optional.of(LocalDate.of(2026, 1, 13)),
                        Optional.of(money(200, 5000)),
                        Optional.of(money(176, 4350)),
                        Optional.of(new AnonymousCounts(46, 28, 23)),
                        Optional.of(31),
                        Optional.empty(),
                        List.of(goal("De huiskamer is in 2026 elke dinsdag- en donderdagmiddag open, met"
                                + " gemiddeld minstens 12 bezoekers per middag.")),
                        Optional.of("Ouderen in het centrum melden eenzaamheid; de wijkagent en de huisarts"
                                + " zien dezelfde vraag."),
                        Optional.of(new ChosenInstrument("positieve-gezondheid", Optional.empty())),
                        Set.of("Bibliotheek Emmen"),
                        Optional.of(62),
                        Optional.empty()),
                new CollectiveActivity(
                        TAALCAFE,
                        CENTRUM,
                        "Taalcafé Emmen",
                        Stage.PLAN,
                        Set.of("nieuwkomers"),
                        Optional.of(DemoHostData.GEMEENTE_EMMEN),
                        Optional.of(LocalDate.of(2027, 1, 14)),
                        Optional.of(money(120, 3000)),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        List.of(
                                goal("Van januari tot en met juni 2027 komen minstens 10 nieuwkomers elke"
                                        + " donderdagavond naar het taalcafé."),
                                goal("Na 20 avonden zegt 70% van de deelnemers zich beter verstaanbaar te kunnen"
                                        + " maken bij school, huisarts en buren."),
                                goal("Vier vrijwilligers uit de buurt zijn vóór de start getraind als"
                                        + " taalmaatje.")),
                        Optional.of("Nieuwkomers vragen via school en huisarts om taaloefening buiten de les."),
                        Optional.of(new ChosenInstrument(ChosenInstrument.OTHER, Optional.of("Taalmeter"))),
                        Set.of("Taalhuis Emmen"),
                        Optional.empty(),
                        Optional.empty()),
                new CollectiveActivity(
                        MANTELZORGERS,
                        CENTRUM,
                        "Lotgenotengroep mantelzorgers Coevorden",
                        Stage.CLOSED,
                        Set.of("mantelzorgers"),
                        Optional.of(DemoHostData.GEMEENTE_COEVORDEN),
                        Optional.of(LocalDate.of(2026, 2, 10)),
                        Optional.of(money(40, 1200)),
                        Optional.of(money(44, 1050)),
                        Optional.empty(),
                        Optional.of(6),
                        Optional.of(8),
                        List.of(
                                goal(
                                        "Minstens 6 mantelzorgers nemen van februari tot en met juni 2026 deel aan"
                                                + " 6 bijeenkomsten.",
                                        GoalRealisation.ACHIEVED),
                                goal(
                                        "Na afloop zegt 80% van de deelnemers de zorg beter vol te houden.",
                                        GoalRealisation.PARTLY),
                                goal(
                                        "Twee deelnemers zetten na afloop zelf een vervolggroep op.",
                                        GoalRealisation.NOT_ACHIEVED)),
                        Optional.of("Mantelzorgers in Coevorden houden de zorg moeilijk vol en kennen geen"
                                + " lotgenoten."),
                        Optional.of(new ChosenInstrument("impactmeting", Optional.empty())),
                        Set.of("Steunpunt Mantelzorg Coevorden"),
                        Optional.of(6),
                        Optional.of("Een vaste avond en een vaste plek werken; de groep wil zelf verder.")));
    }

    static List<Participation> participations() {
        return List.of(
                participation(
                        "manouk-moedergroep",
                        MOEDERGROEP,
                        DemoHostData.MANOUK,
                        Optional.of(new ImpactMeasurement(
                                true,
                                Optional.of("Ze heeft in de groep twee moeders leren kennen bij wie ze terecht kan, en"
                                        + " heeft zich aangemeld om haar MBO-opleiding af te maken."),
                                Optional.of(8),
                                Optional.of("Ik word hier serieus genomen. Ik zou wel vaker bij elkaar willen komen."),
                                Set.of(VERBONDEN, ERKEND),
                                List.of(
                                        "Door mee te doen aan de groep krijg je een soort saamhorigheidsgevoel met"
                                                + " lotgenoten, waardoor ik weer vooruit kan.",
                                        "Hier snappen ze hoe het is om voor een kindje als Levi te zorgen."),
                                Optional.of("Manouk neemt steeds vaker het woord en heeft zelf een wandelgroepje op"
                                        + " woensdagochtend opgezet."))),
                        Set.of("Leerwerkloket Emmen")),
                participation(
                        "sarah-moedergroep",
                        MOEDERGROEP,
                        new ResidentId("inw-0002"),
                        Optional.of(new ImpactMeasurement(
                                true,
                                Optional.of("Ze komt weer de deur uit en heeft contact met leeftijdgenoten."),
                                Optional.of(7),
                                Optional.of("Fijne groep, maar de ruimte is vaak te klein."),
                                Set.of(VERBONDEN),
                                List.of("Ik kom eindelijk weer eens ergens waar het niet alleen om de kinderen"
                                        + " draait."),
                                Optional.empty())),
                        Set.of()),
                participation(
                        "demi-moedergroep",
                        MOEDERGROEP,
                        new ResidentId("inw-0003"),
                        Optional.of(new ImpactMeasurement(
                                false,
                                Optional.of("De tijden zijn lastig te combineren met haar werk in ploegendienst."),
                                Optional.of(6),
                                Optional.of("Leuk als ik er ben, maar ik kan bijna nooit."),
                                Set.of(),
                                List.of(),
                                Optional.of("Kwam drie keer. We zoeken samen naar een avondgroep in de buurt."))),
                        Set.of()),
                participation(
                        "yasmina-moedergroep", MOEDERGROEP, new ResidentId("inw-0004"), Optional.empty(), Set.of()),
                participation(
                        "janny-mantelzorgers",
                        MANTELZORGERS,
                        new ResidentId("inw-0008"),
                        Optional.of(new ImpactMeasurement(
                                true,
                                Optional.of("Ze kan haar verhaal kwijt en voelt zich minder alleen in de zorg voor"
                                        + " haar moeder."),
                                Optional.of(9),
                                Optional.of("Warme groep, goede begeleiding."),
                                Set.of(OPGELUCHT, ERKEND),
                                List.of("Ik kan hier altijd mijn verhaal kwijt. Daardoor voel ik me begrepen en houd"
                                        + " ik de zorg voor mijn moeder beter vol."),
                                Optional.of("Oogt rustiger dan bij de start; plant nu zelf momenten voor zichzelf."))),
                        Set.of("Steunpunt Mantelzorg Coevorden")),
                participation(
                        "henk-mantelzorgers",
                        MANTELZORGERS,
                        new ResidentId("inw-0007"),
                        Optional.of(new ImpactMeasurement(
                                true,
                                Optional.of("Hij heeft steun aan de andere mantelzorgers en spreekt hen ook buiten de"
                                        + " groep."),
                                Optional.of(8),
                                Optional.of("Het deed me goed om te horen dat anderen hetzelfde meemaken."),
                                Set.of(VERBONDEN, OPGELUCHT),
                                List.of("Je staat er niet alleen voor, dat merk je hier echt."),
                                Optional.empty())),
                        Set.of()),
                participation(
                        "ricardo-mantelzorgers",
                        MANTELZORGERS,
                        new ResidentId("inw-0009"),
                        Optional.of(new ImpactMeasurement(
                                false,
                                Optional.of("Hij had vooral praktische hulp nodig bij de aanvraag van respijtzorg."),
                                Optional.of(6),
                                Optional.of("Aardige mensen, maar praten lost mijn probleem niet op."),
                                Set.of(ERKEND),
                                List.of(),
                                Optional.of("Doorverwezen naar het Wmo-loket voor respijtzorg."))),
                        Set.of("Wmo-loket Coevorden")));
    }

    static List<Signal> signals() {
        return List.of(
                new Signal(
                        MANOUK_SIGNAL,
                        EC,
                        LocalDate.of(2026, 1, 19),
                        "sociaal-isolement",
                        Set.of("jonge-moeders"),
                        "consultatiebureau",
                        "Alleenstaande moeder (26) van een zoon met een intensieve zorgvraag voelt zich geïsoleerd"
                                + " als jonge moeder: buiten haar familie heeft ze geen netwerk meer. Ze wil andere"
                                + " moeders leren kennen, weer gaan werken en haar MBO-opleiding afmaken.",
                        true,
                        Optional.of(DemoHostData.MANOUK),
                        Optional.of(MOEDERGROEP)),
                new Signal(
                        signalId("sarah-huisarts"),
                        EC,
                        LocalDate.of(2026, 2, 2),
                        "sociaal-isolement",
                        Set.of("jonge-moeders"),
                        "huisarts",
                        "Jonge moeder met sombere gevoelens zoekt contact met leeftijdgenoten in het dorp.",
                        true,
                        Optional.of(new ResidentId("inw-0002")),
                        Optional.of(MOEDERGROEP)),
                new Signal(
                        signalId("flat-hoofdstraat-woningcorporatie"),
                        CENTRUM,
                        LocalDate.of(2026, 1, 5),
                        "eenzaamheid",
                        Set.of("ouderen"),
                        "woningcorporatie",
                        "Meerdere oudere bewoners van een flat in het centrum zitten veel alleen thuis en zoeken een"
                                + " plek om anderen te ontmoeten.",
                        true,
                        Optional.empty(),
                        Optional.of(HUISKAMER)),
                new Signal(
                        signalId("janny-wijkverpleging"),
                        CENTRUM,
                        LocalDate.of(2026, 1, 27),
                        "overbelasting-mantelzorg",
                        Set.of("mantelzorgers"),
                        "wijkverpleging",
                        "Mantelzorger die al jaren voor haar moeder zorgt raakt overbelast en zoekt lotgenoten.",
                        true,
                        Optional.of(new ResidentId("inw-0008")),
                        Optional.of(MANTELZORGERS)),
                new Signal(
                        signalId("ahmad-basisschool"),
                        CENTRUM,
                        LocalDate.of(2026, 10, 6),
                        "taal",
                        Set.of("nieuwkomers"),
                        "basisschool",
                        "Ouders die kort in Nederland wonen willen beter Nederlands leren om met de school en de buurt"
                                + " te kunnen praten.",
                        false,
                        Optional.of(new ResidentId("inw-0010")),
                        Optional.of(TAALCAFE)),
                new Signal(
                        signalId("jongeren-wijkagent"),
                        EC,
                        LocalDate.of(2026, 11, 9),
                        "ontmoetingsplek-jongeren",
                        Set.of("jongeren"),
                        "wijkagent",
                        "Jongeren in Emmer-Compascuum hebben na school geen plek om samen te komen; er zijn signalen"
                                + " van verveling en overlast bij het winkelcentrum.",
                        false,
                        Optional.empty(),
                        Optional.empty()));
    }

    private static Participation participation(
            String key,
            ActivityId activity,
            ResidentId resident,
            Optional<ImpactMeasurement> measurement,
            Set<String> referrals) {
        return new Participation(uuid("participation:" + key), activity, resident, measurement, referrals);
    }

    private static Investment money(int hours, int euros) {
        return new Investment(Optional.of(BigDecimal.valueOf(hours)), Optional.of(BigDecimal.valueOf(euros)));
    }

    private static SmartGoal goal(String description) {
        return new SmartGoal(description, Optional.empty());
    }

    private static SmartGoal goal(String description, GoalRealisation realisation) {
        return new SmartGoal(description, Optional.of(realisation));
    }

    private static ActivityId activityId(String key) {
        return new ActivityId(uuid("activity:" + key));
    }

    private static SignalId signalId(String key) {
        return new SignalId(uuid("signal:" + key));
    }

    /** A fixed id per demo record (name-based UUID), so the demo has the same ids on every machine. */
    private static UUID uuid(String key) {
        return UUID.nameUUIDFromBytes(("nl.meerwaarde.host.reference.demo:" + key).getBytes(StandardCharsets.UTF_8));
    }
}
