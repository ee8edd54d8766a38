-- Failed sign-ins by account (its email, whether or not an account has it) and by address, and the lock they led to.
-- In the database so that a lock holds on every node.
CREATE TABLE identity_sign_in_failure (
    subject         VARCHAR(300) NOT NULL PRIMARY KEY,
    failures        INTEGER      NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE
);

CREATE INDEX identity_sign_in_failure_last ON identity_sign_in_failure (last_failure_at);
