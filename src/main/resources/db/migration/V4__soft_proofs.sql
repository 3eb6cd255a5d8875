-- The soft proof of a placement at its tier and stock: four screen images in the object store, and the numbers.
create table soft_proof (
    placement_id        varchar(36)    primary key references order_placement (id),
    proof_sha256        varchar(64)    not null,
    gamut_sha256        varchar(64)    not null,
    mockup_sha256       varchar(64)    not null,
    before_after_sha256 varchar(64)    not null,
    delta_e_mean        double precision not null,
    delta_e_p95         double precision not null,
    out_of_gamut_share  double precision not null,
    max_total_ink       double precision not null,
    created_at          timestamp      not null
);
