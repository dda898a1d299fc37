-- The version of a Party's boxes (listing-cache.ts), as one formula for both its readers: the
-- listing, which reads it in its own transaction, and a listing given again from memory, which
-- checks it with its COMMIT (possibly in a group of such checks under the system's actor, whence
-- owner's rights: the Party's id is the authenticated viewer's, and a version discloses no data).
-- The two counters of the Party only grow, so their sum moves whenever one does; the directory's
-- generation moves with the Parties' names shown in the listing.
CREATE FUNCTION vigil_request_box_version(p_party uuid) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT coalesce((SELECT sum(version) FROM request_box_versions WHERE party_id = p_party), 0)::text
         || ':' || (SELECT n FROM directory_generation WHERE id = 1)::text;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION vigil_request_box_version(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION vigil_request_box_version(uuid) TO vigil_app;
--> statement-breakpoint
-- Fails the transaction (VG412) unless the Party's boxes are still at the version given.
CREATE FUNCTION vigil_require_request_box_version(p_party uuid, p_version text) RETURNS boolean
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF vigil_request_box_version(p_party) IS DISTINCT FROM p_version THEN
    RAISE EXCEPTION 'the requests of this Party have changed since version %', p_version USING ERRCODE = 'VG412';
  END IF;
  RETURN true;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION vigil_require_request_box_version(uuid, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION vigil_require_request_box_version(uuid, text) TO vigil_app;
