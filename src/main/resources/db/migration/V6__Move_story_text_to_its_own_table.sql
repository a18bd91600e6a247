-- A story's text (2-20 KB, up to 256 KiB) moves out of the story row. H2 keeps a varchar inside the row, so every
-- query that touched stories by the tens of thousands (a goal's rolled-up stories, the gaps, the dashboard's grid, a
-- filtered list) read and decoded every body on the way: at 100,000 stories a goal's story count took 6.5 s, and
-- 2.4 s once the rows were this small (docs/benchmarks.md). PostgreSQL already keeps long values apart (TOAST); the
-- same schema on both keeps one mapping.
create table story_text (
    story_id bigint           not null,
    body     varchar(262144)  not null,
    constraint pk_story_text primary key (story_id),
    constraint fk_story_text_story foreign key (story_id) references story (id) on delete cascade
);
insert into story_text (story_id, body) select id, body from story;
alter table story drop column body;
