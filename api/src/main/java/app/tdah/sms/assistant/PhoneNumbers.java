package app.tdah.sms.assistant;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** Phone numbers as the {@code phones} and {@code sms_messages} tables hold them: E.164 ({@code +33612345678}). */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * The E.164 form of a number written in international format (with its {@code +} and country code, as Twilio
     * sends them, spaces and dashes allowed); empty when it is not a possible phone number.
     */
    public static Optional<String> e164(String international) {
        if (international == null || international.isBlank()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(international.strip(), "ZZ");
            return UTIL.isPossibleNumber(number)
                    ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
