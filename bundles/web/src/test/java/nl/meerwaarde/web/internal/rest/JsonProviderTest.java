package nl.meerwaarde.web.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.InvalidInputException.FieldError;
import org.junit.jupiter.api.Test;

class JsonProviderTest {
    private static final Annotation[] NONE = new Annotation[0];
    private static final MediaType PROBLEM = MediaType.valueOf("application/problem+json");

    record Goal(String description, int weight) {}

    record Plan(String title, LocalDate startsOn, Optional<String> funder, List<Goal> goals) {}

    private final JsonProvider provider = new JsonProvider();

    @Test
    void writesJsonTypesButLeavesTextAndBytesToTheRuntime() {
        assertThat(provider.isWriteable(Plan.class, Plan.class, NONE, MediaType.APPLICATION_JSON_TYPE))
                .isTrue();
        assertThat(provider.isWriteable(Plan.class, Plan.class, NONE, PROBLEM)).isTrue();
        assertThat(provider.isWriteable(Plan.class, Plan.class, NONE, MediaType.TEXT_HTML_TYPE))
                .isFalse();
        assertThat(provider.isWriteable(String.class, String.class, NONE, PROBLEM))
                .isFalse();
        assertThat(provider.isWriteable(byte[].class, byte[].class, NONE, MediaType.APPLICATION_JSON_TYPE))
                .isFalse();
    }

    @Test
    void writesIsoDatesAndLeavesOutEmptyOptionals() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Plan plan = new Plan("Taalcafé", LocalDate.of(2026, 9, 1), Optional.empty(), List.of(new Goal("g", 1)));

        provider.writeTo(
                plan, Plan.class, Plan.class, NONE, MediaType.APPLICATION_JSON_TYPE, new MultivaluedHashMap<>(), out);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"title\":\"Taalcafé\",\"startsOn\":\"2026-09-01\","
                        + "\"goals\":[{\"description\":\"g\",\"weight\":1}]}");
    }

    @Test
    void readsJsonAndNamesTheFieldOfAValueOfTheWrongType() throws Exception {
        Object plan = read("{\"title\":\"x\",\"startsOn\":\"2026-09-01\",\"goals\":[]}");
        assertThat(plan).isEqualTo(new Plan("x", LocalDate.of(2026, 9, 1), Optional.empty(), List.of()));

        InvalidInputException wrongType = catchThrowableOfType(
                InvalidInputException.class,
                () -> read("{\"title\":\"x\",\"goals\":[{\"description\":\"a\",\"weight\":\"heavy\"}]}"));
        assertThat(wrongType.errors()).containsExactly(FieldError.of("goals[0].weight", "field.type"));

        InvalidInputException malformed = catchThrowableOfType(InvalidInputException.class, () -> read("{\"title\": "));
        assertThat(malformed.errors()).containsExactly(FieldError.of("body", "field.type"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object read(String json) throws Exception {
        return provider.readFrom(
                (Class) Plan.class,
                Plan.class,
                NONE,
                MediaType.APPLICATION_JSON_TYPE,
                new MultivaluedHashMap<>(),
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
