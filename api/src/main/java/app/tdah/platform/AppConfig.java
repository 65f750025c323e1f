package app.tdah.platform;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import app.tdah.jobs.mail.SmtpSettings;
import app.tdah.jobs.outbox.RetryPolicy;
import app.tdah.jobs.sms.SmsSendLimits;
import app.tdah.jobs.sms.TwilioSettings;
import app.tdah.sms.SmsSettings;
import app.tdah.sms.TwilioStatusHttpService;

import io.helidon.config.Config;

/**
 * The settings this server runs with, read once from {@code application.yaml} and the environment.
 * Empty database or Redis URLs mean "embedded mode".
 */
public record AppConfig(
        String host,
        int port,
        URI publicUrl,
        Set<Role> roles,
        Path dataDir,
        Optional<String> dbUrl,
        String dbUser,
        String dbPassword,
        int dbPoolSize,
        Optional<String> redisUrl,
        Redis.Topology redisTopology,
        String redisSentinelMaster,
        String redisKeyPrefix,
        Optional<String> jwtSecret,
        Optional<String> encryptionKey,
        Duration accessTokenLifetime,
        Duration refreshTokenLifetime,
        Duration refreshReuseGrace,
        Duration loginFirstDelay,
        Duration loginLockout,
        boolean secureCookie,
        Argon2Settings argon2,
        int graphqlMaxDepth,
        int graphqlMaxComplexity,
        boolean accessLog,
        Optional<LlmSettings> llm,
        SmtpSettings smtp,
        RetryPolicy mailRetry,
        boolean mfaRequiredForAdmins,
        RecoveryLimits recoveryLimits,
        List<OidcProviderSettings> oidcProviders,
        Optional<TwilioSettings> twilio,
        SmsSettings sms,
        String trustedProxies,
        SmsAssistantSettings smsAssistant) {

    public enum Role { WEB, WORKER }

    public record Argon2Settings(int memoryKib, int iterations, int parallelism) {
    }

    /**
     * How many verification or password-reset mails one address may be sent per hour, and how many password-reset
     * requests one IP address may make per hour.
     */
    public record RecoveryLimits(int mailsPerHour, int ipRequestsPerHour) {
    }

    /** An OpenAI-compatible chat-completions endpoint for the optional LLM planner; absent unless configured. */
    public record LlmSettings(URI baseUrl, String model, Optional<String> apiKey, Duration timeout) {
    }

    /**
     * A sign-in provider (Google, Microsoft) this server offers: where its discovery document is (the issuer URL, to
     * which {@code /.well-known/openid-configuration} is added) and this server's client registration with it.
     */
    public record OidcProviderSettings(String name, URI issuer, String clientId, String clientSecret) {
    }

    /** The providers people can sign in with, each configured on its own under {@code pa.oidc.NAME}. */
    static final List<String> OIDC_PROVIDERS = List.of("google", "microsoft");

    /**
     * The SMS assistant: the sign-up link strangers get, how long a webhook waits for an answer before it goes by the
     * outbox instead, and how often one number gets a notice (sign up, finish verification).
     */
    public record SmsAssistantSettings(URI signupUrl, Duration replyBudget, Duration noticeInterval) {
    }

    public static AppConfig from(Config root) {
        Config pa = root.get("pa");
        URI publicUrl = URI.create(stripTrailingSlash(pa.get("public.url").asString().orElse("http://localhost:8080")));
        return new AppConfig(
                pa.get("host").asString().orElse("0.0.0.0"),
                pa.get("port").asInt().orElse(8080),
                publicUrl,
                parseRoles(pa.get("roles").asString().orElse("web,worker")),
                nonBlank(pa.get("data.dir").asString()).map(Path::of).orElseGet(AppConfig::defaultDataDir),
                nonBlank(pa.get("db.url").asString()),
                pa.get("db.user").asString().orElse(""),
                pa.get("db.password").asString().orElse(""),
                pa.get("db.pool.size").asInt().orElse(10),
                nonBlank(pa.get("redis.url").asString()),
                Redis.topology(pa.get("redis.topology").asString().orElse("single")),
                pa.get("redis.sentinel.master").asString().orElse(""),
                pa.get("redis.prefix").asString().orElse("pa"),
                nonBlank(pa.get("jwt.secret").asString()),
                nonBlank(pa.get("encryption.key").asString()),
                Duration.ofMinutes(pa.get("auth.access.minutes").asInt().orElse(15)),
                Duration.ofDays(pa.get("auth.refresh.days").asInt().orElse(30)),
                Duration.ofSeconds(pa.get("auth.refresh.grace.seconds").asInt().orElse(10)),
                Duration.ofMillis(pa.get("auth.delay.millis").asInt().orElse(1000)),
                Duration.ofMinutes(pa.get("auth.lockout.minutes").asInt().orElse(15)),
                pa.get("auth.secure.cookie").asBoolean().orElse(true),
                new Argon2Settings(
                        pa.get("argon2.memory.kib").asInt().orElse(47104),
                        pa.get("argon2.iterations").asInt().orElse(1),
                        pa.get("argon2.parallelism").asInt().orElse(1)),
                pa.get("graphql.max.depth").asInt().orElse(12),
                pa.get("graphql.max.complexity").asInt().orElse(500),
                pa.get("access.log").asBoolean().orElse(false),
                nonBlank(pa.get("llm.base.url").asString()).map(url -> new LlmSettings(
                        URI.create(stripTrailingSlash(url)),
                        pa.get("llm.model").asString().orElse("gpt-4o-mini"),
                        nonBlank(pa.get("llm.api.key").asString()),
                        Duration.ofSeconds(pa.get("llm.timeout.seconds").asInt().orElse(10)))),
                smtp(pa, publicUrl.getHost()),
                RetryPolicy.withMaxAttempts(pa.get("mail.max.attempts").asInt().orElse(8)),
                pa.get("auth.mfa.required.for.admins").asBoolean().orElse(false),
                new RecoveryLimits(
                        pa.get("recovery.mails.per.hour").asInt().orElse(3),
                        pa.get("recovery.ip.requests.per.hour").asInt().orElse(20)),
                oidcProviders(pa.get("oidc")),
                twilio(pa, publicUrl),
                sms(pa),
                pa.get("proxy.trusted").asString().orElse("127.0.0.1/32,::1/128"),
                new SmsAssistantSettings(
                        URI.create(nonBlank(pa.get("sms.signup.url").asString()).orElse(publicUrl + "/signup")),
                        Duration.ofMillis(pa.get("sms.reply.budget.millis").asInt().orElse(500)),
                        Duration.ofHours(pa.get("sms.notice.interval.hours").asInt().orElse(24))));
    }

    /** The providers with a client id; one without is off. A client id without its secret stops start-up. */
    private static List<OidcProviderSettings> oidcProviders(Config oidc) {
        List<OidcProviderSettings> enabled = new ArrayList<>();
        for (String name : OIDC_PROVIDERS) {
            Config provider = oidc.get(name);
            Optional<String> clientId = nonBlank(provider.get("client.id").asString());
            if (clientId.isEmpty()) {
                continue;
            }
            String variable = "PA_OIDC_" + name.toUpperCase(java.util.Locale.ROOT);
            String secret = nonBlank(provider.get("client.secret").asString()).orElseThrow(() -> new IllegalStateException(
                    variable + "_CLIENT_SECRET is not set: sign-in with " + name + " needs the client secret of "
                            + variable + "_CLIENT_ID."));
            String issuer = nonBlank(provider.get("issuer").asString()).orElseThrow(() -> new IllegalStateException(
                    variable + "_ISSUER is empty: set the provider's issuer URL."));
            enabled.add(new OidcProviderSettings(name, URI.create(stripTrailingSlash(issuer)), clientId.get(), secret));
        }
        return List.copyOf(enabled);
    }

    /** Present when the account, its auth token and a sender are configured: texts go out only then. */
    private static Optional<TwilioSettings> twilio(Config pa, URI publicUrl) {
        Optional<String> accountSid = nonBlank(pa.get("twilio.account.sid").asString());
        Optional<String> authToken = nonBlank(pa.get("twilio.auth.token").asString());
        Optional<String> from = nonBlank(pa.get("twilio.from").asString());
        if (accountSid.isEmpty() && authToken.isEmpty() && from.isEmpty()) {
            return Optional.empty();
        }
        if (accountSid.isEmpty() || authToken.isEmpty() || from.isEmpty()) {
            throw new IllegalStateException("PA_TWILIO_ACCOUNT_SID, PA_TWILIO_AUTH_TOKEN and PA_TWILIO_FROM go together; missing: "
                    + (accountSid.isEmpty() ? "PA_TWILIO_ACCOUNT_SID " : "") + (authToken.isEmpty() ? "PA_TWILIO_AUTH_TOKEN " : "")
                    + (from.isEmpty() ? "PA_TWILIO_FROM" : "").strip());
        }
        return Optional.of(new TwilioSettings(accountSid.get(), authToken.get(), from.get(),
                URI.create(stripTrailingSlash(nonBlank(pa.get("twilio.api.url").asString()).orElse("https://api.twilio.com"))),
                URI.create(publicUrl + TwilioStatusHttpService.PATH),
                Duration.ofSeconds(pa.get("twilio.timeout.seconds").asInt().orElse(10))));
    }

    /** Retries wait 15 s, 30 s, 1 min... up to 15 min: a text hours late is rarely worth sending. */
    private static SmsSettings sms(Config pa) {
        return new SmsSettings(
                pa.get("sms.default.region").asString().orElse("US"),
                new RetryPolicy(pa.get("sms.max.attempts").asInt().orElse(6), Duration.ofSeconds(15), Duration.ofMinutes(15)),
                new SmsSendLimits(pa.get("sms.rate.user.per.hour").asInt().orElse(30), Duration.ofHours(1),
                        pa.get("sms.rate.global.per.minute").asInt().orElse(600), Duration.ofMinutes(1)),
                new BigDecimal(pa.get("sms.price.per.segment").asString().orElse("0.0079").trim()),
                pa.get("sms.price.currency").asString().orElse("USD"));
    }

    /** Without settings, a mail server on this machine; the From address defaults to no-reply at the public host. */
    private static SmtpSettings smtp(Config pa, String publicHost) {
        SmtpSettings.Security security = SmtpSettings.Security.parse(pa.get("smtp.security").asString().orElse("none"));
        return new SmtpSettings(
                nonBlank(pa.get("smtp.host").asString()).orElse("localhost"),
                pa.get("smtp.port").asInt().orElse(security.defaultPort()),
                security,
                nonBlank(pa.get("smtp.user").asString()),
                pa.get("smtp.password").asString().orElse(""),
                nonBlank(pa.get("smtp.from").asString()).orElse("Personal Assistant <no-reply@" + publicHost + ">"),
                Duration.ofSeconds(pa.get("smtp.connect.timeout.seconds").asInt().orElse(10)),
                Duration.ofSeconds(pa.get("smtp.read.timeout.seconds").asInt().orElse(30)));
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Embedded mode: no external PostgreSQL or Redis was configured, so this node starts its own. */
    public boolean embeddedDatabase() {
        return dbUrl.isEmpty();
    }

    public boolean embeddedRedis() {
        return redisUrl.isEmpty();
    }

    static Set<Role> parseRoles(String value) {
        Set<Role> roles = Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> {
                    try {
                        return Role.valueOf(s.toUpperCase(java.util.Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException("PA_ROLES: unknown role '" + s + "' (use web, worker or web,worker)");
                    }
                })
                .collect(Collectors.toUnmodifiableSet());
        if (roles.isEmpty()) {
            throw new IllegalStateException("PA_ROLES is empty: use web, worker or web,worker");
        }
        return roles;
    }

    private static Path defaultDataDir() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("personal-assistant");
    }

    private static Optional<String> nonBlank(io.helidon.config.ConfigValue<String> value) {
        return value.asOptional().map(String::trim).filter(s -> !s.isEmpty());
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
