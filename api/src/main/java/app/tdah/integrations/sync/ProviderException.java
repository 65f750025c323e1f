package app.tdah.integrations.sync;

import java.time.Duration;
import java.util.Optional;

import app.tdah.integrations.Provider;

/** A provider's request that did not give a page, with what it means for the person, in their words. */
public abstract sealed class ProviderException extends Exception {

    private ProviderException(String detail, Throwable cause) {
        super(detail, cause, false, false);
    }

    /** How long the provider asked us to wait, when it said (Retry-After). */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }

    /** What happened, for the person reading their sync status. */
    public abstract String describe(Provider provider, SyncedData data);

    /** The provider forgot the cursor (Google 410, Gmail 404 on history, Graph 410): everything must be read again. */
    public static final class CursorExpired extends ProviderException {
        public CursorExpired(String detail) {
            super(detail, null);
        }

        @Override
        public String describe(Provider provider, SyncedData data) {
            return provider.displayName() + " asked for your " + data.words() + " to be read again in full.";
        }
    }

    /** 429, or 403 with a rate-limit reason: too many requests for now. */
    public static final class RateLimited extends ProviderException {
        private final Duration retryAfter;

        public RateLimited(String detail, Duration retryAfter) {
            super(detail, null);
            this.retryAfter = retryAfter;
        }

        @Override
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }

        @Override
        public String describe(Provider provider, SyncedData data) {
            return provider.displayName() + " asked us to slow down; your " + data.words() + " will sync again shortly.";
        }
    }

    /** 5xx: a problem on the provider's side. */
    public static final class Unavailable extends ProviderException {
        private final int status;
        private final Duration retryAfter;

        public Unavailable(int status, String detail, Duration retryAfter) {
            super(detail, null);
            this.status = status;
            this.retryAfter = retryAfter;
        }

        @Override
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }

        @Override
        public String describe(Provider provider, SyncedData data) {
            return provider.displayName() + " had a problem on its side (error " + status + "); we will try again.";
        }
    }

    /** Any other refusal: 400, 401, 403, 404. */
    public static final class Refused extends ProviderException {
        private final int status;

        public Refused(int status, String detail) {
            super(detail, null);
            this.status = status;
        }

        public int status() {
            return status;
        }

        @Override
        public String describe(Provider provider, SyncedData data) {
            return switch (status) {
                case 401 -> provider.displayName() + " did not accept our access to your " + data.words()
                        + "; we will try again. If this goes on, reconnect it on the Integrations page.";
                case 403 -> provider.displayName() + " refused to share your " + data.words()
                        + ": check what you allowed, or reconnect it on the Integrations page.";
                default -> provider.displayName() + " refused our request for your " + data.words() + " (error " + status
                        + "); we will try again.";
            };
        }
    }

    /** No answer: connection refused, timeout, reset. */
    public static final class Unreachable extends ProviderException {
        public Unreachable(String detail, Throwable cause) {
            super(detail, cause);
        }

        @Override
        public String describe(Provider provider, SyncedData data) {
            return "We could not reach " + provider.displayName() + "; we will try again.";
        }
    }

    /** An answer we cannot use: not JSON, fields missing, a link to another host. */
    public static final class Malformed extends ProviderException {
        public Malformed(String detail, Throwable cause) {
            super(detail, cause);
        }

        @Override
        public String describe(Provider provider, SyncedData data) {
            return provider.displayName() + " answered something we could not read; we will try again.";
        }
    }
}
