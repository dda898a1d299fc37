CREATE TYPE "public"."ping_answer_via" AS ENUM('link', 'app', 'phone');--> statement-breakpoint
CREATE TYPE "public"."ping_campaign_status" AS ENUM('scheduled', 'running', 'closed');--> statement-breakpoint
CREATE TYPE "public"."ping_schedule_mode" AS ENUM('now', 'at', 'window');--> statement-breakpoint
CREATE TABLE "ping_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"selection" jsonb NOT NULL,
	"mode" "ping_schedule_mode" NOT NULL,
	"window_from" timestamp with time zone,
	"window_to" timestamp with time zone,
	"scheduled_at" timestamp with time zone NOT NULL,
	"status" "ping_campaign_status" DEFAULT 'scheduled' NOT NULL,
	"fired_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"reminder_minutes" integer[] NOT NULL,
	"reminders_sent" integer DEFAULT 0 NOT NULL,
	"buckets_minutes" integer[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ping_recipients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"address" text NOT NULL,
	"token_hash" text NOT NULL,
	"token_sealed" "bytea",
	"expires_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ping_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"party_iso2" text NOT NULL,
	"party_name_en" text NOT NULL,
	"party_name_fr" text NOT NULL,
	"contact_point_id" uuid,
	"institution" text NOT NULL,
	"type" "contact_point_type" NOT NULL,
	"time_zone" text NOT NULL,
	"handed_over_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"via" "ping_answer_via",
	"answered_by" text,
	"note" text,
	"recorded_by" uuid
);
--> statement-breakpoint
ALTER TABLE "ping_campaigns" ADD CONSTRAINT "ping_campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ping_recipients" ADD CONSTRAINT "ping_recipients_campaign_id_ping_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."ping_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ping_recipients" ADD CONSTRAINT "ping_recipients_target_id_ping_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."ping_targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ping_targets" ADD CONSTRAINT "ping_targets_campaign_id_ping_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."ping_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ping_targets" ADD CONSTRAINT "ping_targets_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ping_targets" ADD CONSTRAINT "ping_targets_contact_point_id_contact_points_id_fk" FOREIGN KEY ("contact_point_id") REFERENCES "public"."contact_points"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ping_targets" ADD CONSTRAINT "ping_targets_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ping_campaigns_due_idx" ON "ping_campaigns" USING btree ("status","scheduled_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ping_recipients_token_idx" ON "ping_recipients" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "ping_recipients_target_idx" ON "ping_recipients" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "ping_recipients_campaign_idx" ON "ping_recipients" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "ping_targets_campaign_idx" ON "ping_targets" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "ping_targets_party_idx" ON "ping_targets" USING btree ("party_id","campaign_id");--> statement-breakpoint
-- Hand-written from here to the end: ping tests are the Secretariat's; a Party's members see the
-- campaigns that pinged their Party and its own contact points' rows (to answer in Vigil), never
-- another Party's results; the links' token hashes are the Secretariat's and the system's only
-- (a link is looked up before anyone is known, as the system). Nothing is deleted by the
-- application: a campaign is closed, and its results are the history.
REVOKE DELETE, TRUNCATE ON ping_campaigns, ping_targets, ping_recipients FROM vigil_app;--> statement-breakpoint
ALTER TABLE ping_campaigns ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY ping_campaigns_secretariat ON ping_campaigns TO vigil_app
  USING (vigil_is_secretariat() OR vigil_is_system()) WITH CHECK (vigil_is_secretariat() OR vigil_is_system());--> statement-breakpoint
CREATE POLICY ping_campaigns_read ON ping_campaigns FOR SELECT TO vigil_app
  USING (EXISTS (SELECT 1 FROM ping_targets t WHERE t.campaign_id = ping_campaigns.id AND t.party_id = vigil_party()));--> statement-breakpoint
ALTER TABLE ping_targets ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY ping_targets_secretariat ON ping_targets TO vigil_app
  USING (vigil_is_secretariat() OR vigil_is_system()) WITH CHECK (vigil_is_secretariat() OR vigil_is_system());--> statement-breakpoint
CREATE POLICY ping_targets_read ON ping_targets FOR SELECT TO vigil_app
  USING (party_id = vigil_party());--> statement-breakpoint
CREATE POLICY ping_targets_answer ON ping_targets FOR UPDATE TO vigil_app
  USING (party_id = vigil_party()) WITH CHECK (party_id = vigil_party());--> statement-breakpoint
ALTER TABLE ping_recipients ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY ping_recipients_secretariat ON ping_recipients TO vigil_app
  USING (vigil_is_secretariat() OR vigil_is_system()) WITH CHECK (vigil_is_secretariat() OR vigil_is_system());
