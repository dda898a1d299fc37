CREATE TABLE "audit_head" (
	"id" integer PRIMARY KEY NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
-- Hand-written from here: the head starts at the chain's current last link (or the genesis hash),
-- and the application may only read and move it.
INSERT INTO "audit_head" ("id", "prev_hash", "hash")
SELECT 1,
       coalesce((SELECT "prev_hash" FROM "audit_log" ORDER BY "id" DESC LIMIT 1), repeat('0', 64)),
       coalesce((SELECT "hash" FROM "audit_log" ORDER BY "id" DESC LIMIT 1), repeat('0', 64));
--> statement-breakpoint
ALTER TABLE "audit_head" ADD CONSTRAINT "audit_head_one_row" CHECK ("id" = 1);
--> statement-breakpoint
REVOKE INSERT, DELETE, TRUNCATE ON "audit_head" FROM vigil_app;
