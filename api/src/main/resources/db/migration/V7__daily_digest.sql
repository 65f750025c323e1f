-- The daily digest: sent once a day per person at their local time; the last day sent keeps it once a day.
ALTER TABLE users ADD COLUMN digest_time TIME NOT NULL DEFAULT '07:30';
ALTER TABLE users ADD COLUMN last_digest_on DATE;
