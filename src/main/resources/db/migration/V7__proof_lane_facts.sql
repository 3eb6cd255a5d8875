-- The code of the worst quality finding (the reason an operator reads when it sends a placement to review), and the
-- SSIM of the print against the art on lightness (the quality floor), beside the colour figures of the soft proof.
alter table soft_proof add column worst_finding varchar(64);
alter table soft_proof add column ssim double precision;
