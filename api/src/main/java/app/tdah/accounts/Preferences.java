package app.tdah.accounts;

import java.time.LocalTime;

/** How a person wants the assistant to behave: when to break tasks down, when to stay quiet, when the digest comes. */
public record Preferences(int breakdownThreshold, LocalTime quietStart, LocalTime quietEnd, LocalTime digestTime) {

    public static final int MIN_THRESHOLD = 1;
    public static final int MAX_THRESHOLD = 20;
}
