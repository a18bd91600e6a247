-- Counts kept current on write instead of computed on every read (docs/benchmarks.md: at 100,000 stories a goal's
-- roll-up counted 64,000 stories over 92,000 links per request, 150 ms on PostgreSQL, 2.6 s on H2; the dashboard's
-- and the gaps' grids counted every accepted story). StoryReach maintains these tables whenever a story is created or
-- its links, state, kind, character or themes change, or an item moves; this migration fills them for the data
-- already there. Written to run unchanged on H2 and PostgreSQL.

-- Each item and every story linked to it or to an item below it, once: the links closed up the roadmap (at most three
-- levels: goal, initiative, milestone). direct is 1 when the story is linked to the item itself.
create table item_reach (
    item_id  bigint  not null,
    story_id bigint  not null,
    direct   integer not null,
    constraint pk_item_reach primary key (item_id, story_id),
    constraint fk_item_reach_item foreign key (item_id) references roadmap_item (id) on delete cascade,
    constraint fk_item_reach_story foreign key (story_id) references story (id) on delete cascade
);
create index ix_item_reach_story on item_reach (story_id, item_id);

-- How the tallies count each story, as it was when last counted: its state, kind and character (0: none), once with
-- theme_id 0 (the story itself), then once per theme or once with -1 when it has none, and once with -2 when it is
-- linked to any roadmap item. Kept so that a change can take the story's old contribution away without knowing what
-- it was.
create table story_tally_key (
    story_id     bigint      not null,
    theme_id     bigint      not null,
    state        varchar(30) not null,
    kind         varchar(20) not null,
    character_id bigint      not null,
    constraint pk_story_tally_key primary key (story_id, theme_id),
    constraint fk_story_tally_key_story foreign key (story_id) references story (id) on delete cascade
);

-- All stories counted by state, kind, character and theme: the keys summed. The dashboard's grid, the thin cells of
-- the gaps, the unaddressed stories' total and the stories list's total read it.
create table catalog_tally (
    state        varchar(30) not null,
    kind         varchar(20) not null,
    character_id bigint      not null,
    theme_id     bigint      not null,
    stories      bigint      not null,
    constraint pk_catalog_tally primary key (state, kind, character_id, theme_id)
);

-- Per item, the stories reaching it counted by state, kind, character and theme (theme_id 0: each story once; -1: the
-- stories without a theme; -3: the stories linked to the item itself). A roll-up's total and counts per character and
-- per theme add up a few hundred rows.
create table item_tally (
    item_id      bigint      not null,
    state        varchar(30) not null,
    kind         varchar(20) not null,
    character_id bigint      not null,
    theme_id     bigint      not null,
    stories      bigint      not null,
    constraint pk_item_tally primary key (item_id, state, kind, character_id, theme_id),
    constraint fk_item_tally_item foreign key (item_id) references roadmap_item (id) on delete cascade
);
-- The roadmap's counts (accepted stories per item, theme 0 and -3) for every item at once.
create index ix_item_tally_count on item_tally (theme_id, state, item_id, stories);

-- Stories an import wrote whose counts wait for the recount it runs every few thousand files and at its end (and
-- that the next start runs, should the import stop half-way).
create table story_recount (
    story_id bigint not null,
    constraint pk_story_recount primary key (story_id),
    constraint fk_story_recount_story foreign key (story_id) references story (id) on delete cascade
);

insert into item_reach (item_id, story_id, direct)
select item_id, story_id, max(direct) from (
    select l.item_id, l.story_id, 1 as direct from story_link l
    union all select i.parent_id, l.story_id, 0 from story_link l join roadmap_item i on i.id = l.item_id
        where i.parent_id is not null
    union all select p.parent_id, l.story_id, 0 from story_link l join roadmap_item i on i.id = l.item_id
        join roadmap_item p on p.id = i.parent_id where p.parent_id is not null
) r group by item_id, story_id;

insert into story_tally_key (story_id, theme_id, state, kind, character_id)
select s.id, 0, s.state, s.kind, coalesce(s.character_id, 0) from story s
union all select s.id, st.theme_id, s.state, s.kind, coalesce(s.character_id, 0) from story s
    join story_theme st on st.story_id = s.id
union all select s.id, -1, s.state, s.kind, coalesce(s.character_id, 0) from story s
    where not exists (select 1 from story_theme st where st.story_id = s.id)
union all select s.id, -2, s.state, s.kind, coalesce(s.character_id, 0) from story s
    where exists (select 1 from story_link l where l.story_id = s.id);

insert into catalog_tally (state, kind, character_id, theme_id, stories)
select state, kind, character_id, theme_id, count(*) from story_tally_key
    group by state, kind, character_id, theme_id;

insert into item_tally (item_id, state, kind, character_id, theme_id, stories)
select item_id, state, kind, character_id, theme_id, count(*) from (
    select r.item_id, k.state, k.kind, k.character_id, k.theme_id from item_reach r
        join story_tally_key k on k.story_id = r.story_id where k.theme_id <> -2
    union all select r.item_id, k.state, k.kind, k.character_id, -3 from item_reach r
        join story_tally_key k on k.story_id = r.story_id where r.direct = 1 and k.theme_id = 0
) c group by item_id, state, kind, character_id, theme_id;
