package app.tdah.sms;

import java.math.BigDecimal;
import java.util.List;

import app.tdah.jobs.outbox.RetryPolicy;
import app.tdah.jobs.sms.SmsSendLimits;

/**
 * How texts are handled whoever sends them.
 *
 * @param defaultRegion    the ISO 3166 region a number written without its country code belongs to, e.g. US or FR
 * @param countries        the regions whose numbers may be added and texted; empty: the default region only
 * @param retry            how long a text that failed for a passing reason keeps being tried
 * @param limits           how many texts go out per person and overall
 * @param pricePerSegment  what one segment costs, in {@code currency}: the basis of every estimated cost
 */
public record SmsSettings(String defaultRegion, List<String> countries, RetryPolicy retry, SmsSendLimits limits, BigDecimal pricePerSegment,
                          String currency) {
}
