package app.tdah.jobs.mail;

import app.tdah.jobs.outbox.DeliveryException;

/** Hands one mail to a mail server. Returning normally means the server accepted it. */
public interface MailSender {

    void send(OutgoingMail mail) throws DeliveryException;
}
