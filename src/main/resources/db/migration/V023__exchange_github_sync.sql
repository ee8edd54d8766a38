-- A team's sync may be with GitHub: the repository (owner/repo) and an optional label filter; site_url holds GitHub's
-- API address. Jira's own settings (account email, JQL, story points field) are then absent.
ALTER TABLE exchange_sync ADD COLUMN repository VARCHAR(200);
ALTER TABLE exchange_sync ADD COLUMN label_filter VARCHAR(100);
ALTER TABLE exchange_sync ALTER COLUMN account_email DROP NOT NULL;
ALTER TABLE exchange_sync ALTER COLUMN jql DROP NOT NULL;
ALTER TABLE exchange_sync ALTER COLUMN points_field DROP NOT NULL;
