package adapters.cassandra;

/**
 * Cassandra could not be reached, its schema not applied, or a query not answered. The message
 * names what was attempted (contact points, keyspace, table, id) and the driver's one-line cause.
 */
public final class CassandraAccessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CassandraAccessException(String message, Throwable cause) {
        super(cause == null ? message : message + ": " + describe(cause), cause);
    }

    /** The driver's messages can span lines (one per node tried); logs and /ready want one line. */
    static String describe(Throwable e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        return (e.getClass().getSimpleName() + message)
                .replaceAll("\\s*[\\r\\n]+\\s*", " ")
                .strip();
    }
}
