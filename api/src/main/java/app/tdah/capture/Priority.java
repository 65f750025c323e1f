package app.tdah.capture;

/** How pressing a task is; declared from the most to the least pressing. */
public enum Priority {
    URGENT, HIGH, MEDIUM, LOW;

    /** The more pressing of the two; either may be null. */
    static Priority higherOf(Priority a, Priority b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.compareTo(b) <= 0 ? a : b;
    }
}
