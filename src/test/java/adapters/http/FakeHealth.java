package adapters.http;

import java.util.LinkedHashMap;
import java.util.Map;

import application.port.in.CheckHealthQuery;

/** Dependencies that report whatever the test sets; all "ok" to start with. */
final class FakeHealth implements CheckHealthQuery {

    private final Map<String, String> dependencies = new LinkedHashMap<>(Map.of("eventstore", "ok", "kafka", "ok"));
    private int probes;

    synchronized FakeHealth reporting(String dependency, String status) {
        dependencies.put(dependency, status);
        return this;
    }

    @Override
    public synchronized Map<String, String> dependencies() {
        probes++;
        return new LinkedHashMap<>(dependencies);
    }

    synchronized int probes() {
        return probes;
    }
}
