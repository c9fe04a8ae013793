-- A register import on PGlite (one engine for every request) writes its people in committed
-- batches, so caseworkers' requests are served in between (issue 11, finding 5). Until its last
-- step the batch is `pending`: not a delivery, left out by every reader of register_batch, and
-- removed with everything it wrote when the import fails, is stopped, or its process died.
ALTER TABLE register_batch ADD COLUMN IF NOT EXISTS pending boolean NOT NULL DEFAULT false;
