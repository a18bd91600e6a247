-- H2 only (quarkus.flyway.locations adds db/h2 to the H2 build). The triage queue lists the open stories oldest first
-- by default, one state at a time (TriageQueue): H2 reads an index in one direction only, so with V9's newest-first
-- index it read all 10,000 submitted stories at 100,000 to find the oldest 50. PostgreSQL reads V9's index backwards.
create index ix_story_state_oldest on story (state, created_at, id);
