CREATE TYPE "public"."session_state" AS ENUM('pending_totp', 'pending_enrolment', 'active');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('secretariat', 'party_admin', 'officer', 'observer');--> statement-breakpoint
CREATE TYPE "public"."contact_point_type" AS ENUM('police', 'prosecution', 'ministry_of_justice', 'security_service', 'cybersecurity', 'other');--> statement-breakpoint
CREATE TYPE "public"."party_status" AS ENUM('party', 'signatory', 'observer');--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text,
	"actor_party_id" uuid,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"ip" text,
	"user_agent" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recovery_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"state" "session_state" NOT NULL,
	"csrf_token" text NOT NULL,
	"pending_totp_secret" text,
	"ip" text,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"absolute_expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "user_role" NOT NULL,
	"party_id" uuid,
	"locale" text DEFAULT 'en' NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"totp_secret" text,
	"totp_enabled_at" timestamp with time zone,
	"totp_last_step" integer,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_party_matches_role" CHECK (("users"."role" = 'secretariat' AND "users"."party_id" IS NULL) OR ("users"."role" <> 'secretariat' AND "users"."party_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "contact_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"party_id" uuid NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"type" "contact_point_type" NOT NULL,
	"institution" text NOT NULL,
	"unit" text,
	"address" text,
	"phones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"emails" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"secure_channels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"available_247" boolean DEFAULT true NOT NULL,
	"time_zone" text NOT NULL,
	"opening_hours" jsonb,
	"out_of_hours" text,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"instructions" text,
	"functions" text[] DEFAULT '{}'::text[] NOT NULL,
	"handles_sap" boolean DEFAULT false NOT NULL,
	"mla_coordination" text,
	"networks" text[] DEFAULT '{}'::text[] NOT NULL,
	"last_confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"iso2" text NOT NULL,
	"name_en" text NOT NULL,
	"name_fr" text NOT NULL,
	"alt_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "party_status" DEFAULT 'party' NOT NULL,
	"convention_ratified_on" date,
	"sap_ratified_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "parties_iso2_unique" UNIQUE("iso2")
);
--> statement-breakpoint
ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_points" ADD CONSTRAINT "contact_points_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_user_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "recovery_codes_user_idx" ON "recovery_codes" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "users_party_idx" ON "users" USING btree ("party_id");--> statement-breakpoint
CREATE INDEX "contact_points_party_idx" ON "contact_points" USING btree ("party_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_points_one_primary" ON "contact_points" USING btree ("party_id") WHERE "contact_points"."is_primary";