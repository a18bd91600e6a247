-- Newest first, within a state or over all stories. Lists of stories are ordered by created_at desc, id desc; with
-- these indexes H2 reads a page off the index and stops once the page is full, when the ORDER BY starts with the
-- index's columns (the queries put the state first when they fix it). With the ascending indexes they replace, H2
-- sorted every matching story first: 60,000 accepted stories at 100,000 for each page of 20 (docs/benchmarks.md).
-- PostgreSQL reads an index in either direction, so nothing changes for it.
drop index ix_story_state_created;
drop index ix_story_created;
create index ix_story_state_newest on story (state, created_at desc, id desc);
create index ix_story_newest on story (created_at desc, id desc);
