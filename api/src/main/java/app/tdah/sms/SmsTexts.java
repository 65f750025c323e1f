package app.tdah.sms;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import app.tdah.capture.Due;
import app.tdah.i18n.ProfileLanguage;
import app.tdah.i18n.Texts;

/**
 * What the product's texts say in one language: one resource bundle per language
 * ({@code app/tdah/sms/SmsTexts.properties} in English, {@code _fr} and {@code _es} beside it) with the same keys, so
 * the reminders and every reply of the SMS assistant are put together once, whatever the language (see {@link Texts}).
 */
public final class SmsTexts {

    private static final Map<ProfileLanguage, SmsTexts> BY_LANGUAGE = new EnumMap<>(ProfileLanguage.class);

    static {
        for (ProfileLanguage language : ProfileLanguage.values()) {
            BY_LANGUAGE.put(language, new SmsTexts(language));
        }
    }

    private final Texts texts;
    private final List<String> weekdays;
    private final List<String> months;

    private SmsTexts(ProfileLanguage language) {
        this.texts = Texts.load(SmsTexts.class.getName(), language);
        this.weekdays = List.of(texts.text("weekdays").split(","));
        this.months = List.of(texts.text("months").split(","));
    }

    public static SmsTexts in(ProfileLanguage language) {
        return BY_LANGUAGE.get(language);
    }

    /** Whether this language has a text for {@code key}. */
    public boolean has(String key) {
        return texts.has(key);
    }

    /** The text of {@code key}, each {@code {i}} replaced by {@code values[i]}. */
    public String text(String key, Object... values) {
        return texts.text(key, values);
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
