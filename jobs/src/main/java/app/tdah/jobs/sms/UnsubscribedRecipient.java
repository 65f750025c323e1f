package app.tdah.jobs.sms;

import app.tdah.jobs.outbox.DeliveryException;

/**
 * The provider refuses the number because its owner unsubscribed (Twilio error 21610: they replied STOP to one of
 * the account's numbers). Final, like any refusal; and the number counts as opted out from then on.
 */
public final class UnsubscribedRecipient extends DeliveryException {

    public UnsubscribedRecipient(String message, Throwable cause) {
        super(Kind.PERMANENT, message, cause);
    }
}
