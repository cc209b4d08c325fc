package katajudge.board;

import java.util.List;

/**
 * {@code leaderboard.json}, shaped after contest scoreboards. Versioned by
 * {@link #SCHEMA}; documented in {@code judge/LEADERBOARD.md}.
 *
 * @param rows     learners, best first; equal totals and equal days solved share a rank
 * @param days     the days that appear in any result, with their titles
 * @param excluded results left out (unsigned or altered, with {@code --verify})
 * @param problems inputs that could not be read (corrupt or foreign JSON), named
 */
public record Leaderboard(String schema, String generatedAt, boolean verified, List<Day> days, List<Row> rows,
                          List<Excluded> excluded, List<Problem> problems) {

    public static final String SCHEMA = "katas-judge/leaderboard/v1";

    public record Day(int day, String title) {}

    /**
     * @param total         sum of the best score of each day
     * @param solved        days with an ACCEPTED attempt
     * @param streak        current run of consecutive calendar days (UTC) with a newly accepted kata,
     *                      ending today or yesterday
     * @param longestStreak the longest such run
     */
    public record Row(int rank, String learner, double total, int solved, int streak, int longestStreak,
                      List<Cell> days) {}

    /**
     * @param bestScore        the best score of any attempt
     * @param verdict          the verdict of that attempt
     * @param attempts         how many attempts
     * @param firstAcceptedAt  when the day was first accepted, or null
     */
    public record Cell(int day, double bestScore, String verdict, int attempts, String firstAcceptedAt) {}

    public record Excluded(String source, String learner, int day, String reason) {}

    public record Problem(String source, String message) {}
}
