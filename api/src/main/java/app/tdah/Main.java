package app.tdah;

import java.time.Clock;

import app.tdah.platform.AppConfig;

import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;

/**
 * Starts the server, or with the argument {@code migrate} only applies the database migrations and exits.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        Config config = Config.create();
        AppConfig settings = AppConfig.from(config);
        if (args.length > 0 && args[0].equals("migrate")) {
            Application.migrateOnly(settings);
            return;
        }
        if (args.length > 0) {
            System.err.println("Usage: java -jar personal-assistant.jar [migrate]");
            System.exit(2);
        }
        Application application = Application.start(settings, config, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(application::close, "shutdown"));
    }
}
