package embedded;

/** Stands in for a server that always crashes in tests: up for a moment, then it exits with code 3. */
public final class CrashingServer {

    static final int EXIT_CODE = 3;

    private CrashingServer() {}

    public static void main(String[] args) throws InterruptedException {
        System.out.println("crashing server up");
        Thread.sleep(300);
        System.out.println("crashing server crashes");
        System.exit(EXIT_CODE);
    }
}
