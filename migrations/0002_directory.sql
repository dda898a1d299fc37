CREATE TYPE "public"."directory_proposal_kind" AS ENUM('create_contact_point', 'update_contact_point', 'remove_contact_point', 'update_legal_profile');--> statement-breakpoint
CREATE TYPE "public"."directory_proposal_status" AS ENUM('pending', 'accepted', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TABLE "directory_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"party_id" uuid NOT NULL,
	"kind" "directory_proposal_kind" NOT NULL,
	"contact_point_id" uuid,
	"payload" jsonb,
	"base" jsonb,
	"base_revision" integer,
	"comment" text,
	"status" "directory_proposal_status" DEFAULT 'pending' NOT NULL,
	"reason" text,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "directory_releases" (
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
	CONSTRAINT "directory_releases_version_unique" UNIQUE("version")
);
--> statement-breakpoint
CREATE TABLE "legal_profiles" (
	"party_id" uuid PRIMARY KEY NOT NULL,
	"provider_retention" text,
	"preservation_days" integer,
	"preservation_extendable" boolean,
	"extension_note" text,
	"accepted_languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"accepted_templates" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signing_keys" (
	"kid" text PRIMARY KEY NOT NULL,
	"public_key_pem" text NOT NULL,
	"private_key_pem" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"link" text,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "contact_points" ADD COLUMN "encryption_keys" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "contact_points" ADD COLUMN "shared_with_observers" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "contact_points" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "contact_points" ADD COLUMN "search_compact" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "contact_points" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED;--> statement-breakpoint
ALTER TABLE "contact_points" ADD COLUMN "key_warning_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contact_points" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "parties" ADD COLUMN "last_reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "directory_proposals" ADD CONSTRAINT "directory_proposals_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_profiles" ADD CONSTRAINT "legal_profiles_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directory_proposals_status_idx" ON "directory_proposals" USING btree ("status","proposed_at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "contact_points_search_trgm" ON "contact_points" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contact_points_compact_trgm" ON "contact_points" USING gin ("search_compact" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contact_points_search_fts" ON "contact_points" USING gin ("search_vector");--> statement-breakpoint
-- A published release is immutable: the application may add releases, never change or drop one.
REVOKE UPDATE, DELETE, TRUNCATE ON directory_releases FROM vigil_app;
