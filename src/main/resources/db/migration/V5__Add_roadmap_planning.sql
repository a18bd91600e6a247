-- Roadmap planning: how a parent's progress is obtained, the history of roadmap state changes (for the feed and
-- for planners), who last changed a link, the relations a link may have, and an index for the feed's query of
-- newly accepted stories. Written to run unchanged on H2 and PostgreSQL.

-- 'manual': progress is what a planner or a file says; 'rollup': the rounded mean of the children's progress.
alter table roadmap_item add column progress_mode varchar(10) default 'manual' not null;
alter table roadmap_item add constraint ck_roadmap_item_progress_mode check (progress_mode in ('manual', 'rollup'));

create table roadmap_event (
    id          bigint       not null,
    item_id     bigint       not null,
    from_state  varchar(20),
    to_state    varchar(20)  not null,
    actor       varchar(100) not null,
    occurred_at timestamp(6) with time zone not null,
    note        varchar(500),
    constraint pk_roadmap_event primary key (id),
    constraint ck_roadmap_event_from_state check (from_state in ('done', 'in-progress', 'help-wanted', 'paused')),
    constraint ck_roadmap_event_to_state check (to_state in ('done', 'in-progress', 'help-wanted', 'paused')),
    constraint fk_roadmap_event_item foreign key (item_id) references roadmap_item (id) on delete cascade
);
create index ix_roadmap_event_item on roadmap_event (item_id, occurred_at);
create index ix_roadmap_event_occurred on roadmap_event (occurred_at);

-- A link changed by a planner records who did it and when; created_by/created_at keep who made it first.
alter table story_link add column updated_by varchar(100);
alter table story_link add column updated_at timestamp(6) with time zone;
alter table story_link add constraint ck_story_link_relation
    check (relation in ('motivates', 'partially-addressed-by', 'illustrates', 'constrains'));

-- The feed reads the newest acceptances.
create index ix_triage_event_to_state_occurred on triage_event (to_state, occurred_at);
