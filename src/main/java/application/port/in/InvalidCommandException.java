package application.port.in;

/** A command broke a rule: {@code field} names what to fix, the message says the rule. Maps to HTTP 400. */
public final class InvalidCommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidCommandException(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
