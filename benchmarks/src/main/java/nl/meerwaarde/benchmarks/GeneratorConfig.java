package nl.meerwaarde.benchmarks;

/**
 * What {@link RegistrationGenerator} produces. The same configuration always produces the same records.
 *
 * @param seed the seed every random choice derives from
 * @param activities number of collective activities (about 10% of them anonymous: counts only)
 * @param participations number of known participations, spread over the non-anonymous activities
 * @param signals number of signals
 * @param residents size of the resident pool ({@code res-000001}...), so residents take part several times
 * @param teams number of teams ({@code team-01}...)
 * @param sliceSize activities per {@link RegistrationGenerator.Slice} (one transaction when loading)
 */
public record GeneratorConfig(
        long seed, int activities, int participations, int signals, int residents, int teams, int sliceSize) {
    /** The benchmark size of issue #4 item 8. */
    public static final int BENCHMARK_ACTIVITIES = 100_000;

    public static final int BENCHMARK_PARTICIPATIONS = 1_000_000;
    public static final int BENCHMARK_SIGNALS = 200_000;
    public static final int BENCHMARK_RESIDENTS = 150_000;
    public static final int DEFAULT_TEAMS = 2;
    public static final int DEFAULT_SLICE = 5_000;

    public GeneratorConfig {
        if (activities < 1 || participations < 0 || signals < 0 || residents < 1 || teams < 1 || sliceSize < 1) {
            throw new IllegalArgumentException("activities, residents, teams and sliceSize must be positive,"
                    + " participations and signals not negative");
        }
        if (teams > 99) {
            throw new IllegalArgumentException("at most 99 teams");
        }
    }

    /** 100 000 activities, 1 000 000 participations, 200 000 signals, 150 000 residents, 2 teams. */
    public static GeneratorConfig benchmark(long seed) {
        return new GeneratorConfig(
                seed,
                BENCHMARK_ACTIVITIES,
                BENCHMARK_PARTICIPATIONS,
                BENCHMARK_SIGNALS,
                BENCHMARK_RESIDENTS,
                DEFAULT_TEAMS,
                DEFAULT_SLICE);
    }

    /**
     * The benchmark's proportions for this many activities: 10 participations and 2 signals per activity, 1.5
     * residents in the pool per activity (at least 100).
     */
    public static GeneratorConfig scaled(long seed, int activities) {
        return new GeneratorConfig(
                seed,
                activities,
                activities * 10,
                activities * 2,
                Math.max(100, activities * 3 / 2),
                DEFAULT_TEAMS,
                DEFAULT_SLICE);
    }

    public GeneratorConfig withSliceSize(int size) {
        return new GeneratorConfig(seed, activities, participations, signals, residents, teams, size);
    }

    public GeneratorConfig withTeams(int count) {
        return new GeneratorConfig(seed, activities, participations, signals, residents, count, sliceSize);
    }
}
