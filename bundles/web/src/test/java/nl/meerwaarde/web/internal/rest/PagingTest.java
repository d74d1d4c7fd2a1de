package nl.meerwaarde.web.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.InvalidInputException.FieldError;
import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void defaultsWhenAbsentOrBlank() {
        assertThat(Paging.parse(null, null)).isEqualTo(new Paging(0, 50));
        assertThat(Paging.parse(" ", "")).isEqualTo(new Paging(0, 50));
    }

    @Test
    void acceptsTheLimitsOfTheRange() {
        assertThat(Paging.parse("0", "1")).isEqualTo(new Paging(0, 1));
        assertThat(Paging.parse("400", "200")).isEqualTo(new Paging(400, 200));
    }

    @Test
    void aLimitOutsideOneTo200IsAFieldError() {
        InvalidInputException tooMany =
                catchThrowableOfType(InvalidInputException.class, () -> Paging.parse("0", "201"));
        assertThat(tooMany.errors()).containsExactly(FieldError.of("limit", "field.range", 1, 200));

        InvalidInputException none = catchThrowableOfType(InvalidInputException.class, () -> Paging.parse(null, "0"));
        assertThat(none.errors()).containsExactly(FieldError.of("limit", "field.range", 1, 200));
    }

    @Test
    void everyInvalidParameterIsNamed() {
        InvalidInputException invalid =
                catchThrowableOfType(InvalidInputException.class, () -> Paging.parse("-1", "lots"));

        assertThat(invalid.errors())
                .containsExactly(FieldError.of("offset", "field.min", 0), FieldError.of("limit", "field.type"));
    }
}
