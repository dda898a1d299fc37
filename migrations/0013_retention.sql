CREATE TABLE "retention_periods" (
	"type" "request_type" PRIMARY KEY NOT NULL,
	"days_after_final" integer NOT NULL,
	"days_if_open" integer NOT NULL,
	"updated_at" timestamp with time zone,
	"updated_by" uuid,
	CONSTRAINT "retention_periods_days" CHECK ("retention_periods"."days_after_final" between 30 and 3650 and "retention_periods"."days_if_open" between 30 and 3650)
);
--> statement-breakpoint
ALTER TABLE "request_messages" ALTER COLUMN "body" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "request_messages" ADD COLUMN "key_id" text;--> statement-breakpoint
ALTER TABLE "request_messages" ADD COLUMN "sealed" "bytea";--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "purged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "purge_rule" jsonb;--> statement-breakpoint
ALTER TABLE "retention_periods" ADD CONSTRAINT "retention_periods_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_messages" ADD CONSTRAINT "request_messages_body_kept" CHECK ("request_messages"."sealed" is not null or "request_messages"."body" is not null);--> statement-breakpoint
-- Hand-written from here on.
-- The default retention periods (the same numbers as DEFAULT_RETENTION in src/shared/retention.ts;
-- a test checks they agree). Reasons: docs/data-protection.md.
INSERT INTO "retention_periods" ("type", "days_after_final", "days_if_open") VALUES
  ('preservation', 730, 1095),
  ('traffic_disclosure', 730, 1095),
  ('subscriber_information', 730, 1095),
  ('emergency_disclosure', 730, 1095),
  ('emergency_mutual_assistance', 730, 1095),
  ('technical_advice', 365, 1095),
  ('legal_information', 365, 1095),
  ('locating_suspects', 730, 1095),
  ('collection_of_evidence', 730, 1095),
  ('other', 365, 1095)
ON CONFLICT ("type") DO NOTHING;
--> statement-breakpoint
-- The timeline stays append-only for the application (0006 revoked UPDATE). The retention purge
-- alone may blank the personal parts of the steps (free-text note, acting user, the receipt that
-- names the user's e-mail, an attachment's file name) and only of a request already marked purged: this function runs as the
-- owner and does nothing else.
CREATE OR REPLACE FUNCTION scrub_purged_request_events(p_request uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  n integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM requests WHERE id = p_request AND purged_at IS NOT NULL) THEN
    RAISE EXCEPTION 'request % is not purged: its timeline stays as it is', p_request;
  END IF;
  -- An attachment's file name may name a person: it goes too (the other facts name institutions).
  UPDATE request_events SET note = NULL, actor_user_id = NULL, receipt = NULL, facts = facts - 'attachment'
    WHERE request_id = p_request
      AND (note IS NOT NULL OR actor_user_id IS NOT NULL OR receipt IS NOT NULL OR facts ? 'attachment');
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scrub_purged_request_events(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION scrub_purged_request_events(uuid) TO vigil_app;
