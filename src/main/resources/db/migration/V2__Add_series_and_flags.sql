-- A story may be a chapter of a series (another story), and importers may attach flags: things they could not
-- decide and leave to the working group (for example "no character found").

alter table story add column series_id bigint;
alter table story add constraint fk_story_series foreign key (series_id) references story (id);
create index ix_story_series on story (series_id);

create table story_flag (
    story_id bigint       not null,
    position integer      not null,
    message  varchar(500) not null,
    constraint pk_story_flag primary key (story_id, position),
    constraint fk_story_flag_story foreign key (story_id) references story (id) on delete cascade
);
