ALTER TABLE "request_counts" ADD COLUMN "due" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "due_at" timestamp with time zone GENERATED ALWAYS AS (case when state in ('sent', 'acknowledged', 'in_progress') and purged_at is null
               then least(case when state = 'sent' then ack_due_at end, answer_due_at) end) STORED;--> statement-breakpoint
CREATE INDEX "requests_inbox_due_idx" ON "requests" USING btree ("requested_party_id","due_at") WHERE due_at is not null;--> statement-breakpoint
CREATE INDEX "requests_sender_due_idx" ON "requests" USING btree ("sender_party_id","due_at") WHERE due_at is not null;--> statement-breakpoint
-- Hand-written from here: the kept counts also count, per (Party, side, state), the requests with a
-- deadline (due_at), so that the listing counts the overdue ones as those less the ones not yet due.
DROP TRIGGER requests_counted_update ON requests;
--> statement-breakpoint
CREATE FUNCTION vigil_request_count_add(p_party uuid, p_side text, p_state request_state, p_delta int, p_due int)
  RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO request_counts (party_id, side, state, n, due) VALUES (p_party, p_side, p_state, p_delta, p_due)
  ON CONFLICT (party_id, side, state) DO UPDATE
    SET n = request_counts.n + excluded.n, due = request_counts.due + excluded.due;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION vigil_request_count_add(uuid, text, request_state, int, int) FROM PUBLIC;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vigil_count_request() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  d int;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND NOT OLD.sensitive THEN
    d := CASE WHEN OLD.due_at IS NOT NULL THEN -1 ELSE 0 END;
    PERFORM vigil_request_count_add(OLD.sender_party_id, 'sent', OLD.state, -1, d);
    IF OLD.requested_party_id IS NOT NULL AND OLD.state <> 'draft' THEN
      PERFORM vigil_request_count_add(OLD.requested_party_id, 'received', OLD.state, -1, d);
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NOT NEW.sensitive THEN
    d := CASE WHEN NEW.due_at IS NOT NULL THEN 1 ELSE 0 END;
    PERFORM vigil_request_count_add(NEW.sender_party_id, 'sent', NEW.state, 1, d);
    IF NEW.requested_party_id IS NOT NULL AND NEW.state <> 'draft' THEN
      PERFORM vigil_request_count_add(NEW.requested_party_id, 'received', NEW.state, 1, d);
    END IF;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER requests_counted_update AFTER UPDATE ON requests
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.sender_party_id IS DISTINCT FROM NEW.sender_party_id
        OR OLD.requested_party_id IS DISTINCT FROM NEW.requested_party_id OR OLD.sensitive IS DISTINCT FROM NEW.sensitive
        OR (OLD.due_at IS NULL) <> (NEW.due_at IS NULL))
  EXECUTE FUNCTION vigil_count_request();
--> statement-breakpoint
DROP FUNCTION vigil_request_count_add(uuid, text, request_state, int);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vigil_recount_requests() RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  DELETE FROM request_counts;
  INSERT INTO request_counts (party_id, side, state, n, due)
    SELECT sender_party_id, 'sent', state, count(*), count(*) FILTER (WHERE due_at IS NOT NULL)
      FROM requests WHERE NOT sensitive GROUP BY 1, 3
    UNION ALL
    SELECT requested_party_id, 'received', state, count(*), count(*) FILTER (WHERE due_at IS NOT NULL)
      FROM requests WHERE NOT sensitive AND requested_party_id IS NOT NULL AND state <> 'draft' GROUP BY 1, 3;
$$;
--> statement-breakpoint
SELECT vigil_recount_requests();
