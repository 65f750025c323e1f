-- The sync's tables now that the integrations table exists: what was synced through an integration goes with it.
DELETE FROM integration_syncs s WHERE NOT EXISTS (SELECT 1 FROM integrations i WHERE i.id = s.integration_id);
DELETE FROM calendar_events e WHERE NOT EXISTS (SELECT 1 FROM integrations i WHERE i.id = e.integration_id);
DELETE FROM mail_headers m WHERE NOT EXISTS (SELECT 1 FROM integrations i WHERE i.id = m.integration_id);
ALTER TABLE integration_syncs ADD FOREIGN KEY (integration_id) REFERENCES integrations (id) ON DELETE CASCADE;
ALTER TABLE calendar_events ADD FOREIGN KEY (integration_id) REFERENCES integrations (id) ON DELETE CASCADE;
ALTER TABLE mail_headers ADD FOREIGN KEY (integration_id) REFERENCES integrations (id) ON DELETE CASCADE;
