package app.tdah.jobs.sms;

/** Hands one text to the SMS provider. Returning normally means the provider accepted it. */
public interface SmsSender {

    AcceptedSms send(OutgoingSms sms) throws SmsDeliveryException;
}
