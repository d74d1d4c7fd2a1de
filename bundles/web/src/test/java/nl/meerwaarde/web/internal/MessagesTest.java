package nl.meerwaarde.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import nl.meerwaarde.api.Stage;
import nl.meerwaarde.web.FieldCodes;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void dutchAndEnglishBundlesHaveTheSameKeys() throws IOException {
        Properties dutch = load("OSGI-INF/l10n/messages.properties");
        Properties english = load("OSGI-INF/l10n/messages_en.properties");

        assertThat(english.stringPropertyNames()).isEqualTo(dutch.stringPropertyNames());
        assertThat(dutch.stringPropertyNames()).hasSizeGreaterThan(50);
    }

    @Test
    void everyMessageIsAValidPatternWithoutEmptyTextOrLoneApostrophes() throws IOException {
        for (String resource :
                new String[] {"OSGI-INF/l10n/messages.properties", "OSGI-INF/l10n/messages_en.properties"}) {
            Properties properties = load(resource);
            for (String key : properties.stringPropertyNames()) {
                String pattern = properties.getProperty(key);
                assertThat(pattern).as(resource + " " + key).isNotBlank();
                assertThat(pattern.replace("''", ""))
                        .as(resource + " " + key + ": write '' for an apostrophe")
                        .doesNotContain("'");
                assertThatCode(() -> new MessageFormat(pattern).format(new Object[] {1, 200, 3}))
                        .as(resource + " " + key)
                        .doesNotThrowAnyException();
            }
        }
    }

    @Test
    void theValidationCodesUsedElsewhereAreThere() {
        for (Locale locale : new Locale[] {Languages.DUTCH, Languages.ENGLISH}) {
            Messages messages = Messages.of(locale);
            for (String code : new String[] {
                FieldCodes.REQUIRED,
                FieldCodes.RANGE,
                FieldCodes.MIN,
                FieldCodes.TYPE,
                FieldCodes.OPTION,
                FieldCodes.LENGTH,
                FieldCodes.INVALID
            }) {
                assertThat(messages.find(code)).as(locale + " " + code).isPresent();
            }
        }
        assertThat(Messages.of(Languages.DUTCH).get(FieldCodes.RANGE, 1, 200))
                .isEqualTo("Vul een waarde van 1 tot en met 200 in.");
        assertThat(Messages.of(Languages.ENGLISH).get(FieldCodes.RANGE, 1, 200))
                .isEqualTo("Enter a value from 1 to 200.");
    }

    @Test
    void everyStageHasADutchName() {
        Messages dutch = Messages.of(Languages.DUTCH);
        assertThat(Stage.values())
                .extracting(stage -> dutch.get("stage." + stage.name()))
                .containsExactly(
                        "Signaal",
                        "Analyse",
                        "Plan van aanpak",
                        "Uitvoering",
                        "Impact meten",
                        "Evaluatie",
                        "Afgesloten");
    }

    @Test
    void dutchIsTheDefaultEvenOnAnEnglishJvm() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            assertThat(Messages.of(Languages.DUTCH).get("layout.logout")).isEqualTo("Uitloggen");
            assertThat(Messages.of(Locale.GERMAN).get("layout.logout")).isEqualTo("Uitloggen");
            assertThat(Messages.of(Locale.UK).get("layout.logout")).isEqualTo("Sign out");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void anUnknownKeyIsShownAsItself() {
        assertThat(Messages.of(Languages.DUTCH).get("no.such.key")).isEqualTo("no.such.key");
        assertThat(Messages.of(Languages.DUTCH).find("no.such.key")).isEmpty();
    }
}
