package embedded.randomuser;

import java.text.Normalizer;

/**
 * How a name in the nationality table is written, and how it becomes part of an e-mail address.
 *
 * <p>An entry is either {@code display} or {@code display~ascii}. The display form is what a user's
 * {@code name} shows; the ASCII form is the e-mail local part. Without an explicit ASCII form the
 * display form is {@linkplain #fold folded}; scripts that do not fold to Latin letters (Persian, for
 * IR) must give one.
 */
final class NameForms {

    private NameForms() {}

    /** The display form: {@code "دانیال~dnyl"} gives {@code "دانیال"}, {@code "Jürgen"} itself. */
    static String display(String entry) {
        int tilde = entry.indexOf('~');
        return tilde >= 0 ? entry.substring(0, tilde) : entry;
    }

    /** The e-mail form: {@code "دانیال~dnyl"} gives {@code "dnyl"}, {@code "Jürgen"} gives {@code "jurgen"}. */
    static String email(String entry) {
        int tilde = entry.indexOf('~');
        return tilde >= 0 ? entry.substring(tilde + 1) : fold(entry);
    }

    /**
     * ASCII-folds a name for an e-mail local part: "Horst-Günter" -> "horst-gunter".
     *
     * @throws IllegalArgumentException when nothing of the name survives folding
     */
    static String fold(String name) {
        String s = name.replace("ß", "ss")
                .replace("æ", "ae")
                .replace("Æ", "Ae")
                .replace("ø", "o")
                .replace("Ø", "O")
                .replace("đ", "d")
                .replace("Đ", "D")
                .replace("ı", "i")
                .replace("ł", "l")
                .replace("Ł", "L")
                .replace("œ", "oe")
                .replace("Œ", "Oe");
        s = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
                sb.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                sb.append((char) (c + ('a' - 'A')));
            }
        }
        if (sb.length() == 0) {
            throw new IllegalArgumentException("name needs an explicit ASCII form (display~ascii): " + name);
        }
        return sb.toString();
    }
}
