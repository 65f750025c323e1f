package app.tdah.sms;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * Phone numbers as people type them, to E.164 (+14155550123) with libphonenumber, and the countries verification
 * codes may be texted to.
 */
public final class PhoneNumbers {

    private static final int MAX_INPUT = 40;

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;
    private final Set<String> textableRegions;

    /**
     * {@code defaultRegion}: where a number written without its country code is, e.g. US or FR;
     * {@code textableRegions}: the countries whose numbers may be added (and so texted), none meaning the default one.
     */
    public PhoneNumbers(String defaultRegion, Collection<String> textableRegions) {
        this.defaultRegion = region(defaultRegion, "PA_SMS_DEFAULT_REGION");
        Set<String> regions = new TreeSet<>();
        textableRegions.forEach(r -> regions.add(region(r, "PA_SMS_COUNTRIES")));
        this.textableRegions = regions.isEmpty() ? Set.of(this.defaultRegion) : Set.copyOf(regions);
    }

    private String region(String code, String variable) {
        String region = code.trim().toUpperCase(Locale.ROOT);
        if (!util.getSupportedRegions().contains(region)) {
            throw new IllegalStateException(variable + ": '" + code + "' is not a region code such as US or FR");
        }
        return region;
    }

    /** The countries verification codes may go to, sorted: US, CA... */
    public Set<String> textableRegions() {
        return new TreeSet<>(textableRegions);
    }

    /**
     * Whether a valid E.164 number is in a country this server texts. Premium and far-away numbers are where SMS
     * pumping makes its money: an operator opens only the countries their people live in.
     */
    public boolean isTextable(String e164) {
        try {
            return textableRegions.contains(util.getRegionCodeForNumber(util.parse(e164, defaultRegion)));
        } catch (NumberParseException e) {
            return false;
        }
    }

    /** The number in E.164, or empty when it is not a valid phone number. */
    public Optional<String> toE164(String input) {
        if (input == null || input.isBlank() || input.length() > MAX_INPUT) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber number = util.parse(input, defaultRegion);
            return util.isValidNumber(number)
                    ? Optional.of(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** Enough of a number to recognise it in an audit trail, not to dial it: {@code +33*******78}. */
    public static String masked(String e164) {
        int keep = 2;
        if (e164.length() <= 3 + keep) {
            return e164;
        }
        return e164.substring(0, 3) + "*".repeat(e164.length() - 3 - keep) + e164.substring(e164.length() - keep);
    }
}
