CREATE TYPE "public"."request_access_reason" AS ENUM('covering', 'supervision', 'data_protection_review', 'other');--> statement-breakpoint
ALTER TYPE "public"."request_event_kind" ADD VALUE 'assigned';--> statement-breakpoint
ALTER TYPE "public"."request_event_kind" ADD VALUE 'unassigned';--> statement-breakpoint
CREATE TABLE "request_access_purposes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"reason" "request_access_reason" NOT NULL,
	"note" text,
	"given_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"assigned_by" uuid,
	"removed_at" timestamp with time zone,
	"removed_by" uuid
);
--> statement-breakpoint
ALTER TABLE "request_access_purposes" ADD CONSTRAINT "request_access_purposes_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_access_purposes" ADD CONSTRAINT "request_access_purposes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_assignments" ADD CONSTRAINT "request_assignments_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_assignments" ADD CONSTRAINT "request_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_assignments" ADD CONSTRAINT "request_assignments_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_assignments" ADD CONSTRAINT "request_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_assignments" ADD CONSTRAINT "request_assignments_removed_by_users_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "request_access_purposes_user_idx" ON "request_access_purposes" USING btree ("user_id","request_id","expires_at");--> statement-breakpoint
CREATE INDEX "request_assignments_request_idx" ON "request_assignments" USING btree ("request_id","party_id");--> statement-breakpoint
CREATE UNIQUE INDEX "request_assignments_current_idx" ON "request_assignments" USING btree ("request_id","user_id") WHERE removed_at is null;--> statement-breakpoint
-- Hand-written from here to the end: need to know inside a Party (issue 6, points 3 and 8), as
-- row-level security behind the application's own rule (requests/access.ts).
--
-- A request marked sensitive (handling_conditions.sensitive, SAP Art. 14(4)) is visible, besides
-- the system, only to its handlers, to the admins of its two Parties, and to the Parties' API
-- tokens (they act for the national system: a transaction with a Party and no user). A side with
-- no current handler (a request sent and not yet taken or acknowledged, or one whose handler was
-- removed) is handled by all its Party's officers and admins: they must be able to act at once.
-- Its timeline, messages, attachments and onward transfers follow through vigil_sees_request().
--
-- Owner's rights, so that the requests policy can read request_assignments without going through
-- request_assignments' own policy (which reads requests: that would recurse). It returns a
-- boolean about the acting user only.
CREATE FUNCTION vigil_handles_request(p_request uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
    SELECT public.vigil_is_system()
      OR coalesce(current_setting('vigil.role', true), '') = 'party_admin'
      OR (public.vigil_user() IS NULL AND public.vigil_party() IS NOT NULL)
      OR EXISTS (SELECT 1 FROM public.request_assignments a
                 WHERE a.request_id = p_request AND a.user_id = public.vigil_user() AND a.removed_at IS NULL)
      OR NOT EXISTS (SELECT 1 FROM public.request_assignments a
                     WHERE a.request_id = p_request AND a.party_id = public.vigil_party() AND a.removed_at IS NULL)
  $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION vigil_handles_request(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION vigil_handles_request(uuid) TO vigil_app;
--> statement-breakpoint
ALTER POLICY requests_parties_read ON requests
  USING ((sender_party_id = vigil_party() OR (requested_party_id = vigil_party() AND state <> 'draft'))
         AND (coalesce((handling_conditions->>'sensitive')::boolean, false) = false OR vigil_handles_request(id)));
--> statement-breakpoint
ALTER POLICY requests_parties_update ON requests
  USING ((sender_party_id = vigil_party() OR (requested_party_id = vigil_party() AND state <> 'draft'))
         AND (coalesce((handling_conditions->>'sensitive')::boolean, false) = false OR vigil_handles_request(id)));
--> statement-breakpoint

-- Handlers: seen by whoever sees the request; added and removed in one's own Party's name. The
-- rows are the history (removal stamps removed_at); only the retention purge (system) deletes them.
ALTER TABLE request_assignments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY request_assignments_system ON request_assignments TO vigil_app
  USING (vigil_is_system()) WITH CHECK (vigil_is_system());
--> statement-breakpoint
CREATE POLICY request_assignments_read ON request_assignments FOR SELECT TO vigil_app
  USING (vigil_sees_request(request_id));
--> statement-breakpoint
CREATE POLICY request_assignments_insert ON request_assignments FOR INSERT TO vigil_app
  WITH CHECK (party_id = vigil_party() AND vigil_sees_request(request_id));
--> statement-breakpoint
CREATE POLICY request_assignments_update ON request_assignments FOR UPDATE TO vigil_app
  USING (party_id = vigil_party() AND vigil_sees_request(request_id))
  WITH CHECK (party_id = vigil_party());
--> statement-breakpoint

-- A purpose is its user's: given and read by them only (the audit trail is the Party's record).
ALTER TABLE request_access_purposes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY request_access_purposes_system ON request_access_purposes TO vigil_app
  USING (vigil_is_system()) WITH CHECK (vigil_is_system());
--> statement-breakpoint
CREATE POLICY request_access_purposes_read ON request_access_purposes FOR SELECT TO vigil_app
  USING (user_id = vigil_user());
--> statement-breakpoint
CREATE POLICY request_access_purposes_insert ON request_access_purposes FOR INSERT TO vigil_app
  WITH CHECK (user_id = vigil_user() AND vigil_sees_request(request_id));
--> statement-breakpoint
REVOKE UPDATE ON request_access_purposes FROM vigil_app;
--> statement-breakpoint

-- The purge also blanks who was assigned on the timeline (a person's name), like the acting users.
CREATE OR REPLACE FUNCTION scrub_purged_request_events(p_request uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  n integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM requests WHERE id = p_request AND purged_at IS NOT NULL) THEN
    RAISE EXCEPTION 'request % is not purged: its timeline stays as it is', p_request;
  END IF;
  -- An attachment's file name or an assignee's name may name a person: they go too (the other facts name institutions).
  UPDATE request_events SET note = NULL, actor_user_id = NULL, receipt = NULL, facts = facts - 'attachment' - 'assignee'
    WHERE request_id = p_request
      AND (note IS NOT NULL OR actor_user_id IS NOT NULL OR receipt IS NOT NULL OR facts ? 'attachment' OR facts ? 'assignee');
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$$;
