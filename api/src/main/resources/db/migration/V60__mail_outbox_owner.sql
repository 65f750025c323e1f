-- Mail belongs to the account it was sent for, not to whoever has its address now: after an email change, the next
-- owner of the old address must not find the previous owner's reminders and digests in their export. Deleting the
-- account deletes its mail (the cascade); sent mail is purged after pa.mail.retention.days by the purge-sent-mail job.
ALTER TABLE mail_outbox ADD COLUMN user_id UUID REFERENCES users (id) ON DELETE CASCADE;

-- Until now a row was known only by its address: it goes to the account that has that address today. Mail of an
-- address no account has any more (changed, or deleted before deletion removed mail) stays without an owner and
-- leaves with the retention purge.
UPDATE mail_outbox m SET user_id = u.id FROM users u WHERE u.email = m.recipient::citext;

CREATE INDEX mail_outbox_user_idx ON mail_outbox (user_id);
-- The retention purge: sent rows by when they were sent.
CREATE INDEX mail_outbox_sent_idx ON mail_outbox (sent_at) WHERE status = 'SENT';
