CREATE TABLE "request_box_versions" (
	"party_id" uuid NOT NULL,
	"side" text NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "request_box_versions_party_id_side_pk" PRIMARY KEY("party_id","side")
);

--> statement-breakpoint
-- Hand-written from here. The versions move at the writer's commit (deferred constraint triggers,
-- as request_counts: after the audit record whose head every audited transaction locks first), in
-- the writer's transaction: a reader never sees a change without its version, nor the reverse.
-- One row per Party and side, so that a request between two Parties moves the sender's "sent" and
-- the requested Party's "received": two requests crossing each other lock different rows. Owner's
-- rights: the application role only reads its own Party's.
CREATE FUNCTION vigil_request_box_moved(p_party uuid, p_side text) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO request_box_versions (party_id, side, version) VALUES (p_party, p_side, 1)
  ON CONFLICT (party_id, side) DO UPDATE SET version = request_box_versions.version + 1;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION vigil_request_box_moved(uuid, text) FROM PUBLIC;
--> statement-breakpoint
-- Both boxes of a request between these Parties (the requested one is not set on a draft yet).
CREATE FUNCTION vigil_request_sides_moved(p_sender uuid, p_requested uuid) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM vigil_request_box_moved(p_sender, 'sent');
  IF p_requested IS NOT NULL THEN
    PERFORM vigil_request_box_moved(p_requested, 'received');
  END IF;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION vigil_request_sides_moved(uuid, uuid) FROM PUBLIC;
--> statement-breakpoint
-- Every change to a request moves both its boxes, before and after the change: what a listing
-- shows of a request (its columns, its deadlines, its Parties) is not worth sorting out here.
CREATE FUNCTION vigil_request_boxes_moved() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM vigil_request_sides_moved(OLD.sender_party_id, OLD.requested_party_id);
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (OLD.sender_party_id, OLD.requested_party_id)
                          IS DISTINCT FROM (NEW.sender_party_id, NEW.requested_party_id)) THEN
    PERFORM vigil_request_sides_moved(NEW.sender_party_id, NEW.requested_party_id);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER requests_box_moved AFTER INSERT OR UPDATE OR DELETE ON requests
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION vigil_request_boxes_moved();
--> statement-breakpoint
-- An assignment decides who sees a sensitive request (and whether it is "mine"): both boxes move.
CREATE FUNCTION vigil_request_assignment_moved() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  r record;
BEGIN
  SELECT sender_party_id, requested_party_id INTO r FROM requests
   WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.request_id ELSE NEW.request_id END;
  IF FOUND THEN
    PERFORM vigil_request_sides_moved(r.sender_party_id, r.requested_party_id);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER request_assignments_box_moved AFTER INSERT OR UPDATE OR DELETE ON request_assignments
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION vigil_request_assignment_moved();
--> statement-breakpoint
-- All boxes at once: after a TRUNCATE, and after rows were written with the triggers off (the
-- benchmark's generated requests, a bulk load by hand).
CREATE FUNCTION vigil_request_boxes_all_moved() RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO request_box_versions (party_id, side, version)
    SELECT p.id, s.side, 1 FROM parties p CROSS JOIN (VALUES ('sent'), ('received')) s(side)
  ON CONFLICT (party_id, side) DO UPDATE SET version = request_box_versions.version + 1;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION vigil_request_boxes_all_moved() FROM PUBLIC;
--> statement-breakpoint
CREATE FUNCTION vigil_request_boxes_truncated() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM vigil_request_boxes_all_moved();
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER requests_boxes_truncated AFTER TRUNCATE ON requests
  FOR EACH STATEMENT EXECUTE FUNCTION vigil_request_boxes_truncated();
--> statement-breakpoint
CREATE TRIGGER request_assignments_boxes_truncated AFTER TRUNCATE ON request_assignments
  FOR EACH STATEMENT EXECUTE FUNCTION vigil_request_boxes_truncated();
--> statement-breakpoint
SELECT vigil_request_boxes_all_moved();
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON request_box_versions FROM vigil_app;
--> statement-breakpoint
ALTER TABLE request_box_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY request_box_versions_own_party ON request_box_versions FOR SELECT TO vigil_app
  USING (party_id = (SELECT vigil_party()));
