package app.tdah.i18n;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * One resource bundle of the product's texts in one language: {@code Name.properties} in English, {@code Name_fr} and
 * {@code Name_es} beside it, with the same keys. The SMS texts and the mails are each one such bundle.
 *
 * <p>{@code {0}}, {@code {1}}... are filled in as written: not {@link java.text.MessageFormat}, whose quoting rules
 * would eat the apostrophes French is full of, and a value that itself contains {@code {1}} stays as it is.
 */
public final class Texts {

    private final ResourceBundle bundle;

    private Texts(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** The bundle {@code baseName} (e.g. {@code app.tdah.sms.SmsTexts}) in {@code language}. */
    public static Texts load(String baseName, ProfileLanguage language) {
        // No fallback to the machine's default locale: English is the base bundle, whatever the JVM runs in.
        return new Texts(ResourceBundle.getBundle(baseName, Locale.of(language.code()),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    /** Whether this language has a text for {@code key}. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public Set<String> keys() {
        return bundle.keySet();
    }

    /** The text of {@code key}, each {@code {i}} replaced by {@code values[i]}. */
    public String text(String key, Object... values) {
        String pattern = bundle.getString(key);
        StringBuilder text = new StringBuilder(pattern.length() + 32);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close > i + 1 && close <= i + 3 && isIndex(pattern, i + 1, close)) {
                text.append(values[Integer.parseInt(pattern, i + 1, close, 10)]);
                i = close + 1;
            } else {
                text.append(c);
                i++;
            }
        }
        return text.toString();
    }

    private static boolean isIndex(String pattern, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isDigit(pattern.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
