-- Titles as long as Jira's summaries (255) and descriptions and technical notes up to 131,072 characters (twice
-- GitHub's 65,536 for a body): nothing an export holds is refused. The history keeps whole values of these fields,
-- and of all acceptance criteria or links at once: 1,000,000 is near H2's largest VARCHAR (1,048,576).
ALTER TABLE backlog_item ALTER COLUMN title SET DATA TYPE VARCHAR(255);
ALTER TABLE backlog_item ALTER COLUMN description SET DATA TYPE VARCHAR(131072);
ALTER TABLE backlog_item ALTER COLUMN technical_notes SET DATA TYPE VARCHAR(131072);
ALTER TABLE backlog_item_change ALTER COLUMN old_value SET DATA TYPE VARCHAR(1000000);
ALTER TABLE backlog_item_change ALTER COLUMN new_value SET DATA TYPE VARCHAR(1000000);
