-- The approval a placement printed under: who gave it (the engine for the clean lane), when, why it took that
-- lane, and the exact print files and proof it was given for. A new approval replaces the old one (after an
-- operator chose another tier, say); the placement's history keeps every one.
create table placement_approval (
    placement_id        varchar(36)    primary key references order_placement (id),
    approved_by         varchar(100)   not null,
    approved_at         timestamp      not null,
    automatic           boolean        not null,
    lane_reason         varchar(40)    not null,
    print_file_sha256s  varchar(400)   not null,
    proof_sha256        varchar(64)    not null
);

-- The proof lane a placement took after its soft proof (AUTO or REVIEW) and the table's reason for it.
alter table order_placement add column lane varchar(10);
alter table order_placement add column lane_reason varchar(40);
-- The worst quality finding on the art at its print size (INFO, WARNING, PROBLEM), an input of the proof lane.
alter table soft_proof add column worst_severity varchar(10);
