package embedded;

/** Stands in for a server in tests: runs until its JVM is told to stop. */
public final class SleepingServer {

    private SleepingServer() {}

    public static void main(String[] args) throws InterruptedException {
        System.out.println("sleeping server up");
        Thread.sleep(Long.MAX_VALUE);
    }
}
