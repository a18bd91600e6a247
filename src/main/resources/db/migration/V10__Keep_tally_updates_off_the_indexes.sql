-- Cheaper recounts (docs/benchmarks.md: on PostgreSQL an import of 100,000 stories spent half its time in StoryReach,
-- most of it updating item_tally rows). Written to run unchanged on H2 and PostgreSQL.

-- The count no longer in the roadmap's index: every change of a count also rewrote its entry in this index (on
-- PostgreSQL a new index entry per update, 1.5 million for one import, and the index grew to 6x its size). The
-- roadmap's counts read the few thousand rows it finds from the table instead.
drop index ix_item_tally_count;
create index ix_item_tally_count on item_tally (theme_id, state, item_id);

-- No foreign keys on the two tables StoryReach rewrites for every story it recounts (13 reach rows and 4 keys per
-- story on average): each inserted row ran a lookup of its story and item (a third of the time of inserting them).
-- Stories and roadmap items are never deleted; a change that deletes either must delete their rows here too, through
-- StoryReach, which must also take their counts out of the tallies.
alter table item_reach drop constraint fk_item_reach_item;
alter table item_reach drop constraint fk_item_reach_story;
alter table story_tally_key drop constraint fk_story_tally_key_story;
