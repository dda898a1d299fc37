CREATE TYPE "public"."request_feedback_rating" AS ENUM('useful', 'partly_useful', 'not_useful');--> statement-breakpoint
CREATE TYPE "public"."request_parent_relation" AS ENUM('extension', 'mla_follow_up', 'follow_up');--> statement-breakpoint
CREATE TYPE "public"."request_state" AS ENUM('draft', 'sent', 'acknowledged', 'in_progress', 'executed', 'partially_executed', 'refused', 'closed');--> statement-breakpoint
CREATE TYPE "public"."request_type" AS ENUM('preservation', 'traffic_disclosure', 'subscriber_information', 'emergency_disclosure', 'emergency_mutual_assistance', 'technical_advice', 'legal_information', 'locating_suspects', 'collection_of_evidence', 'other');--> statement-breakpoint
CREATE TYPE "public"."request_event_kind" AS ENUM('created', 'sent', 'transition', 'reminder', 'escalation', 'message', 'feedback', 'preservation_warning');--> statement-breakpoint
CREATE SEQUENCE "public"."request_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "request_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "request_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"request_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" "request_event_kind" NOT NULL,
	"from_state" "request_state",
	"to_state" "request_state",
	"actor_user_id" uuid,
	"actor_party_id" uuid,
	"note" text,
	"receipt" text
);
--> statement-breakpoint
CREATE TABLE "request_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "request_messages_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"request_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"author_user_id" uuid,
	"party_id" uuid NOT NULL,
	"body" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text,
	"type" "request_type" NOT NULL,
	"state" "request_state" DEFAULT 'draft' NOT NULL,
	"emergency" boolean DEFAULT false NOT NULL,
	"sender_party_id" uuid NOT NULL,
	"sender_user_id" uuid,
	"requested_party_id" uuid,
	"contact_point_id" uuid,
	"escalated_to_id" uuid,
	"language" text,
	"reference" text,
	"content" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"handling_conditions" jsonb,
	"parent_id" uuid,
	"parent_relation" "request_parent_relation",
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"ack_due_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"answer_due_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"preserved_on" date,
	"preservation_expires_on" date,
	"preservation_warned_at" timestamp with time zone,
	"feedback_rating" "request_feedback_rating",
	"feedback_comment" text,
	"feedback_at" timestamp with time zone,
	CONSTRAINT "requests_number_unique" UNIQUE("number")
);
--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_actor_party_id_parties_id_fk" FOREIGN KEY ("actor_party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_messages" ADD CONSTRAINT "request_messages_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_messages" ADD CONSTRAINT "request_messages_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_messages" ADD CONSTRAINT "request_messages_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_sender_party_id_parties_id_fk" FOREIGN KEY ("sender_party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_sender_user_id_users_id_fk" FOREIGN KEY ("sender_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_requested_party_id_parties_id_fk" FOREIGN KEY ("requested_party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_contact_point_id_contact_points_id_fk" FOREIGN KEY ("contact_point_id") REFERENCES "public"."contact_points"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_escalated_to_id_contact_points_id_fk" FOREIGN KEY ("escalated_to_id") REFERENCES "public"."contact_points"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_parent_id_requests_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "request_events_request_idx" ON "request_events" USING btree ("request_id","at");--> statement-breakpoint
CREATE INDEX "request_messages_request_idx" ON "request_messages" USING btree ("request_id","at");--> statement-breakpoint
CREATE INDEX "requests_inbox_idx" ON "requests" USING btree ("requested_party_id","state","sent_at");--> statement-breakpoint
CREATE INDEX "requests_outbox_idx" ON "requests" USING btree ("sender_party_id","state","created_at");--> statement-breakpoint
CREATE INDEX "requests_parent_idx" ON "requests" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "requests_ack_due_idx" ON "requests" USING btree ("ack_due_at") WHERE state = 'sent';--> statement-breakpoint
-- The timeline is append-only for the application (deleting a draft removes its steps through
-- the foreign key's cascade, which runs as the table owner).
REVOKE UPDATE, DELETE, TRUNCATE ON request_events FROM vigil_app;
