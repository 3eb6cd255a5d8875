-- The print-ready files of a placement: one row per format, the file itself in the object store by SHA-256.
create table print_file (
    placement_id    varchar(36)   not null references order_placement (id),
    format          varchar(16)   not null,      -- pdfx4 | tiff
    sha256          varchar(64)   not null,
    bytes           bigint        not null,
    media_type      varchar(64)   not null,
    width_px        int           not null,      -- the canvas, bleed included
    height_px       int           not null,
    dpi             int           not null,
    profile_sha256  varchar(64)   not null,
    created_at      timestamp     not null,
    primary key (placement_id, format)
);
create index print_file_sha256 on print_file (sha256);
