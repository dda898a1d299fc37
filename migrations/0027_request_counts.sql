ALTER TABLE "requests" ADD COLUMN "sensitive" boolean GENERATED ALWAYS AS (coalesce((handling_conditions->>'sensitive')::boolean, false)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "requests_inbox_counts_idx" ON "requests" USING btree ("requested_party_id","state","type","sender_party_id","ack_due_at","answer_due_at","purged_at","sensitive","id") WHERE state <> 'draft';--> statement-breakpoint
CREATE INDEX "requests_sender_counts_idx" ON "requests" USING btree ("sender_party_id","state","type","requested_party_id","ack_due_at","answer_due_at","purged_at","sensitive","id");--> statement-breakpoint
-- Hand-written from here: the policies of 0018, reading the new column instead of the JSON, so
-- that a count can be answered from the counting indexes without the rows.
ALTER POLICY requests_parties_read ON requests
  USING ((sender_party_id = vigil_party() OR (requested_party_id = vigil_party() AND state <> 'draft'))
         AND (sensitive = false OR vigil_handles_request(id)));
--> statement-breakpoint
ALTER POLICY requests_parties_update ON requests
  USING ((sender_party_id = vigil_party() OR (requested_party_id = vigil_party() AND state <> 'draft'))
         AND (sensitive = false OR vigil_handles_request(id)));
