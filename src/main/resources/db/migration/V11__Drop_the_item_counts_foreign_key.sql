-- The item counts lose their foreign key too, as the reach and the keys did in V10: counting 20,000 stories from
-- scratch on PostgreSQL inserts 335,000 item_tally rows, and the key's trigger looked up the item of each one, 1.35 s
-- of the insert's 7.2 s (docs/benchmarks.md). Roadmap items are never deleted; a change that deletes one must delete
-- its rows here too. Written to run unchanged on H2 and PostgreSQL.
alter table item_tally drop constraint fk_item_tally_item;
