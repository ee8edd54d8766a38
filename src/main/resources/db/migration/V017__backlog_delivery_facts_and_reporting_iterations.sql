-- Delivery facts live on the item, which the backlog owns and changes in one transaction with its status: when it
-- reached done (null when it is not done) and the effort it really took, in half days.
ALTER TABLE backlog_item ADD COLUMN done_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE backlog_item ADD COLUMN actual_halves INTEGER;
ALTER TABLE backlog_item ADD CONSTRAINT backlog_item_actual_range CHECK (actual_halves IS NULL OR actual_halves BETWEEN 1 AND 1998);

-- Items already done keep the time of the history line that made them done (the last one), or their last change.
UPDATE backlog_item
SET done_at = COALESCE(
    (SELECT MAX(c.changed_at) FROM backlog_item_change c
     WHERE c.item_id = backlog_item.id AND c.field = 'status' AND c.new_value = 'Done'),
    updated_at)
WHERE status = 'done';

CREATE INDEX backlog_item_done ON backlog_item (team_id, done_at);

-- A team's iterations: derived from a first start date and a length, in the team's time zone; no planning object.
CREATE TABLE reporting_iteration_setting (
    team_id       BIGINT      PRIMARY KEY,
    length_weeks  INTEGER     NOT NULL,
    first_start   DATE        NOT NULL,
    time_zone     VARCHAR(60) NOT NULL,
    version       INTEGER     NOT NULL DEFAULT 0,
    CONSTRAINT reporting_iteration_length CHECK (length_weeks BETWEEN 1 AND 4)
);
