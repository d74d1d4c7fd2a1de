package nl.meerwaarde.forms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import nl.meerwaarde.api.questionnaire.Coding;
import nl.meerwaarde.api.questionnaire.EnableWhen;
import nl.meerwaarde.api.questionnaire.Item;
import nl.meerwaarde.api.questionnaire.Questionnaire;
import nl.meerwaarde.api.questionnaire.QuestionnaireResponse.Answer;
import nl.meerwaarde.forms.ResponseValidator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: a response built only from values the definition itself allows (respecting required, repeats,
 * ranges, options and enableWhen) always validates. The generator decides enablement on its own, from the
 * definition, so a mistake in either the generator or the validator shows up as a failure. Sent as JSON (codes
 * as plain strings), the same response comes back from {@code fromJson} as it was.
 */
class GeneratedResponsesTest {
    private static final int RUNS = 300;
    private final ResponseValidator validator = new QuestionnaireValidator();

    static Stream<Questionnaire> definitions() {
        List<Questionnaire> all = new ArrayList<>(Definitions.shipped());
        all.add(Definitions.parse("/validator-test.json"));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("definitions")
    void aResponseMadeOfAllowedValuesAlwaysValidates(Questionnaire questionnaire) {
        for (int seed = 0; seed < RUNS; seed++) {
            Generator generator = new Generator(
                    new Random(seed * 31L + questionnaire.ref().id().hashCode()));
            generator.group(questionnaire.items(), "", Map.of(), true);
            List<Answer> answers = generator.answers;
            assertThat(validator.validate(questionnaire, answers))
                    .as("seed %d, answers %s", seed, answers)
                    .isEmpty();
            List<Answer> json =
                    answers.stream().map(GeneratedResponsesTest::codesAsJson).toList();
            assertThat(validator.fromJson(questionnaire, json))
                    .as("seed %d, codes sent as JSON strings", seed)
                    .isEqualTo(answers.stream()
                            .map(GeneratedResponsesTest::datesAsDates)
                            .toList());
        }
    }

    /** The answer with its ISO date strings as dates, as {@code fromJson} gives them (the generator makes both). */
    private static Answer datesAsDates(Answer answer) {
        return new Answer(
                answer.linkId(),
                answer.values().stream()
                        .map(v -> v instanceof String text && text.matches("\\d{4}-\\d{2}-\\d{2}")
                                ? LocalDate.parse(text)
                                : v)
                        .toList());
    }

    /** The answer with its codes as a client sends them in JSON: plain strings. */
    private static Answer codesAsJson(Answer answer) {
        return new Answer(
                answer.linkId(),
                answer.values().stream()
                        .map(v -> v instanceof Coding c ? c.code() : v)
                        .toList());
    }

    private static final class Generator {
        private final Random random;
        final List<Answer> answers = new ArrayList<>();
        private final Map<String, List<Object>> byPath = new HashMap<>();
        private final Map<String, String> pathOfLinkIdInScope = new HashMap<>();

        Generator(Random random) {
            this.random = random;
        }

        /**
         * Answers one level; {@code mustAnswer} says whether required questions here must be answered (the
         * instance is generated at all). Returns whether anything was answered.
         */
        boolean group(List<Item> items, String prefix, Map<String, String> scope, boolean mustAnswer) {
            boolean any = false;
            Map<String, String> local = new HashMap<>(scope);
            for (Item item : items) {
                String path = prefix + item.linkId();
                if (!enabled(item, local)) {
                    continue;
                }
                switch (item.type()) {
                    case DISPLAY -> {}
                    case GROUP -> {
                        if (item.repeats()) {
                            boolean needed = item.required() && mustAnswer;
                            int count = random.nextInt(3) + (needed ? 1 : 0);
                            for (int i = 0; i < count; i++) {
                                // an instance exists only when something in it is answered
                                boolean made = group(item.items(), path + "[" + i + "].", local, true);
                                for (int attempt = 0; needed && !made && attempt < 50; attempt++) {
                                    made = group(item.items(), path + "[" + i + "].", local, true);
                                }
                                any |= made;
                            }
                        } else {
                            boolean fill = (item.required() && mustAnswer) || random.nextInt(3) > 0;
                            if (fill) {
                                any |= group(item.items(), path + ".", local, true);
                            }
                        }
                    }
                    default -> {
                        local.put(item.linkId(), path);
                        if ((item.required() && mustAnswer) || random.nextBoolean()) {
                            List<Object> values = new ArrayList<>();
                            int count = item.repeats() ? 1 + random.nextInt(3) : 1;
                            for (int i = 0; i < count; i++) {
                                Object value = value(item);
                                if (!values.contains(value)) {
                                    values.add(value);
                                }
                            }
                            answers.add(new Answer(path, values));
                            byPath.put(path, values);
                            any = true;
                        }
                    }
                }
            }
            return any;
        }

        private boolean enabled(Item item, Map<String, String> scope) {
            for (EnableWhen condition : item.enableWhen()) {
                String path = scope.get(condition.question());
                List<Object> values = path == null ? List.of() : byPath.getOrDefault(path, List.of());
                boolean holds =
                        switch (condition.operator()) {
                            case EXISTS -> !values.isEmpty() == Boolean.parseBoolean(condition.answer());
                            case EQUALS -> values.stream().anyMatch(v -> same(v, condition.answer()));
                            case NOT_EQUALS -> values.stream().noneMatch(v -> same(v, condition.answer()));
                        };
                if (!holds) {
                    return false;
                }
            }
            return true;
        }

        private static boolean same(Object value, String answer) {
            if (value instanceof Coding c) {
                return c.code().equals(answer);
            }
            if (value instanceof BigDecimal d) {
                return d.compareTo(new BigDecimal(answer)) == 0;
            }
            if (value instanceof Integer i) {
                return new BigDecimal(i).compareTo(new BigDecimal(answer)) == 0;
            }
            return value.toString().equals(answer);
        }

        private Object value(Item item) {
            return switch (item.type()) {
                case BOOLEAN -> random.nextBoolean();
                case INTEGER -> {
                    int low = item.min().map(BigDecimal::intValueExact).orElse(-50);
                    int high = item.max().map(BigDecimal::intValueExact).orElse(low + 200);
                    yield low + random.nextInt(high - low + 1);
                }
                case DECIMAL -> {
                    BigDecimal low = item.min().orElse(new BigDecimal("-1000"));
                    BigDecimal high = item.max().orElse(low.add(new BigDecimal("5000")));
                    BigDecimal span = high.subtract(low);
                    yield low.add(span.multiply(BigDecimal.valueOf(random.nextDouble())))
                            .setScale(2, RoundingMode.DOWN)
                            .max(low.setScale(2, RoundingMode.UP))
                            .min(high);
                }
                case DATE ->
                    random.nextBoolean()
                            ? LocalDate.of(1950, 1, 1).plusDays(random.nextInt(30_000))
                            : LocalDate.of(2020, 2, 29)
                                    .plusDays(random.nextInt(2_000))
                                    .toString();
                case CHOICE ->
                    new Coding(item.options()
                            .get(random.nextInt(item.options().size()))
                            .code());
                case STRING ->
                    text(random.nextInt(10) == 0 ? ResponseValidator.STRING_MAX_LENGTH : 1 + random.nextInt(40));
                case TEXT ->
                    text(random.nextInt(10) == 0 ? ResponseValidator.TEXT_MAX_LENGTH : 1 + random.nextInt(400));
                default -> throw new IllegalArgumentException(item.type().toString());
            };
        }

        private String text(int length) {
            StringBuilder text = new StringBuilder(length);
            String alphabet = "abcdeéëfghij klmnopqrstuvwxyz'\"<>&;\n€0123456789";
            text.append('x');
            while (text.length() < length) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return text.toString();
        }
    }
}
