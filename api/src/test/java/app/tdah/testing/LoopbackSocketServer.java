package app.tdah.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Consumer;

/**
 * A TCP server on loopback that hands each connection to {@code conversation} on a virtual thread of its own: for
 * fakes that must speak a protocol byte by byte (refuse, close without answering) where an HTTP or SMTP library would
 * be too polite.
 */
public final class LoopbackSocketServer implements AutoCloseable {

    private final ServerSocket socket;

    public LoopbackSocketServer(String name, Consumer<Socket> conversation) {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().name(name).start(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    Thread.ofVirtual().start(() -> conversation.accept(connection));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    public int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
