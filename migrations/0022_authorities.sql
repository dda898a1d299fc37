CREATE TYPE "public"."authority_role" AS ENUM('mla', 'extradition', 'provisionalArrest');--> statement-breakpoint
CREATE TABLE "authority_campaign_parties" (
	"campaign_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"missing_when_asked" text[] NOT NULL,
	"asked_at" timestamp with time zone NOT NULL,
	"last_reminded_at" timestamp with time zone,
	CONSTRAINT "authority_campaign_parties_campaign_id_party_id_pk" PRIMARY KEY("campaign_id","party_id")
);
--> statement-breakpoint
CREATE TABLE "authority_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"started_by" uuid,
	"due_on" date,
	"last_reminder_at" timestamp with time zone,
	"reminders" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "authority_declarations" (
	"party_id" uuid NOT NULL,
	"role" "authority_role" NOT NULL,
	"reference" text NOT NULL,
	"declared_on" date NOT NULL,
	"fields" jsonb NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	CONSTRAINT "authority_declarations_party_id_role_pk" PRIMARY KEY("party_id","role")
);
--> statement-breakpoint
CREATE TABLE "authority_releases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" uuid,
	"document" jsonb NOT NULL,
	"body" text NOT NULL,
	"sha256" text NOT NULL,
	"jws" text NOT NULL,
	"kid" text NOT NULL,
	CONSTRAINT "authority_releases_version_unique" UNIQUE("version")
);
--> statement-breakpoint
CREATE TABLE "authority_submissions" (
	"party_id" uuid PRIMARY KEY NOT NULL,
	"fields" jsonb NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"submitted_by" uuid,
	"revision" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "authority_campaign_parties" ADD CONSTRAINT "authority_campaign_parties_campaign_id_authority_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."authority_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authority_campaign_parties" ADD CONSTRAINT "authority_campaign_parties_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authority_campaigns" ADD CONSTRAINT "authority_campaigns_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authority_declarations" ADD CONSTRAINT "authority_declarations_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authority_declarations" ADD CONSTRAINT "authority_declarations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authority_releases" ADD CONSTRAINT "authority_releases_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authority_submissions" ADD CONSTRAINT "authority_submissions_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authority_submissions" ADD CONSTRAINT "authority_submissions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "authority_campaign_parties_party_idx" ON "authority_campaign_parties" USING btree ("party_id");--> statement-breakpoint
-- Hand-written from here to the end: the authorities directory is shared with the Parties only.
-- Its members (Secretariat, Party admins, officers) read it; observers and auditors read nothing
-- (they hold no authorities permission). A Party answers only in its own name; the Secretariat
-- records declarations, enters answers on a Party's behalf, runs the campaigns and publishes
-- releases. Nothing is deleted by the application, and a release is never changed.
CREATE FUNCTION vigil_reads_authorities() RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT vigil_is_system() OR coalesce(current_setting('vigil.role', true), '') IN ('secretariat', 'party_admin', 'officer') $$;--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON authority_declarations, authority_submissions, authority_campaigns, authority_campaign_parties FROM vigil_app;--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON authority_releases FROM vigil_app;--> statement-breakpoint
ALTER TABLE authority_declarations ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY authority_declarations_read ON authority_declarations FOR SELECT TO vigil_app
  USING (vigil_reads_authorities());--> statement-breakpoint
CREATE POLICY authority_declarations_write ON authority_declarations TO vigil_app
  USING (vigil_is_secretariat() OR vigil_is_system()) WITH CHECK (vigil_is_secretariat() OR vigil_is_system());--> statement-breakpoint
ALTER TABLE authority_submissions ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY authority_submissions_read ON authority_submissions FOR SELECT TO vigil_app
  USING (vigil_reads_authorities());--> statement-breakpoint
CREATE POLICY authority_submissions_insert ON authority_submissions FOR INSERT TO vigil_app
  WITH CHECK (vigil_is_secretariat() OR vigil_is_system()
    OR (party_id = vigil_party() AND coalesce(current_setting('vigil.role', true), '') IN ('party_admin', 'officer')));--> statement-breakpoint
CREATE POLICY authority_submissions_update ON authority_submissions FOR UPDATE TO vigil_app
  USING (vigil_is_secretariat() OR vigil_is_system()
    OR (party_id = vigil_party() AND coalesce(current_setting('vigil.role', true), '') IN ('party_admin', 'officer')))
  WITH CHECK (vigil_is_secretariat() OR vigil_is_system()
    OR (party_id = vigil_party() AND coalesce(current_setting('vigil.role', true), '') IN ('party_admin', 'officer')));--> statement-breakpoint
ALTER TABLE authority_campaigns ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY authority_campaigns_secretariat ON authority_campaigns TO vigil_app
  USING (vigil_is_secretariat() OR vigil_is_system()) WITH CHECK (vigil_is_secretariat() OR vigil_is_system());--> statement-breakpoint
ALTER TABLE authority_campaign_parties ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY authority_campaign_parties_secretariat ON authority_campaign_parties TO vigil_app
  USING (vigil_is_secretariat() OR vigil_is_system()) WITH CHECK (vigil_is_secretariat() OR vigil_is_system());--> statement-breakpoint
ALTER TABLE authority_releases ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY authority_releases_read ON authority_releases FOR SELECT TO vigil_app
  USING (vigil_reads_authorities());--> statement-breakpoint
CREATE POLICY authority_releases_publish ON authority_releases FOR INSERT TO vigil_app
  WITH CHECK (vigil_is_secretariat() OR vigil_is_system());
