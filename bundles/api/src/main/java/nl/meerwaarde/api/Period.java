package nl.meerwaarde.api;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A half-open range of days {@code [start, end)}: KPIs are computed per period.
 *
 * @param start first day in the period
 * @param end first day after the period
 */
public record Period(LocalDate start, LocalDate end) {
    public Period {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("A period must end after it starts: " + start + " / " + end);
        }
    }

    public static Period month(YearMonth month) {
        return new Period(month.atDay(1), month.plusMonths(1).atDay(1));
    }

    public static Period quarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1..4, was " + quarter);
        }
        LocalDate start = LocalDate.of(year, 3 * (quarter - 1) + 1, 1);
        return new Period(start, start.plusMonths(3));
    }

    public static Period year(int year) {
        return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && day.isBefore(end);
    }
}
