-- Which folder a synced mail header came from: the inbox, or the person's sent mail (Gmail's label SENT, Outlook's
-- Sent Items), whose recipients are the people the person wrote to.
ALTER TABLE mail_headers ADD COLUMN folder TEXT NOT NULL DEFAULT 'INBOX' CHECK (folder IN ('INBOX', 'SENT'));
-- Until now only Gmail's sent mail was synced, told apart by its label.
UPDATE mail_headers m SET folder = 'SENT'
WHERE 'SENT' = ANY(m.labels) AND EXISTS (SELECT 1 FROM integrations i WHERE i.id = m.integration_id AND i.provider = 'google');
