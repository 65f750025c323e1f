package app.tdah.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server that answers every RCPT TO with the reply it was given (GreenMail accepts every recipient). It counts
 * the RCPT commands, so a test can tell whether a refused mail was tried again.
 */
public final class RefusingSmtpServer implements AutoCloseable {

    private final String rcptReply;
    private final AtomicInteger recipientsTried = new AtomicInteger();
    private final LoopbackSocketServer server;

    public RefusingSmtpServer(String rcptReply) {
        this.rcptReply = rcptReply;
        this.server = new LoopbackSocketServer("refusing-smtp", this::converse);
    }

    public int port() {
        return server.port();
    }

    public int recipientsTried() {
        return recipientsTried.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void converse(Socket client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
             PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
            reply(out, "220 refusing.test ESMTP");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (command) {
                    case "RCPT" -> {
                        recipientsTried.incrementAndGet();
                        reply(out, rcptReply);
                    }
                    case "DATA" -> reply(out, "503 5.5.1 No valid recipients");
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 Bye");
                        return;
                    }
                    default -> reply(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // The client hung up: nothing left to answer.
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }
}
