ALTER TABLE "security_incidents" ADD COLUMN "purged_at" timestamp with time zone;--> statement-breakpoint
-- Hand-written from here to the end: the updates of an incident stay append-only for the
-- application (0015 revoked UPDATE); the retention purge alone may blank their notes and authors,
-- and only of an incident already marked purged. This function runs as the owner and does nothing
-- else.
CREATE OR REPLACE FUNCTION scrub_purged_incident_updates(p_incident uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  n integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM security_incidents WHERE id = p_incident AND purged_at IS NOT NULL) THEN
    RAISE EXCEPTION 'incident % is not purged: its updates stay as they are', p_incident;
  END IF;
  UPDATE security_incident_updates SET note = '', author_user_id = NULL
    WHERE incident_id = p_incident AND (note <> '' OR author_user_id IS NOT NULL);
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scrub_purged_incident_updates(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION scrub_purged_incident_updates(uuid) TO vigil_app;
