package io.stratum.internal.json;

/**
 * The JSON numbers PostgreSQL's {@code jsonb} can store. It keeps each number as a {@code numeric}, whose stored
 * form holds a 16-bit weight (in base-10000 digits) and a 14-bit display scale, so:
 * <ul>
 *   <li>the leading non-zero digit may stand at most at 10^{@value #MAX_LEADING_POWER}: up to 131072 digits
 *       before the decimal point;</li>
 *   <li>at most {@value #MAX_SCALE} digits may follow the decimal point, counting those written after the last
 *       non-zero one ({@code 1.50} has two) and those an exponent adds ({@code 1e-3} has three);</li>
 *   <li>the exponent's magnitude must stay below 2^30 - 1 even when the value is zero.</li>
 * </ul>
 * SQLite stores any number as text, so these limits are what every backend stores alike.
 */
final class JsonbNumbers {
    static final int MAX_LEADING_POWER = 131_071;
    static final int MAX_SCALE = 16_383;
    static final long MAX_EXPONENT = Integer.MAX_VALUE / 2 - 1;

    private JsonbNumbers() {}

    /**
     * Why jsonb refuses the number whose integer digits are {@code s[intStart, intEnd)}, fraction digits
     * {@code s[fracStart, fracEnd)} (an empty range for none) and exponent {@code exponent}; null if it stores it.
     * {@code exponent} may be saturated at any magnitude above {@link #MAX_EXPONENT}.
     */
    static String problem(CharSequence s, int intStart, int intEnd, int fracStart, int fracEnd, long exponent) {
        if (Math.abs(exponent) > MAX_EXPONENT) {
            return "its exponent is beyond +-" + MAX_EXPONENT;
        }
        long scale = Math.max(0, fracEnd - fracStart - exponent);
        if (scale > MAX_SCALE) {
            return "it has " + scale + " digits after the decimal point, the limit is " + MAX_SCALE;
        }
        long leadingPower = leadingPower(s, intStart, intEnd, fracStart, fracEnd);
        if (leadingPower != Long.MIN_VALUE && leadingPower + exponent > MAX_LEADING_POWER) {
            return "it has " + (leadingPower + exponent + 1) + " digits before the decimal point, the limit is "
                    + (MAX_LEADING_POWER + 1);
        }
        return null;
    }

    /** The power of ten of the leading non-zero digit before the exponent applies; Long.MIN_VALUE for zero. */
    private static long leadingPower(CharSequence s, int intStart, int intEnd, int fracStart, int fracEnd) {
        for (int i = intStart; i < intEnd; i++) {
            if (s.charAt(i) != '0') {
                return intEnd - 1 - i;
            }
        }
        for (int i = fracStart; i < fracEnd; i++) {
            if (s.charAt(i) != '0') {
                return -(i - fracStart + 1);
            }
        }
        return Long.MIN_VALUE;
    }
}
