package katajudge.bench;

/** Keeps one core busy until killed: the noise the repeatability check judges under. */
public final class Burn {
    private Burn() {}

    public static void main(String[] args) {
        long x = 0;
        while (true) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            if (x == 42) {
                System.out.println(x);
            }
        }
    }
}
