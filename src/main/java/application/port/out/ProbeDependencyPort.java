package application.port.out;

/** One dependency the pipeline needs (Kafka, the event store, ...), asked whether it answers now. */
public interface ProbeDependencyPort {

    String name();

    /** @return "ok", or what is wrong in one line; never throws */
    String probe();
}
