-- Where a team put the statuses of another tool that have no status category ("Staging", "Wishlist"): the
-- preview of its next file starts from this choice, as the column mapping of a CSV does.
CREATE TABLE exchange_status_mapping (
    team_id     BIGINT       NOT NULL,
    status_name VARCHAR(200) NOT NULL,
    status      VARCHAR(30)  NOT NULL,
    PRIMARY KEY (team_id, status_name)
);

-- A Jira or GitHub job keeps the person's choices in its mapping, one entry per status of the file among them.
ALTER TABLE exchange_import_job ALTER COLUMN mapping SET DATA TYPE VARCHAR(100000);
