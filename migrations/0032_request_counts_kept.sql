CREATE TABLE "request_counts" (
	"party_id" uuid NOT NULL,
	"side" text NOT NULL,
	"state" "request_state" NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "request_counts_party_id_side_state_pk" PRIMARY KEY("party_id","side","state")
);
--> statement-breakpoint
CREATE INDEX "requests_inbox_sensitive_idx" ON "requests" USING btree ("requested_party_id","state","id") WHERE sensitive and state <> 'draft';--> statement-breakpoint
CREATE INDEX "requests_sender_sensitive_idx" ON "requests" USING btree ("sender_party_id","state","id") WHERE sensitive;--> statement-breakpoint
-- Hand-written from here. The counts move at the writer's commit (deferred constraint triggers):
-- after its audit record (queued for the commit, src/server/audit/log.ts), whose head row every
-- audited transaction locks first, so the counts' rows are locked in the order of that lock and
-- only while the transaction commits. Owner's rights: the application role only reads them.
CREATE FUNCTION vigil_request_count_add(p_party uuid, p_side text, p_state request_state, p_delta int)
  RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO request_counts (party_id, side, state, n) VALUES (p_party, p_side, p_state, p_delta)
  ON CONFLICT (party_id, side, state) DO UPDATE SET n = request_counts.n + excluded.n;
$$;
--> statement-breakpoint
CREATE FUNCTION vigil_count_request() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND NOT OLD.sensitive THEN
    PERFORM vigil_request_count_add(OLD.sender_party_id, 'sent', OLD.state, -1);
    IF OLD.requested_party_id IS NOT NULL AND OLD.state <> 'draft' THEN
      PERFORM vigil_request_count_add(OLD.requested_party_id, 'received', OLD.state, -1);
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NOT NEW.sensitive THEN
    PERFORM vigil_request_count_add(NEW.sender_party_id, 'sent', NEW.state, 1);
    IF NEW.requested_party_id IS NOT NULL AND NEW.state <> 'draft' THEN
      PERFORM vigil_request_count_add(NEW.requested_party_id, 'received', NEW.state, 1);
    END IF;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION vigil_request_count_add(uuid, text, request_state, int) FROM PUBLIC;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER requests_counted_insert AFTER INSERT ON requests
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION vigil_count_request();
--> statement-breakpoint
-- Only changes that move a request between counts: not its many other updates.
CREATE CONSTRAINT TRIGGER requests_counted_update AFTER UPDATE ON requests
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.sender_party_id IS DISTINCT FROM NEW.sender_party_id
        OR OLD.requested_party_id IS DISTINCT FROM NEW.requested_party_id OR OLD.sensitive IS DISTINCT FROM NEW.sensitive)
  EXECUTE FUNCTION vigil_count_request();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER requests_counted_delete AFTER DELETE ON requests
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION vigil_count_request();
--> statement-breakpoint
-- The counts recounted from the requests: here, and after rows were written with the triggers
-- off (the benchmark's generated requests, a bulk load by hand). Locks the counts meanwhile.
CREATE FUNCTION vigil_recount_requests() RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  DELETE FROM request_counts;
  INSERT INTO request_counts (party_id, side, state, n)
    SELECT sender_party_id, 'sent', state, count(*) FROM requests WHERE NOT sensitive GROUP BY 1, 3
    UNION ALL
    SELECT requested_party_id, 'received', state, count(*) FROM requests
     WHERE NOT sensitive AND requested_party_id IS NOT NULL AND state <> 'draft' GROUP BY 1, 3;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION vigil_recount_requests() FROM PUBLIC;
--> statement-breakpoint
SELECT vigil_recount_requests();
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON request_counts FROM vigil_app;
--> statement-breakpoint
ALTER TABLE request_counts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY request_counts_own_party ON request_counts FOR SELECT TO vigil_app USING (party_id = vigil_party());
