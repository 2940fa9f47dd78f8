package adapters.cassandra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How the Cassandra adapter reaches its cluster and where its tables live. Reading these from the
 * environment is the composition root's job; this record only refuses values that could not work.
 *
 * @param contactPoints   nodes to bootstrap from; the driver discovers the rest
 * @param localDatacenter the datacenter whose nodes serve requests (default {@value #DEFAULT_DATACENTER})
 * @param keyspace        where the tables are created and read (default {@value #DEFAULT_KEYSPACE})
 * @param replication     used only when the keyspace is created: an existing keyspace keeps its own
 * @param requestTimeout  the longest one query may take
 * @param pagingTokenSecret the key that signs {@code nextPageToken}s, at least
 *                          {@value #MIN_PAGING_TOKEN_SECRET_CHARS} characters; {@code null} for a random
 *                          key per process (tokens then do not survive a restart, nor work across instances)
 * @param security        the role and password to log in with, and TLS ({@link CassandraClientSecurity#NONE}: neither)
 */
public record CassandraSettings(
        List<ContactPoint> contactPoints,
        String localDatacenter,
        String keyspace,
        Replication replication,
        Duration requestTimeout,
        String pagingTokenSecret,
        CassandraClientSecurity security) {

    /** 128 bits even if the secret is only hex digits. */
    public static final int MIN_PAGING_TOKEN_SECRET_CHARS = 32;

    public static final String DEFAULT_DATACENTER = "datacenter1";
    public static final String DEFAULT_KEYSPACE = "spark_streams";
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

    // Unquoted CQL identifiers fold to lower case; allowing only lower case keeps the name the user
    // wrote and the name Cassandra stores identical. 48 is Cassandra's own length limit.
    // docs/contracts.md states this rule for the app and the sidecar (KeyspaceRuleDocumentTest).
    static final Pattern KEYSPACE = Pattern.compile("[a-z][a-z0-9_]{0,47}");
    // Datacenter names end up inside a CQL map literal: no quotes, no spaces.
    private static final Pattern DATACENTER = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public CassandraSettings {
        Objects.requireNonNull(contactPoints, "contactPoints must not be null");
        contactPoints = List.copyOf(contactPoints);
        if (contactPoints.isEmpty()) {
            throw new IllegalArgumentException("contactPoints must name at least one host:port");
        }
        requireDatacenter("localDatacenter", localDatacenter);
        Objects.requireNonNull(keyspace, "keyspace must not be null");
        if (!KEYSPACE.matcher(keyspace).matches()) {
            throw new IllegalArgumentException(
                    "keyspace must be 1-48 of [a-z0-9_] starting with a letter, was '" + keyspace + "'");
        }
        Objects.requireNonNull(replication, "replication must not be null");
        Objects.requireNonNull(requestTimeout, "requestTimeout must not be null");
        if (requestTimeout.toMillis() < 1 || requestTimeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("requestTimeout must be 1 ms .. 1 h, was " + requestTimeout);
        }
        if (pagingTokenSecret != null && pagingTokenSecret.strip().length() < MIN_PAGING_TOKEN_SECRET_CHARS) {
            // the secret itself never goes into a message
            throw new IllegalArgumentException(
                    "pagingTokenSecret must have at least " + MIN_PAGING_TOKEN_SECRET_CHARS + " characters");
        }
        Objects.requireNonNull(security, "security must not be null");
    }

    /** With a random paging-token key per process. */
    public CassandraSettings(
            List<ContactPoint> contactPoints,
            String localDatacenter,
            String keyspace,
            Replication replication,
            Duration requestTimeout) {
        this(contactPoints, localDatacenter, keyspace, replication, requestTimeout, null, CassandraClientSecurity.NONE);
    }

    public CassandraSettings withPagingTokenSecret(String secret) {
        return new CassandraSettings(
                contactPoints, localDatacenter, keyspace, replication, requestTimeout, secret, security);
    }

    public CassandraSettings withSecurity(CassandraClientSecurity value) {
        return new CassandraSettings(
                contactPoints, localDatacenter, keyspace, replication, requestTimeout, pagingTokenSecret, value);
    }

    /** The record's own toString would print the secret. */
    @Override
    public String toString() {
        return "CassandraSettings[contactPoints=" + contactPoints + ", localDatacenter=" + localDatacenter
                + ", keyspace=" + keyspace + ", replication=" + replication + ", requestTimeout=" + requestTimeout
                + ", pagingTokenSecret=" + (pagingTokenSecret == null ? "random per process" : "***") + ", security="
                + security + "]";
    }

    /** Defaults (datacenter1, spark_streams, RF 1, 5 s) against {@code host:port[,host:port...]}. */
    public static CassandraSettings defaults(String contactPoints) {
        return new CassandraSettings(
                ContactPoint.parseList(contactPoints),
                DEFAULT_DATACENTER,
                DEFAULT_KEYSPACE,
                Replication.simple(1),
                DEFAULT_REQUEST_TIMEOUT);
    }

    public CassandraSettings withLocalDatacenter(String datacenter) {
        return new CassandraSettings(
                contactPoints, datacenter, keyspace, replication, requestTimeout, pagingTokenSecret, security);
    }

    public CassandraSettings withKeyspace(String name) {
        return new CassandraSettings(
                contactPoints, localDatacenter, name, replication, requestTimeout, pagingTokenSecret, security);
    }

    public CassandraSettings withReplication(Replication value) {
        return new CassandraSettings(
                contactPoints, localDatacenter, keyspace, value, requestTimeout, pagingTokenSecret, security);
    }

    public CassandraSettings withRequestTimeout(Duration timeout) {
        return new CassandraSettings(
                contactPoints, localDatacenter, keyspace, replication, timeout, pagingTokenSecret, security);
    }

    /** {@code host:port} of one node; IPv6 literals in brackets ({@code [::1]:9042}). */
    public record ContactPoint(String host, int port) {

        private static final Pattern HOST_PORT =
                Pattern.compile("([^\\s,:\\[\\]]+|\\[[0-9a-fA-F:.]+])" + ":(\\d{1,5})");

        public ContactPoint {
            Objects.requireNonNull(host, "host must not be null");
            if (host.isBlank()) {
                throw new IllegalArgumentException("host must not be blank");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1..65535, was " + port + " (host " + host + ")");
            }
        }

        /** Parses {@code host:port[,host:port...]}, the form a configuration file or variable holds. */
        public static List<ContactPoint> parseList(String text) {
            Objects.requireNonNull(text, "contact points must not be null");
            List<ContactPoint> points = new ArrayList<>();
            for (String entry : text.split(",", -1)) {
                Matcher m = HOST_PORT.matcher(entry.strip());
                if (!m.matches()) {
                    throw new IllegalArgumentException(
                            "contact points must be host:port[,host:port...], was '" + text + "'");
                }
                String host = m.group(1).startsWith("[")
                        ? m.group(1).substring(1, m.group(1).length() - 1)
                        : m.group(1);
                points.add(new ContactPoint(host, Integer.parseInt(m.group(2))));
            }
            return points;
        }

        @Override
        public String toString() {
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }
    }

    /** How a newly created keyspace is replicated. */
    public sealed interface Replication permits SimpleStrategy, NetworkTopologyStrategy {

        /** The CQL map literal of {@code WITH replication = ...}. */
        String cql();

        static Replication simple(int factor) {
            return new SimpleStrategy(factor);
        }

        static Replication networkTopology(Map<String, Integer> factorByDatacenter) {
            return new NetworkTopologyStrategy(factorByDatacenter);
        }

        /**
         * {@code "3"} is SimpleStrategy with RF 3; {@code "dc1:3,dc2:2"} is NetworkTopologyStrategy:
         * the two forms an environment variable can hold.
         */
        static Replication parse(String text) {
            Objects.requireNonNull(text, "replication must not be null");
            String value = text.strip();
            if (value.matches("\\d{1,3}")) {
                return simple(Integer.parseInt(value));
            }
            Map<String, Integer> factors = new LinkedHashMap<>();
            for (String entry : value.split(",", -1)) {
                String[] parts = entry.strip().split(":", -1);
                if (parts.length != 2 || !parts[1].strip().matches("\\d{1,3}")) {
                    throw new IllegalArgumentException(
                            "replication must be a factor (\"3\") or datacenter:factor[,...] (\"dc1:3,dc2:2\"), was '"
                                    + text + "'");
                }
                if (factors.put(parts[0].strip(), Integer.parseInt(parts[1].strip())) != null) {
                    throw new IllegalArgumentException(
                            "replication names datacenter '" + parts[0].strip() + "' twice: '" + text + "'");
                }
            }
            return networkTopology(factors);
        }
    }

    public record SimpleStrategy(int replicationFactor) implements Replication {

        public SimpleStrategy {
            requireFactor("replicationFactor", replicationFactor);
        }

        @Override
        public String cql() {
            return "{'class': 'SimpleStrategy', 'replication_factor': " + replicationFactor + "}";
        }
    }

    public record NetworkTopologyStrategy(Map<String, Integer> factorByDatacenter) implements Replication {

        public NetworkTopologyStrategy {
            Objects.requireNonNull(factorByDatacenter, "factorByDatacenter must not be null");
            if (factorByDatacenter.isEmpty()) {
                throw new IllegalArgumentException("NetworkTopologyStrategy needs at least one datacenter");
            }
            // keeps the caller's order, so the rendered CQL is stable and readable
            factorByDatacenter = new LinkedHashMap<>(factorByDatacenter);
            factorByDatacenter.forEach((dc, factor) -> {
                requireDatacenter("datacenter", dc);
                requireFactor("replication factor of " + dc, factor == null ? 0 : factor);
            });
            factorByDatacenter = Collections.unmodifiableMap(factorByDatacenter);
        }

        @Override
        public String cql() {
            return factorByDatacenter.entrySet().stream()
                    .map(e -> "'" + e.getKey() + "': " + e.getValue())
                    .collect(Collectors.joining(", ", "{'class': 'NetworkTopologyStrategy', ", "}"));
        }
    }

    private static void requireFactor(String name, int factor) {
        if (factor < 1 || factor > 100) {
            throw new IllegalArgumentException(name + " must be 1..100, was " + factor);
        }
    }

    private static void requireDatacenter(String name, String value) {
        Objects.requireNonNull(value, name + " must not be null");
        if (!DATACENTER.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be 1-64 of [A-Za-z0-9_.-], was '" + value + "'");
        }
    }
}
