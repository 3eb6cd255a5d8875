-- Platen's own tables. Camunda creates and owns its ACT_* tables itself.
-- Plain SQL that H2 (in its default mode) and PostgreSQL both accept.

create table artwork (
    id              varchar(64)   primary key,   -- the SHA-256 of the bytes: same bytes, same id
    format          varchar(8)    not null,
    bytes           bigint        not null,
    original_name   varchar(255),
    header_json     text          not null,      -- ArtworkHeader as read at upload
    created_at      timestamp     not null
);

create table print_order (
    id              varchar(36)   primary key,
    reference       varchar(200)  not null,
    partner         varchar(100)  not null,
    status          varchar(32)   not null,
    created_at      timestamp     not null,
    updated_at      timestamp     not null
);

create table order_placement (
    id              varchar(36)   primary key,
    order_id        varchar(36)   not null references print_order (id),
    position        int           not null,      -- order of the placement within the order
    item_index      int           not null,
    product         varchar(64)   not null,
    quantity        int           not null,
    placement       varchar(64)   not null,
    requested_tier  varchar(64)   not null,
    artwork_id      varchar(64)   not null references artwork (id),
    status          varchar(32)   not null,
    chosen_tier     varchar(64),
    effective_dpi   decimal(12,1),
    downgraded      boolean       not null,
    reasons         varchar(500)  not null,
    findings_json   text          not null,
    decided_by      varchar(100),
    decision_note   varchar(2000),
    updated_at      timestamp     not null
);
create index order_placement_order on order_placement (order_id, position);

create table idempotency_key (
    idem_key        varchar(255)  primary key,
    request_sha256  varchar(64)   not null,      -- of the canonical request body: same key, other body -> 422
    order_id        varchar(36)   not null references print_order (id),
    response_json   text          not null,      -- the first 201 body, returned again as it was
    created_at      timestamp     not null
);
