ALTER TABLE estimation_settings ADD COLUMN suggest BOOLEAN NOT NULL DEFAULT TRUE;

-- A team's reference stories: items it points at as what a card of its deck means ("a 3 is like PAY-12").
CREATE TABLE estimation_reference (
    team_id     BIGINT       NOT NULL,
    card        VARCHAR(10)  NOT NULL,
    item_order  INTEGER      NOT NULL,
    team_key    VARCHAR(10)  NOT NULL,
    item_number INTEGER      NOT NULL,
    PRIMARY KEY (team_id, card, item_order)
);
