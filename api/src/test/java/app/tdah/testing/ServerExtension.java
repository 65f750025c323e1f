package app.tdah.testing;

import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

import app.tdah.Application;
import app.tdah.platform.AppConfig;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the whole product once for a test class and stops it (dropping its database) after the class:
 * {@code @RegisterExtension static final ServerExtension server = ServerExtension.start();}
 */
public final class ServerExtension implements BeforeAllCallback, AfterAllCallback {

    private final Supplier<RunningServer> starter;
    private RunningServer server;

    private ServerExtension(Supplier<RunningServer> starter) {
        this.starter = starter;
    }

    public static ServerExtension start() {
        return new ServerExtension(RunningServer::start);
    }

    public static ServerExtension start(Map<String, String> overrides) {
        return new ServerExtension(() -> RunningServer.start(overrides));
    }

    public static ServerExtension start(Map<String, String> overrides, Clock clock) {
        return new ServerExtension(() -> RunningServer.start(overrides, clock));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = starter.get();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public String jdbcUrl() {
        return server.jdbcUrl();
    }

    public Application application() {
        return server.application();
    }

    public AppConfig settings() {
        return server.settings();
    }
}
