package app.tdah.web;

import java.util.logging.LogRecord;
import java.util.logging.StreamHandler;

/** Writes access-log records to standard output as they are: one JSON object per line, nothing around it. */
public final class AccessLogHandler extends StreamHandler {

    public AccessLogHandler() {
        super(System.out, new java.util.logging.Formatter() {
            @Override
            public String format(LogRecord record) {
                return record.getMessage() + System.lineSeparator();
            }
        });
    }

    @Override
    public synchronized void publish(LogRecord record) {
        super.publish(record);
        flush();
    }
}
