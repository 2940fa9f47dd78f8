package bench;

/**
 * One drain of {@code users} through the sidecar: every id announced on users_persisted.
 *
 * @param sidecarCpu   seconds of CPU the sidecar JVM used (utime + stime of its process only); for a
 *                     fresh process everything since its launch, start-up included
 * @param cassandraCpu seconds of CPU Cassandra used over the same span, for comparison
 * @param firstBatch   seconds from the launch (fresh) or the first publish (warm) to the first
 *                     micro-batch committed in the checkpoint
 * @param seconds      seconds from the launch (fresh) or the first publish (warm) to the last id announced
 * @param afterStart   seconds from the query's start (fresh) or the first publish (warm) to the last id
 */
record SidecarDrain(
        int users, double sidecarCpu, double cassandraCpu, double firstBatch, double seconds, double afterStart) {

    double sidecarMicrosPerUser() {
        return 1e6 * sidecarCpu / users;
    }

    double cassandraMicrosPerUser() {
        return 1e6 * cassandraCpu / users;
    }

    double usersPerSecond() {
        return users / seconds;
    }

    double usersPerSecondAfterStart() {
        return users / afterStart;
    }

    @Override
    public String toString() {
        return String.format(
                "%,d users: sidecar CPU %.1f s = %.0f µs/user (Cassandra %.0f µs/user), first batch committed"
                        + " after %.2f s, all announced after %.1f s: %,.0f users/s (%,.0f users/s from the"
                        + " query's start)",
                users,
                sidecarCpu,
                sidecarMicrosPerUser(),
                cassandraMicrosPerUser(),
                firstBatch,
                seconds,
                usersPerSecond(),
                usersPerSecondAfterStart());
    }
}
