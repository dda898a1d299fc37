CREATE TYPE "public"."incident_data_category" AS ENUM('request_content', 'messages', 'attachments', 'directory_entries', 'user_accounts', 'audit_records', 'other');--> statement-breakpoint
CREATE TYPE "public"."incident_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."onward_recipient_kind" AS ENUM('state', 'organisation');--> statement-breakpoint
CREATE TYPE "public"."onward_transfer_status" AS ENUM('pending', 'authorised', 'refused');--> statement-breakpoint
ALTER TYPE "public"."request_event_kind" ADD VALUE 'onward_transfer_asked';--> statement-breakpoint
ALTER TYPE "public"."request_event_kind" ADD VALUE 'onward_transfer_authorised';--> statement-breakpoint
ALTER TYPE "public"."request_event_kind" ADD VALUE 'onward_transfer_refused';--> statement-breakpoint
CREATE TABLE "security_incident_parties" (
	"incident_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"notified_at" timestamp with time zone NOT NULL,
	CONSTRAINT "security_incident_parties_incident_id_party_id_pk" PRIMARY KEY("incident_id","party_id")
);
--> statement-breakpoint
CREATE TABLE "security_incident_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "security_incident_updates_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"incident_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"author_user_id" uuid,
	"note" text NOT NULL,
	"status" "incident_status"
);
--> statement-breakpoint
CREATE TABLE "security_incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	"description" text NOT NULL,
	"data_categories" "incident_data_category"[] NOT NULL,
	"request_numbers" text[] DEFAULT '{}'::text[] NOT NULL,
	"measures" text NOT NULL,
	"status" "incident_status" DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "onward_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"recipient_kind" "onward_recipient_kind" NOT NULL,
	"recipient_state" text,
	"recipient_name" text,
	"purpose" text NOT NULL,
	"status" "onward_transfer_status" DEFAULT 'pending' NOT NULL,
	"asked_at" timestamp with time zone NOT NULL,
	"asked_by" uuid,
	"asked_by_label" text NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_by_label" text,
	"decision_note" text
);
--> statement-breakpoint
CREATE TABLE "transfer_suspensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_party_id" uuid NOT NULL,
	"to_party_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"suspended_at" timestamp with time zone NOT NULL,
	"suspended_by" uuid,
	"lifted_at" timestamp with time zone,
	"lifted_by" uuid,
	"lift_reason" text,
	CONSTRAINT "transfer_suspensions_two_parties" CHECK ("transfer_suspensions"."from_party_id" <> "transfer_suspensions"."to_party_id")
);
--> statement-breakpoint
ALTER TABLE "security_incident_parties" ADD CONSTRAINT "security_incident_parties_incident_id_security_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."security_incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_incident_parties" ADD CONSTRAINT "security_incident_parties_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_incident_updates" ADD CONSTRAINT "security_incident_updates_incident_id_security_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."security_incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_incident_updates" ADD CONSTRAINT "security_incident_updates_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_incidents" ADD CONSTRAINT "security_incidents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onward_transfers" ADD CONSTRAINT "onward_transfers_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onward_transfers" ADD CONSTRAINT "onward_transfers_asked_by_users_id_fk" FOREIGN KEY ("asked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onward_transfers" ADD CONSTRAINT "onward_transfers_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_suspensions" ADD CONSTRAINT "transfer_suspensions_from_party_id_parties_id_fk" FOREIGN KEY ("from_party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_suspensions" ADD CONSTRAINT "transfer_suspensions_to_party_id_parties_id_fk" FOREIGN KEY ("to_party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_suspensions" ADD CONSTRAINT "transfer_suspensions_suspended_by_users_id_fk" FOREIGN KEY ("suspended_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_suspensions" ADD CONSTRAINT "transfer_suspensions_lifted_by_users_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "security_incident_parties_party_idx" ON "security_incident_parties" USING btree ("party_id");--> statement-breakpoint
CREATE INDEX "security_incident_updates_incident_idx" ON "security_incident_updates" USING btree ("incident_id","at");--> statement-breakpoint
CREATE INDEX "onward_transfers_request_idx" ON "onward_transfers" USING btree ("request_id","asked_at");--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_suspensions_active_idx" ON "transfer_suspensions" USING btree ("from_party_id","to_party_id") WHERE lifted_at is null;--> statement-breakpoint
-- Hand-written from here to the end: the records of Art. 14 duties stay, and each Party sees only
-- its own (row-level security, like 0012_party_isolation.sql). Updates of an incident and the
-- Parties told of it are append-only for the application; suspensions and onward transfers are
-- never deleted by it (lifted and decided rows are the history).
REVOKE UPDATE, DELETE, TRUNCATE ON security_incident_updates, security_incident_parties FROM vigil_app;--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON transfer_suspensions, onward_transfers FROM vigil_app;--> statement-breakpoint
CREATE FUNCTION vigil_is_secretariat() RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT coalesce(current_setting('vigil.role', true), '') = 'secretariat' $$;--> statement-breakpoint
-- Onward transfers follow their request, like its timeline.
ALTER TABLE onward_transfers ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY onward_transfers_system ON onward_transfers TO vigil_app
  USING (vigil_is_system()) WITH CHECK (vigil_is_system());--> statement-breakpoint
CREATE POLICY onward_transfers_parties ON onward_transfers TO vigil_app
  USING (vigil_sees_request(request_id)) WITH CHECK (vigil_sees_request(request_id));--> statement-breakpoint
-- A suspension is seen by its two Parties and the Secretariat; made or lifted by the suspending
-- Party or the Secretariat on its behalf.
ALTER TABLE transfer_suspensions ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY transfer_suspensions_system ON transfer_suspensions TO vigil_app
  USING (vigil_is_system()) WITH CHECK (vigil_is_system());--> statement-breakpoint
CREATE POLICY transfer_suspensions_read ON transfer_suspensions FOR SELECT TO vigil_app
  USING (vigil_is_secretariat() OR from_party_id = vigil_party() OR to_party_id = vigil_party());--> statement-breakpoint
CREATE POLICY transfer_suspensions_insert ON transfer_suspensions FOR INSERT TO vigil_app
  WITH CHECK (vigil_is_secretariat() OR from_party_id = vigil_party());--> statement-breakpoint
CREATE POLICY transfer_suspensions_update ON transfer_suspensions FOR UPDATE TO vigil_app
  USING (vigil_is_secretariat() OR from_party_id = vigil_party())
  WITH CHECK (vigil_is_secretariat() OR from_party_id = vigil_party());--> statement-breakpoint
-- Incidents: written by the Secretariat; read by it and by the Parties they name.
ALTER TABLE security_incident_parties ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY security_incident_parties_secretariat ON security_incident_parties TO vigil_app
  USING (vigil_is_secretariat() OR vigil_is_system()) WITH CHECK (vigil_is_secretariat() OR vigil_is_system());--> statement-breakpoint
CREATE POLICY security_incident_parties_read ON security_incident_parties FOR SELECT TO vigil_app
  USING (party_id = vigil_party());--> statement-breakpoint
ALTER TABLE security_incidents ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY security_incidents_secretariat ON security_incidents TO vigil_app
  USING (vigil_is_secretariat() OR vigil_is_system()) WITH CHECK (vigil_is_secretariat() OR vigil_is_system());--> statement-breakpoint
CREATE POLICY security_incidents_read ON security_incidents FOR SELECT TO vigil_app
  USING (EXISTS (SELECT 1 FROM security_incident_parties p WHERE p.incident_id = id AND p.party_id = vigil_party()));--> statement-breakpoint
ALTER TABLE security_incident_updates ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY security_incident_updates_secretariat ON security_incident_updates TO vigil_app
  USING (vigil_is_secretariat() OR vigil_is_system()) WITH CHECK (vigil_is_secretariat() OR vigil_is_system());--> statement-breakpoint
CREATE POLICY security_incident_updates_read ON security_incident_updates FOR SELECT TO vigil_app
  USING (EXISTS (SELECT 1 FROM security_incident_parties p WHERE p.incident_id = security_incident_updates.incident_id AND p.party_id = vigil_party()));
