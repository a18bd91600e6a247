-- The core model: the catalogue (characters, themes, projects), stories, the roadmap, links between them,
-- the triage history and the users who sign in. Written to run unchanged on H2 and PostgreSQL.

create sequence id_seq start with 1 increment by 50;

create table story_character (
    id           bigint        not null,
    slug         varchar(120)  not null,
    name         varchar(200)  not null,
    description  varchar(65536) not null,
    source_path  varchar(500),
    content_hash varchar(64),
    created_at   timestamp(6) with time zone not null,
    updated_at   timestamp(6) with time zone not null,
    version      integer       not null,
    constraint pk_story_character primary key (id),
    constraint uq_story_character_slug unique (slug)
);

create table theme (
    id           bigint        not null,
    slug         varchar(120)  not null,
    name         varchar(200)  not null,
    description  varchar(65536) not null,
    source_path  varchar(500),
    content_hash varchar(64),
    created_at   timestamp(6) with time zone not null,
    updated_at   timestamp(6) with time zone not null,
    version      integer       not null,
    constraint pk_theme primary key (id),
    constraint uq_theme_slug unique (slug)
);

create table project (
    id           bigint        not null,
    slug         varchar(120)  not null,
    name         varchar(200)  not null,
    description  varchar(65536) not null,
    source_path  varchar(500),
    content_hash varchar(64),
    created_at   timestamp(6) with time zone not null,
    updated_at   timestamp(6) with time zone not null,
    version      integer       not null,
    constraint pk_project primary key (id),
    constraint uq_project_slug unique (slug)
);

create table story (
    id              bigint        not null,
    slug            varchar(120)  not null,
    kind            varchar(20)   not null,
    title           varchar(200)  not null,
    summary         varchar(500)  not null,
    body            varchar(262144) not null,
    character_id    bigint,
    state           varchar(30)   not null,
    duplicate_of_id bigint,
    source          varchar(20)   not null,
    source_path     varchar(500),
    content_hash    varchar(64),
    edit_token_hash varchar(64),
    created_at      timestamp(6) with time zone not null,
    updated_at      timestamp(6) with time zone not null,
    version         integer       not null,
    constraint pk_story primary key (id),
    constraint uq_story_slug unique (slug),
    constraint ck_story_kind check (kind in ('status-quo', 'shiny-future')),
    constraint ck_story_state check (state in ('idea', 'submitted', 'in-review', 'changes-requested', 'accepted', 'declined', 'duplicate')),
    constraint ck_story_source check (source in ('file', 'mdbook', 'api', 'form')),
    constraint fk_story_character foreign key (character_id) references story_character (id),
    constraint fk_story_duplicate_of foreign key (duplicate_of_id) references story (id)
);
create index ix_story_character on story (character_id);
create index ix_story_duplicate_of on story (duplicate_of_id);
create index ix_story_kind on story (kind);
create index ix_story_state_created on story (state, created_at);
create index ix_story_created on story (created_at);

create table story_theme (
    story_id bigint not null,
    theme_id bigint not null,
    constraint pk_story_theme primary key (story_id, theme_id),
    constraint fk_story_theme_story foreign key (story_id) references story (id) on delete cascade,
    constraint fk_story_theme_theme foreign key (theme_id) references theme (id)
);
create index ix_story_theme_theme on story_theme (theme_id, story_id);

create table story_project (
    story_id   bigint not null,
    project_id bigint not null,
    constraint pk_story_project primary key (story_id, project_id),
    constraint fk_story_project_story foreign key (story_id) references story (id) on delete cascade,
    constraint fk_story_project_project foreign key (project_id) references project (id)
);
create index ix_story_project_project on story_project (project_id, story_id);

create table story_author (
    story_id bigint       not null,
    position integer      not null,
    name     varchar(200) not null,
    constraint pk_story_author primary key (story_id, position),
    constraint fk_story_author_story foreign key (story_id) references story (id) on delete cascade
);

create table story_faq (
    story_id bigint        not null,
    position integer       not null,
    question varchar(300)  not null,
    answer   varchar(16384) not null,
    constraint pk_story_faq primary key (story_id, position),
    constraint fk_story_faq_story foreign key (story_id) references story (id) on delete cascade
);

create table story_retell (
    story_id  bigint not null,
    retold_id bigint not null,
    constraint pk_story_retell primary key (story_id, retold_id),
    constraint fk_story_retell_story foreign key (story_id) references story (id) on delete cascade,
    constraint fk_story_retell_retold foreign key (retold_id) references story (id),
    constraint ck_story_retell_not_self check (story_id <> retold_id)
);
create index ix_story_retell_retold on story_retell (retold_id, story_id);

create table roadmap_item (
    id           bigint        not null,
    slug         varchar(120)  not null,
    title        varchar(200)  not null,
    level        varchar(20)   not null,
    parent_id    bigint,
    state        varchar(20)   not null,
    progress     integer       not null,
    landing_url  varchar(2000),
    impact       varchar(65536) not null,
    source_path  varchar(500),
    content_hash varchar(64),
    created_at   timestamp(6) with time zone not null,
    updated_at   timestamp(6) with time zone not null,
    version      integer       not null,
    constraint pk_roadmap_item primary key (id),
    constraint uq_roadmap_item_slug unique (slug),
    constraint ck_roadmap_item_level check (level in ('goal', 'initiative', 'milestone')),
    constraint ck_roadmap_item_state check (state in ('done', 'in-progress', 'help-wanted', 'paused')),
    constraint ck_roadmap_item_progress check (progress between 0 and 100),
    constraint ck_roadmap_item_not_own_parent check (parent_id is null or parent_id <> id),
    constraint fk_roadmap_item_parent foreign key (parent_id) references roadmap_item (id)
);
create index ix_roadmap_item_parent on roadmap_item (parent_id);

create table roadmap_owner (
    item_id  bigint       not null,
    position integer      not null,
    name     varchar(200) not null,
    constraint pk_roadmap_owner primary key (item_id, position),
    constraint fk_roadmap_owner_item foreign key (item_id) references roadmap_item (id) on delete cascade
);

create table story_link (
    id         bigint       not null,
    story_id   bigint       not null,
    item_id    bigint       not null,
    relation   varchar(30)  not null,
    note       varchar(500),
    from_file  boolean      not null,
    created_by varchar(100) not null,
    created_at timestamp(6) with time zone not null,
    constraint pk_story_link primary key (id),
    constraint uq_story_link_pair unique (story_id, item_id),
    constraint fk_story_link_story foreign key (story_id) references story (id) on delete cascade,
    constraint fk_story_link_item foreign key (item_id) references roadmap_item (id) on delete cascade
);
create index ix_story_link_item on story_link (item_id, story_id);

create table triage_event (
    id         bigint       not null,
    story_id   bigint       not null,
    from_state varchar(30),
    to_state   varchar(30)  not null,
    actor      varchar(100) not null,
    occurred_at timestamp(6) with time zone not null,
    note       varchar(4000),
    constraint pk_triage_event primary key (id),
    constraint fk_triage_event_story foreign key (story_id) references story (id) on delete cascade
);
create index ix_triage_event_story on triage_event (story_id, occurred_at);

create table app_user (
    id            bigint       not null,
    username      varchar(100) not null,
    password_hash varchar(100) not null,
    roles         varchar(100) not null,
    enabled       boolean      not null,
    created_at    timestamp(6) with time zone not null,
    updated_at    timestamp(6) with time zone not null,
    version       integer      not null,
    constraint pk_app_user primary key (id),
    constraint uq_app_user_username unique (username)
);
