-- Triage: a story may be assigned to a working-group member, and carries comments, some of them requests to its
-- writer (shown on the private edit page).

alter table story add column assignee_id bigint;
alter table story add constraint fk_story_assignee foreign key (assignee_id) references app_user (id);
create index ix_story_assignee on story (assignee_id);

create table story_comment (
    id         bigint         not null,
    story_id   bigint         not null,
    author     varchar(100)   not null,
    created_at timestamp(6) with time zone not null,
    body       varchar(16384) not null,
    to_writer  boolean        not null,
    constraint pk_story_comment primary key (id),
    constraint fk_story_comment_story foreign key (story_id) references story (id) on delete cascade
);
create index ix_story_comment_story on story_comment (story_id, created_at);
