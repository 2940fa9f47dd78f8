package domain.run;

/**
 * A command a run cannot accept (bad request values, a page out of range, a finished run). The
 * message is written for the client: the HTTP adapter returns it as is with a 400.
 */
public class RunRuleViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RunRuleViolation(String message) {
        super(message);
    }
}
