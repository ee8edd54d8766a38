-- An account signed in through an OpenID Connect provider: the provider's name and its subject (the "sub" claim, which
-- never changes for a person at that provider). Later sign-ins find the account by these, even once the email changed.
CREATE TABLE identity_external_identity (
    provider   VARCHAR(40)  NOT NULL,
    subject    VARCHAR(255) NOT NULL,
    account_id BIGINT       NOT NULL REFERENCES identity_account (id),
    linked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (provider, subject)
);

CREATE INDEX identity_external_identity_account ON identity_external_identity (account_id);
