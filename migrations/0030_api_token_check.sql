-- A transaction acting as an API token checks, in its first statement, that the token is still
-- valid: an instance may then keep the tokens it has looked up in memory (src/server/http/guard.ts)
-- and still refuse a token revoked a moment ago on another instance, without a lookup of its own.
-- Runs as the owner: the token's row is outside what the caller's Party sees by its role alone.
-- Expiry is not checked here: it never changes, and Vigil's clock (not the database's) decides it.
CREATE FUNCTION vigil_require_api_token(p_token uuid) RETURNS boolean
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM api_tokens WHERE id = p_token AND revoked_at IS NULL) THEN
    RAISE EXCEPTION 'API token % is revoked or unknown', p_token USING ERRCODE = 'VG401';
  END IF;
  RETURN true;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION vigil_require_api_token(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION vigil_require_api_token(uuid) TO vigil_app;
