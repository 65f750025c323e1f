package app.tdah.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One access-log record as a single JSON line. */
final class AccessLogLine {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AccessLogLine() {
    }

    static String json(String requestId, String method, String path, int status, double millis, String ip, String userAgent) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("ts", Instant.now().toString());
        line.put("requestId", requestId);
        line.put("method", method);
        line.put("path", path);
        line.put("status", status);
        line.put("durationMs", Math.round(millis * 1000) / 1000.0);
        line.put("ip", ip);
        line.put("userAgent", userAgent);
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
