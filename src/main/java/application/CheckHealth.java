package application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import application.port.in.CheckHealthQuery;
import application.port.out.ProbeDependencyPort;

/** Asks each dependency whether it answers, for the readiness endpoint. */
public final class CheckHealth implements CheckHealthQuery {

    private final List<ProbeDependencyPort> dependencies;

    public CheckHealth(List<ProbeDependencyPort> dependencies) {
        this.dependencies = List.copyOf(dependencies);
    }

    @Override
    public Map<String, String> dependencies() {
        Map<String, String> status = new LinkedHashMap<>();
        dependencies.forEach(dependency -> status.put(dependency.name(), dependency.probe()));
        return status;
    }
}
