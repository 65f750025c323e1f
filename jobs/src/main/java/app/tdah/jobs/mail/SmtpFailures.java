package app.tdah.jobs.mail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import app.tdah.jobs.outbox.DeliveryException;
import app.tdah.jobs.outbox.DeliveryException.Kind;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/** Tells a passing SMTP failure from a final one, by the server's reply code where there is one. */
final class SmtpFailures {

    private static final int MAX_CHAIN = 10;

    private SmtpFailures() {
    }

    static DeliveryException classify(MessagingException e) {
        return new DeliveryException(kindOf(e), describe(e), e);
    }

    private static Kind kindOf(MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            // Wrong credentials are the operator's to fix, not this mail's fault: it should go once they are fixed.
            return Kind.TRANSIENT;
        }
        if (e instanceof AddressException) {
            return Kind.PERMANENT;
        }
        OptionalInt reply = replyCode(e);
        return reply.isPresent() && reply.getAsInt() >= 500 ? Kind.PERMANENT : Kind.TRANSIENT;
    }

    /** The first SMTP reply code in the chain: Angus nests the per-recipient refusal inside a general failure. */
    private static OptionalInt replyCode(MessagingException e) {
        for (Throwable t : chain(e)) {
            int code = switch (t) {
                case SMTPAddressFailedException refused -> refused.getReturnCode();
                case SMTPSenderFailedException refused -> refused.getReturnCode();
                case SMTPSendFailedException refused -> refused.getReturnCode();
                default -> 0;
            };
            if (code > 0) {
                return OptionalInt.of(code);
            }
        }
        return OptionalInt.empty();
    }

    /** Every distinct message in the chain, outermost first: "Invalid Addresses: 550 5.1.1 <x@y>: User unknown". */
    private static String describe(MessagingException e) {
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable t : chain(e)) {
            String message = t.getMessage();
            messages.add(message == null || message.isBlank() ? t.getClass().getSimpleName() : message.strip());
        }
        return String.join(": ", messages);
    }

    /** The exception and its causes (for a MessagingException, its "next" exception is its cause). */
    private static List<Throwable> chain(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && chain.size() < MAX_CHAIN && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
