package app.tdah.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports for servers that must know their own address before they start (OAuth callbacks, links in mail). */
public final class TestPorts {

    private TestPorts() {
    }

    /** A port nothing listens on right now. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
