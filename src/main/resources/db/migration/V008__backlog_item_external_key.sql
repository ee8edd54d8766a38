-- Where an imported item came from (a Jira key, a GitHub issue, a CSV row's key): importing the same file
-- again finds its items by this key instead of adding them twice.
ALTER TABLE backlog_item ADD COLUMN external_key VARCHAR(200);

CREATE UNIQUE INDEX backlog_item_external_key ON backlog_item (team_id, external_key);
