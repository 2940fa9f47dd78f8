package adapters.kafka;

/** Asks the cluster whether it answers; separate from the publisher so its batch logic is testable without one. */
interface ClusterProbe extends AutoCloseable {

    /** @return "ok" or what is wrong, in one line; never throws */
    String ask();

    @Override
    void close();
}
