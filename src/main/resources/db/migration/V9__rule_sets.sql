-- Rule sets: versioned, content-addressed bundles of everything that decides a placement's fate (the lane table, the
-- layout tiers, the stocks with their profiles, the quality-check thresholds). The bundle itself is a zip in the object
-- store; this table says which one is live, which one is being tried and how. Every node reads it, so all agree.
create table rule_set (
    number          int            primary key,   -- 1 is the bundled folders, then one up per upload
    digest          varchar(64)    not null unique, -- SHA-256 of the bundle's sorted listing of path and file SHA-256
    bundle_sha256   varchar(64)    not null,      -- the zip in the object store
    state           varchar(16)    not null,      -- CANDIDATE, SHADOW, CANARY, LIVE, RETIRED, ROLLED_BACK
    canary_share    double precision,             -- share of new placements run on it while in CANARY, 0 to 1
    description     varchar(2000),
    uploaded_by     varchar(100)   not null,
    created_at      timestamp      not null,
    state_since     timestamp      not null,
    verdict_json    text                           -- the guardrail figures behind its last promotion or rollback
);

-- The rule set a placement runs under (null on placements made before rule sets: rule set 1), and a canary
-- placement's approval held until its rule set is promoted or rolled back (who approved it, and why).
alter table order_placement add column rule_set int;
alter table order_placement add column held_by varchar(100);
alter table order_placement add column held_reason varchar(40);
create index order_placement_rule_set on order_placement (rule_set, status);

-- One row per placement and rule set it ran under: the facts its decisions read (to replay them under another rule
-- set) and the figures its guardrails compare.
create table placement_run (
    placement_id    varchar(36)    not null,
    rule_set        int            not null,
    canary          boolean        not null,      -- run on a candidate because of the canary share
    started_at      timestamp      not null,
    tier_facts      text,                         -- what the tier choice read (JSON)
    tier_outcome    varchar(64),                  -- the tier chosen, or empty when none fitted
    lane_facts      text,                         -- what the lane table read (JSON)
    lane            varchar(10),                  -- AUTO or REVIEW
    lane_reason     varchar(40),
    render_ms       bigint,
    proof_ms        bigint,
    delta_e_p95     double precision,
    below_floor     boolean,
    operator_decision varchar(16),               -- APPROVE, TIER, NEW_ART, REJECT
    failed          boolean        not null,
    primary key (placement_id, rule_set)
);
create index placement_run_rule_set on placement_run (rule_set, started_at);

-- The shadowing candidate's decision beside the live one's, made without acting on it.
create table shadow_decision (
    placement_id    varchar(36)    not null,
    rule_set        int            not null,
    step            varchar(8)     not null,      -- TIER or LANE
    live_outcome    varchar(80)    not null,
    candidate_outcome varchar(80)  not null,
    recorded_at     timestamp      not null,
    primary key (placement_id, rule_set, step)
);

-- Each guardrail of a canary as the watch read it, for the plots on the rule-set page.
create table guardrail_reading (
    rule_set        int            not null,
    read_at         timestamp      not null,
    guardrail       varchar(60)    not null,
    candidate_value double precision,
    live_value      double precision,
    candidate_sample int           not null,
    outcome         varchar(10)    not null
);
create index guardrail_reading_rule_set on guardrail_reading (rule_set, read_at);
