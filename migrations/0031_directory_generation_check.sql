-- A search answered from an instance's memory (src/server/directory/search-cache.ts) checks, with
-- its audit record and in the same round trip as its COMMIT, that the directory is still at the
-- generation its answer was ranked at; if not, the transaction fails (VG409) and rolls back, and
-- the search runs again against the directory as it is. directory_generation is readable by all.
CREATE FUNCTION vigil_require_directory_generation(p_n bigint) RETURNS boolean
  LANGUAGE plpgsql STABLE SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM directory_generation WHERE id = 1 AND n = p_n) THEN
    RAISE EXCEPTION 'the directory has changed since generation %', p_n USING ERRCODE = 'VG409';
  END IF;
  RETURN true;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION vigil_require_directory_generation(bigint) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION vigil_require_directory_generation(bigint) TO vigil_app;
