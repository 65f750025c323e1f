-- Delivery reports Twilio posts for a SID not stored yet: Twilio can report (sent, even delivered) before its answer
-- to our send, which carries the SID, is written. They wait here and apply when the SID is stored; those no SID
-- claims go after a day.
CREATE TABLE sms_early_statuses (
    twilio_sid  TEXT NOT NULL,
    status      TEXT NOT NULL,
    error_code  TEXT,
    reported_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (twilio_sid, status)
);
