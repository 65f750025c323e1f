package app.tdah.jobs.sms;

import java.time.Duration;

/**
 * How many texts may go out, per person and for the whole installation, cluster-wide. A text over a limit is not
 * refused: it waits in the queue for the next window.
 */
public record SmsSendLimits(long perUser, Duration perUserInterval, long global, Duration globalInterval) {

    public SmsSendLimits {
        if (perUser < 1 || global < 1 || perUserInterval.isNegative() || perUserInterval.isZero()
                || globalInterval.isNegative() || globalInterval.isZero()) {
            throw new IllegalArgumentException("SMS limits need at least one text per positive interval");
        }
    }
}
