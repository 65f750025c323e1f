-- The order outbound texts were queued in. Texts to one number are sent in it, even when they were queued in the same
-- instant (a reply in two parts): created_at cannot tell them apart, this can.
ALTER TABLE sms_messages ADD COLUMN queued_seq BIGINT GENERATED ALWAYS AS IDENTITY;
