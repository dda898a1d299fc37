ALTER TYPE "public"."request_event_kind" ADD VALUE 'corrected';--> statement-breakpoint
CREATE TABLE "request_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "request_corrections_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"request_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_party_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"changes" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "request_corrections" ADD CONSTRAINT "request_corrections_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_corrections" ADD CONSTRAINT "request_corrections_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_corrections" ADD CONSTRAINT "request_corrections_actor_party_id_parties_id_fk" FOREIGN KEY ("actor_party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "request_corrections_request_idx" ON "request_corrections" USING btree ("request_id","at");--> statement-breakpoint
-- Hand-written from here to the end: a correction is seen exactly when its request is (as the
-- timeline and messages, 0012_party_isolation.sql), written only by the request's sender in its
-- own name, never changed afterwards, and removed only by the retention purge (system). An
-- auditor writes nothing (0020_auditor.sql).
ALTER TABLE request_corrections ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY request_corrections_system ON request_corrections TO vigil_app
  USING (vigil_is_system()) WITH CHECK (vigil_is_system());
--> statement-breakpoint
CREATE POLICY request_corrections_read ON request_corrections FOR SELECT TO vigil_app
  USING (vigil_sees_request(request_id));
--> statement-breakpoint
CREATE POLICY request_corrections_sender_insert ON request_corrections FOR INSERT TO vigil_app
  WITH CHECK (actor_party_id = vigil_party()
    AND EXISTS (SELECT 1 FROM public.requests r WHERE r.id = request_id AND r.sender_party_id = vigil_party()));
--> statement-breakpoint
CREATE POLICY request_corrections_auditor_no_insert ON request_corrections AS RESTRICTIVE FOR INSERT TO vigil_app
  WITH CHECK (NOT vigil_is_auditor());
