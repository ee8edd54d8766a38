-- Who has a stream open to which room, on which node: with several nodes, presence is the union of all.
-- A node refreshes seen_at of its rows at every heartbeat; rows not seen for a while belong to a node that died.
CREATE TABLE live_presence (
    room       VARCHAR(120) NOT NULL,
    node       VARCHAR(36)  NOT NULL,
    account_id BIGINT       NOT NULL,
    name       VARCHAR(100) NOT NULL,
    seen_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (room, node, account_id)
);

CREATE INDEX live_presence_node ON live_presence (node);
