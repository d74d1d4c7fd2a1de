package nl.meerwaarde.api;

/** The Dutch school grade habit: satisfaction is a whole grade from 1 to 10. */
public final class Grades {
    public static final int LOWEST = 1;
    public static final int HIGHEST = 10;

    private Grades() {}

    public static int requireGrade(int grade) {
        if (grade < LOWEST || grade > HIGHEST) {
            throw new IllegalArgumentException("a grade must be 1..10, was " + grade);
        }
        return grade;
    }
}
