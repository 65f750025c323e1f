package app.tdah.jobs.sms;

import app.tdah.jobs.outbox.DeliveryException;

/** Hands one text to the SMS provider. Returning normally means the provider accepted it. */
public interface SmsSender {

    AcceptedSms send(OutgoingSms sms) throws DeliveryException;
}
