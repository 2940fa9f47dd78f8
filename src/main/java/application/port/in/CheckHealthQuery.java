package application.port.in;

import java.util.Map;

/** Whether the pipeline can do its work now: each dependency's status, for {@code GET /ready}. */
public interface CheckHealthQuery {

    /** @return dependency name ("kafka", "eventstore", ...) to a problem description, or "ok" */
    Map<String, String> dependencies();

    default boolean ready() {
        return dependencies().values().stream().allMatch("ok"::equals);
    }
}
