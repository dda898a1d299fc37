ALTER TYPE "public"."user_role" ADD VALUE 'auditor';--> statement-breakpoint
-- Hand-written from here to the end: an auditor (a Party's independent supervisory authority,
-- SAP Art. 14(13–14)) reads what the permissive policies of 0012_party_isolation.sql and
-- 0015_dpcontrols.sql let its Party read, and writes nothing. RESTRICTIVE policies are ANDed with
-- the permissive ones: for every other actor they change nothing. The role is compared as text
-- (vigil.role), so nothing here uses the enum value added above in the same transaction.
-- A sensitive request (0018) is known to the Parties' admins and, for its oversight, to the
-- Party's auditor, besides its handlers (the auditor still gives a purpose in the application).
CREATE OR REPLACE FUNCTION vigil_handles_request(p_request uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
    SELECT public.vigil_is_system()
      OR coalesce(current_setting('vigil.role', true), '') IN ('party_admin', 'auditor')
      OR (public.vigil_user() IS NULL AND public.vigil_party() IS NOT NULL)
      OR EXISTS (SELECT 1 FROM public.request_assignments a
                 WHERE a.request_id = p_request AND a.user_id = public.vigil_user() AND a.removed_at IS NULL)
      OR NOT EXISTS (SELECT 1 FROM public.request_assignments a
                     WHERE a.request_id = p_request AND a.party_id = public.vigil_party() AND a.removed_at IS NULL)
  $$;--> statement-breakpoint
CREATE FUNCTION vigil_is_auditor() RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT coalesce(current_setting('vigil.role', true), '') = 'auditor' $$;--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'requests', 'request_events', 'request_messages', 'request_attachments', 'calendar_feeds',
    'api_tokens', 'webhooks', 'onward_transfers', 'transfer_suspensions',
    'security_incidents', 'security_incident_parties', 'security_incident_updates',
    -- Handling a request and answering a ping test are writes too; giving a purpose is not
    -- (request_access_purposes): an auditor says why it opens a request like anyone else.
    'request_assignments', 'ping_targets'
  ] LOOP
    EXECUTE format('CREATE POLICY %I ON %I AS RESTRICTIVE FOR INSERT TO vigil_app WITH CHECK (NOT vigil_is_auditor())',
                   t || '_auditor_no_insert', t);
    EXECUTE format('CREATE POLICY %I ON %I AS RESTRICTIVE FOR UPDATE TO vigil_app USING (NOT vigil_is_auditor())',
                   t || '_auditor_no_update', t);
    EXECUTE format('CREATE POLICY %I ON %I AS RESTRICTIVE FOR DELETE TO vigil_app USING (NOT vigil_is_auditor())',
                   t || '_auditor_no_delete', t);
  END LOOP;
END
$$;
