package app.tdah.sms;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import app.tdah.capture.Due;
import app.tdah.i18n.ProfileLanguage;

/**
 * What the product's texts say in one language: one resource bundle per language
 * ({@code app/tdah/sms/SmsTexts.properties} in English, {@code _fr} and {@code _es} beside it) with the same keys, so
 * the reminders and every reply of the SMS assistant are put together once, whatever the language.
 *
 * <p>{@code {0}}, {@code {1}}... are filled in as written: not {@link java.text.MessageFormat}, whose quoting rules
 * would eat the apostrophes French is full of.
 */
public final class SmsTexts {

    private static final Map<ProfileLanguage, SmsTexts> BY_LANGUAGE = new EnumMap<>(ProfileLanguage.class);

    static {
        for (ProfileLanguage language : ProfileLanguage.values()) {
            BY_LANGUAGE.put(language, new SmsTexts(language));
        }
    }

    private final ResourceBundle bundle;
    private final List<String> weekdays;
    private final List<String> months;

    private SmsTexts(ProfileLanguage language) {
        // No fallback to the machine's default locale: English is the base bundle, whatever the JVM runs in.
        this.bundle = ResourceBundle.getBundle(SmsTexts.class.getName(), Locale.of(language.code()),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.weekdays = List.of(bundle.getString("weekdays").split(","));
        this.months = List.of(bundle.getString("months").split(","));
    }

    public static SmsTexts in(ProfileLanguage language) {
        return BY_LANGUAGE.get(language);
    }

    /** Whether this language has a text for {@code key}. */
    public boolean has(String key) {
        return bundle.containsKey(key);
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

    /** "Wed 25 Nov", "mer 25 nov": a day, short. */
    public String day(LocalDate date) {
        return text("day", weekdays.get(date.getDayOfWeek().ordinal()), date.getDayOfMonth(),
                months.get(date.getMonthValue() - 1));
    }

    /** "17:00", "17h", "9h05": a time as the language writes it. */
    public String time(LocalTime time) {
        return text(time.getMinute() == 0 ? "time.onTheHour" : "time", time.getHour(), twoDigits(time.getHour()),
                twoDigits(time.getMinute()));
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    /** "Wed 25 Nov" for an all-day due, "Wed 25 Nov 17:00" for a timed one (in the zone it carries). */
    public String due(Due due) {
        return switch (due) {
            case Due.AllDay allDay -> day(allDay.date());
            case Due.Timed timed -> day(timed.at().toLocalDate()) + " " + time(timed.at().toLocalTime());
        };
    }
}
