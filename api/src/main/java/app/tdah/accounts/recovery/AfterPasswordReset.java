package app.tdah.accounts.recovery;

import java.util.List;
import java.util.UUID;

import app.tdah.mail.MailText;

import io.helidon.dbclient.DbExecute;

/**
 * What another feature does when a password is reset, inside the reset's transaction: close what whoever knew the
 * old password could still use (a calendar feed's secret address), and name what the person should check (a linked
 * identity, a phone), for the mail that confirms the reset.
 */
@FunctionalInterface
public interface AfterPasswordReset {

    /**
     * Lines for the person to review, one per credential the reset left in place, as mail texts (so they read in the
     * person's language); empty when there is none.
     */
    List<MailText> afterReset(DbExecute tx, UUID userId);
}
