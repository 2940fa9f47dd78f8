package domain.user;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Renders JSON numbers that stand for whole values (postcodes, house numbers, epoch seconds).
 * Depending on the parser settings the same {@code 24560} arrives as Integer, Long, Double or
 * BigDecimal; all of them must give "24560", never "24560.0" or "2.456E4".
 */
final class WholeNumbers {

    /** 18 digits always fit a long; no postcode, house number or epoch second needs more. */
    private static final int MAX_DIGITS = 18;

    private static final double MAX_MAGNITUDE = 1e18;

    private WholeNumbers() {}

    /** The value as a long, or {@code null} when it has a fraction or is out of range. */
    static Long toLong(Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            return number.longValue();
        }
        if (number instanceof BigDecimal decimal) {
            BigDecimal stripped = decimal.stripTrailingZeros();
            // precision - scale = digits before the point; checked before any expansion of 1E+999999999
            if (stripped.signum() == 0) {
                return 0L;
            }
            if (stripped.scale() > 0 || stripped.precision() - stripped.scale() > MAX_DIGITS) {
                return null;
            }
            return stripped.longValue();
        }
        if (number instanceof BigInteger integer) {
            return integer.bitLength() < Long.SIZE ? integer.longValue() : null;
        }
        double value = number.doubleValue();
        if (Double.isNaN(value) || Math.abs(value) >= MAX_MAGNITUDE || value != Math.rint(value)) {
            return null;
        }
        return (long) value;
    }
}
