package app.tdah.sms;

/**
 * Counts over a set of texts; latencies in milliseconds, null when no text had one.
 *
 * @param billableSegments segments of the texts Twilio bills (see {@link SmsMessage#billable()})
 * @param tried            outbound texts that were handed to Twilio or given up on (neither waiting nor skipped)
 */
public record SmsStats(long inbound, long outbound, long segments, long billableSegments, long failed, long tried,
                       Double sendLatencyP50Ms, Double sendLatencyP95Ms, Double deliveryLatencyP50Ms, Double deliveryLatencyP95Ms) {

    public static final SmsStats NONE = new SmsStats(0, 0, 0, 0, 0, 0, null, null, null, null);

    public Double failureRate() {
        return tried == 0 ? null : (double) failed / tried;
    }
}
