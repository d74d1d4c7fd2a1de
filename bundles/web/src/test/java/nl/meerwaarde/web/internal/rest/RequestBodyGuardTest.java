package nl.meerwaarde.web.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.web.internal.Languages;
import nl.meerwaarde.web.internal.Messages;
import org.junit.jupiter.api.Test;

/** The JSON provider as the request bodies of the new resources meet it: strict types, unknown fields, size. */
class RequestBodyGuardTest {
    private final JsonProvider provider = new JsonProvider();

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object read(Class<?> type, InputStream body, MultivaluedMap<String, String> headers) throws Exception {
        return provider.readFrom((Class) type, type, new Annotation[0], MediaType.APPLICATION_JSON_TYPE, headers, body);
    }

    private Object read(Class<?> type, String json) throws Exception {
        return read(type, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), new MultivaluedHashMap<>());
    }

    private List<String> errors(Class<?> type, String json) {
        return catchThrowableOfType(InvalidInputException.class, () -> read(type, json)).errors().stream()
                .map(e -> e.field() + " " + e.code())
                .toList();
    }

    @Test
    void unknownFieldsAreNamed() {
        assertThat(errors(Bodies.NewSignal.class, "{\"team\":\"t\",\"bsn\":\"123456782\"}"))
                .containsExactly("bsn body.unknownField");
        assertThat(errors(
                        Bodies.NewActivity.class, "{\"goals\":[{\"description\":\"d\",\"realisation\":\"ACHIEVED\"}]}"))
                .containsExactly("goals[0].realisation body.unknownField");
    }

    @Test
    void wrongTypesAreRefusedNotCoerced() {
        assertThat(errors(Bodies.NewSignal.class, "{\"answered\":\"yes\"}")).containsExactly("answered field.type");
        assertThat(errors(Bodies.NewSignal.class, "{\"answered\":\"true\"}")).containsExactly("answered field.type");
        assertThat(errors(Bodies.NewSignal.class, "{\"type\":5}")).containsExactly("type field.type");
        assertThat(errors(Bodies.NewSignal.class, "{\"registeredOn\":\"gisteren\"}"))
                .containsExactly("registeredOn field.type");
        assertThat(errors(Bodies.NewSignal.class, "{\"targetGroups\":\"ouderen\"}"))
                .containsExactly("targetGroups field.type");
        assertThat(errors(Bodies.NewActivity.class, "{\"budget\":{\"hours\":\"veel\"}}"))
                .containsExactly("budget.hours field.type");
        assertThat(errors(Bodies.Answers.class, "{\"questionnaireVersion\":\"1\"}"))
                .containsExactly("questionnaireVersion field.type");
        assertThat(errors(Bodies.StageMove.class, "{\"to\":\"PLAN\"} {\"to\":\"CLOSED\"}"))
                .containsExactly("body field.type");
        assertThat(errors(Bodies.StageMove.class, "{\"to\":\"PLAN\",\"to\":\"CLOSED\"}"))
                .hasSize(1);
        assertThat(errors(Bodies.StageMove.class, "{\"to\":")).containsExactly("body field.type");
    }

    @Test
    void bodiesOverOneMegabyteAre413WhetherDeclaredOrNot() {
        MultivaluedHashMap<String, String> declared = new MultivaluedHashMap<>();
        declared.putSingle("Content-Length", Integer.toString(BodyLimit.MAX_BYTES + 1));
        WebApplicationException byHeader = catchThrowableOfType(
                WebApplicationException.class,
                () -> read(Bodies.StageMove.class, new ByteArrayInputStream(new byte[0]), declared));
        assertThat(byHeader.getResponse().getStatus()).isEqualTo(413);

        String head = "{\"to\":\"PLAN\",\"skipReason\":\"";
        InputStream huge = new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)),
                new ByteArrayInputStream("x".repeat(BodyLimit.MAX_BYTES).getBytes(StandardCharsets.UTF_8)),
                new ByteArrayInputStream("\"}".getBytes(StandardCharsets.UTF_8)))));
        WebApplicationException streamed = catchThrowableOfType(
                WebApplicationException.class, () -> read(Bodies.StageMove.class, huge, new MultivaluedHashMap<>()));
        assertThat(streamed.getResponse().getStatus()).isEqualTo(413);

        String manyAnswers = "{\"answers\":[" + "{\"linkId\":\"uitspraken\",\"values\":[\"x\"]},".repeat(40_000)
                + "{\"linkId\":\"x\",\"values\":[]}]}";
        WebApplicationException nested =
                catchThrowableOfType(WebApplicationException.class, () -> read(Bodies.Answers.class, manyAnswers));
        assertThat(nested.getResponse().getStatus()).isEqualTo(413);
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() throws Exception {
        String reason = "x".repeat(BodyLimit.MAX_BYTES - 40);
        Bodies.StageMove move =
                (Bodies.StageMove) read(Bodies.StageMove.class, "{\"to\":\"PLAN\",\"skipReason\":\"" + reason + "\"}");
        assertThat(move.skipReason()).hasSize(reason.length());
    }

    @Test
    void everyNewCodeHasDutchAndEnglishTexts() {
        List<String> codes = List.of(
                Codes.TEAM_NOT_MEMBER,
                Codes.RESIDENT_UNKNOWN,
                Codes.ACTIVITY_UNKNOWN,
                Codes.QUESTIONNAIRE_UNKNOWN,
                Codes.UNKNOWN_FIELD,
                "field.count",
                "field.max",
                "problem.stageConflict.detail",
                "problem.definitionExists.detail",
                "status.409",
                "status.413");
        for (Locale locale : List.of(Languages.DUTCH, Languages.ENGLISH)) {
            Messages messages = Messages.of(locale);
            for (String code : codes) {
                assertThat(messages.find(code, "a", "b"))
                        .as(code + " " + locale)
                        .isPresent();
            }
        }
        assertThat(ResourceBundle.getBundle(Messages.BASE_NAME, Locale.ROOT).getString("status.413"))
                .isEqualTo("Verzoek te groot");
    }
}
