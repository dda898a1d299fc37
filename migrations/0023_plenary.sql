CREATE TYPE "public"."capacity_activity_kind" AS ENUM('contact_point_setup', 'workshop', 'study_visit', 'regional_meeting', 'training', 'other');--> statement-breakpoint
CREATE TYPE "public"."meeting_attendance_mode" AS ENUM('in_person', 'online');--> statement-breakpoint
CREATE TYPE "public"."meeting_participant_kind" AS ENUM('party', 'observer', 'organisation');--> statement-breakpoint
CREATE TYPE "public"."meeting_registration_status" AS ENUM('invited', 'registered', 'declined');--> statement-breakpoint
CREATE TABLE "capacity_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"kind" "capacity_activity_kind" NOT NULL,
	"countries" text[] DEFAULT '{}' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"project" text,
	"notes" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"kind" "meeting_participant_kind" NOT NULL,
	"country" text,
	"organisation" text,
	"mode" "meeting_attendance_mode" DEFAULT 'in_person' NOT NULL,
	"status" "meeting_registration_status" DEFAULT 'invited' NOT NULL,
	"attended" boolean DEFAULT false NOT NULL,
	"invited_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"place" text NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "exercise" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_registrations" ADD CONSTRAINT "meeting_registrations_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "capacity_activities_starts_on_idx" ON "capacity_activities" USING btree ("starts_on");--> statement-breakpoint
CREATE INDEX "meeting_registrations_meeting_idx" ON "meeting_registrations" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meetings_starts_on_idx" ON "meetings" USING btree ("starts_on");--> statement-breakpoint
-- Hand-written from here to the end. Annual meetings hold delegates' names and addresses and are
-- the Secretariat's (and the system's, for the demo loader); so are capacity-building activities.
ALTER TABLE meetings ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY meetings_secretariat ON meetings TO vigil_app
  USING (vigil_is_secretariat() OR vigil_is_system()) WITH CHECK (vigil_is_secretariat() OR vigil_is_system());--> statement-breakpoint
ALTER TABLE meeting_registrations ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY meeting_registrations_secretariat ON meeting_registrations TO vigil_app
  USING (vigil_is_secretariat() OR vigil_is_system()) WITH CHECK (vigil_is_secretariat() OR vigil_is_system());--> statement-breakpoint
ALTER TABLE capacity_activities ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY capacity_activities_secretariat ON capacity_activities TO vigil_app
  USING (vigil_is_secretariat() OR vigil_is_system()) WITH CHECK (vigil_is_secretariat() OR vigil_is_system());--> statement-breakpoint

-- Training exercises count in no statistic: the Network's figures leave them out (same
-- signatures as in 0012, so the grants stay).
CREATE OR REPLACE FUNCTION vigil_request_overview(p_from date, p_to date)
  RETURNS TABLE (party_id uuid, sent int, received int, open int, emergencies int,
                 ack_minutes double precision, answer_minutes double precision)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
    WITH r AS (
      SELECT sender_party_id, requested_party_id, state, emergency, sent_at, acknowledged_at, answered_at
      FROM public.requests
      WHERE sent_at IS NOT NULL AND NOT exercise
        AND (p_from IS NULL OR sent_at >= p_from)
        AND (p_to IS NULL OR sent_at < p_to + 1)
    )
    SELECT p.id,
      (SELECT count(*)::int FROM r WHERE r.sender_party_id = p.id),
      (SELECT count(*)::int FROM r WHERE r.requested_party_id = p.id),
      (SELECT count(*)::int FROM r WHERE r.requested_party_id = p.id
         AND r.state IN ('sent', 'acknowledged', 'in_progress')),
      (SELECT count(*)::int FROM r WHERE r.requested_party_id = p.id AND r.emergency),
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.acknowledged_at - r.sent_at) / 60)
         FROM r WHERE r.requested_party_id = p.id AND r.acknowledged_at IS NOT NULL),
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.answered_at - r.sent_at) / 60)
         FROM r WHERE r.requested_party_id = p.id AND r.answered_at IS NOT NULL)
    FROM public.parties p
  $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vigil_request_counts_by_type(p_from date, p_to date)
  RETURNS TABLE (type request_type, count int)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
    SELECT r.type, count(*)::int FROM public.requests r
    WHERE r.sent_at IS NOT NULL AND NOT r.exercise
      AND (p_from IS NULL OR r.sent_at >= p_from)
      AND (p_to IS NULL OR r.sent_at < p_to + 1)
    GROUP BY r.type
  $$;
--> statement-breakpoint
-- Sent and received per Party and type, and the Network's medians (statistics/requests.ts):
-- numbers only, exercises left out, like the two above.
CREATE FUNCTION vigil_request_flows(p_from date, p_to date)
  RETURNS TABLE (party_id uuid, type request_type, sent int, received int)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
    WITH r AS (
      SELECT sender_party_id, requested_party_id, type FROM public.requests
      WHERE sent_at IS NOT NULL AND NOT exercise
        AND (p_from IS NULL OR sent_at >= p_from)
        AND (p_to IS NULL OR sent_at < p_to + 1)
    ), sides AS (
      SELECT sender_party_id AS party_id, type, 1 AS s, 0 AS rc FROM r
      UNION ALL
      SELECT requested_party_id, type, 0, 1 FROM r WHERE requested_party_id IS NOT NULL
    )
    SELECT party_id, type, sum(s)::int, sum(rc)::int FROM sides GROUP BY party_id, type
  $$;
--> statement-breakpoint
CREATE FUNCTION vigil_request_network(p_from date, p_to date)
  RETURNS TABLE (sent int, ack_minutes double precision, answer_minutes double precision)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
    SELECT count(*)::int,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM acknowledged_at - sent_at) / 60)
        FILTER (WHERE acknowledged_at IS NOT NULL),
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - sent_at) / 60)
        FILTER (WHERE answered_at IS NOT NULL)
    FROM public.requests
    WHERE sent_at IS NOT NULL AND NOT exercise
      AND (p_from IS NULL OR sent_at >= p_from)
      AND (p_to IS NULL OR sent_at < p_to + 1)
  $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION vigil_request_flows(date, date) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION vigil_request_network(date, date) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION vigil_request_flows(date, date) TO vigil_app;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION vigil_request_network(date, date) TO vigil_app;
