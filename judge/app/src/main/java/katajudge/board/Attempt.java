package katajudge.board;

/** One judging as the leaderboard reads it, from a result file or a history line. */
record Attempt(String learner, int day, String title, String judgedAt, String verdict, double score,
               String source) {

    /** The same judging seen twice (the latest result file and its history line) counts once. */
    String identity() {
        return learner + "|" + day + "|" + judgedAt + "|" + verdict + "|" + score;
    }
}
