package app.tdah.sms;

import java.util.Locale;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/** Phone numbers as people type them, to E.164 (+14155550123) with libphonenumber. */
public final class PhoneNumbers {

    private static final int MAX_INPUT = 40;

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    /** {@code defaultRegion}: where a number written without its country code is, e.g. US or FR. */
    public PhoneNumbers(String defaultRegion) {
        String region = defaultRegion.trim().toUpperCase(Locale.ROOT);
        if (!util.getSupportedRegions().contains(region)) {
            throw new IllegalStateException("PA_SMS_DEFAULT_REGION: '" + defaultRegion + "' is not a region code such as US or FR");
        }
        this.defaultRegion = region;
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
