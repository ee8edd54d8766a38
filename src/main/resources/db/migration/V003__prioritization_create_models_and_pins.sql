-- team_id is the id of an identity team, item numbers those of backlog items; no foreign keys across modules.

CREATE TABLE prioritization_model (
    team_id          BIGINT        PRIMARY KEY,
    model            VARCHAR(20)   NOT NULL,
    formula          VARCHAR(500)  NOT NULL DEFAULT '',
    custom_inputs    VARCHAR(4000) NOT NULL DEFAULT '',
    days_per_point   NUMERIC(8, 3) NOT NULL,
    deadline_urgency BOOLEAN       NOT NULL,
    horizon_days     INTEGER       NOT NULL,
    version          INTEGER       NOT NULL,
    CONSTRAINT prioritization_model_kind CHECK (model IN ('wsjf', 'rice', 'ice', 'value-effort', 'custom'))
);

-- A pin holds an item right above or below another: dragging one item writes this one row.
CREATE TABLE prioritization_pin (
    team_id       BIGINT      NOT NULL,
    item_number   INTEGER     NOT NULL,
    anchor_number INTEGER     NOT NULL,
    placement     VARCHAR(10) NOT NULL,
    pinned_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (team_id, item_number),
    CONSTRAINT prioritization_pin_placement CHECK (placement IN ('ABOVE', 'BELOW'))
);

-- Counts the changes to what a team's queue depends on; a node whose cached queue has an older revision
-- ranks the team again.
CREATE TABLE prioritization_revision (
    team_id  BIGINT PRIMARY KEY,
    revision BIGINT NOT NULL
);
