-- Custom SQL migration file, put your code below! --
-- Hand-written (all of this file): Party isolation by row-level security (issue 6, point 1).
--
-- Every transaction of the application runs as vigil_app with vigil.user_id, vigil.party_id and
-- vigil.role set LOCAL (src/server/db/database.ts). These policies are the safety net behind the
-- application's own need-to-know filter (requests/access.ts): a query that forgets its WHERE
-- still sees only the acting Party's rows. Jobs act as vigil.role = 'system' and see everything.
--
-- ENABLE, not FORCE: the tables' owner is the migration and maintenance role (ownerTx) and owns
-- the SECURITY DEFINER functions below; the application never acts as the owner (every tx
-- switches to vigil_app), so FORCE would protect nothing and would make data migrations and the
-- aggregate functions see no rows.
--
-- The settings are a safety net against forgotten filters, not a boundary against SQL injection:
-- any role may set its own vigil.* settings. Parameterised queries are that boundary.

CREATE FUNCTION vigil_party() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('vigil.party_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE FUNCTION vigil_user() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('vigil.user_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE FUNCTION vigil_is_system() RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT coalesce(current_setting('vigil.role', true), '') = 'system' $$;
--> statement-breakpoint
-- Invoker's rights on purpose: the lookup goes through the requests policies themselves, so a
-- request's timeline, messages and files are visible exactly when the request is.
CREATE FUNCTION vigil_sees_request(request uuid) RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT EXISTS (SELECT 1 FROM public.requests r WHERE r.id = request) $$;
--> statement-breakpoint

-- Requests: the sender's Party sees its drafts and sent requests; the requested Party sees what
-- was sent to it (never a draft). Nobody else, the Secretariat included.
ALTER TABLE requests ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY requests_system ON requests TO vigil_app
  USING (vigil_is_system()) WITH CHECK (vigil_is_system());
--> statement-breakpoint
CREATE POLICY requests_parties_read ON requests FOR SELECT TO vigil_app
  USING (sender_party_id = vigil_party() OR (requested_party_id = vigil_party() AND state <> 'draft'));
--> statement-breakpoint
CREATE POLICY requests_sender_insert ON requests FOR INSERT TO vigil_app
  WITH CHECK (sender_party_id = vigil_party() AND state = 'draft');
--> statement-breakpoint
CREATE POLICY requests_parties_update ON requests FOR UPDATE TO vigil_app
  USING (sender_party_id = vigil_party() OR (requested_party_id = vigil_party() AND state <> 'draft'))
  WITH CHECK (sender_party_id = vigil_party() OR requested_party_id = vigil_party());
--> statement-breakpoint
CREATE POLICY requests_sender_delete_draft ON requests FOR DELETE TO vigil_app
  USING (sender_party_id = vigil_party() AND state = 'draft');
--> statement-breakpoint
-- The update policy lets either Party write its side; neither may hand the request to another
-- Party: the sender never changes, the requested Party only while it is a draft.
CREATE FUNCTION vigil_requests_keep_parties() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.sender_party_id IS DISTINCT FROM OLD.sender_party_id
     OR (OLD.state <> 'draft' AND NEW.requested_party_id IS DISTINCT FROM OLD.requested_party_id) THEN
    RAISE EXCEPTION 'a request keeps its Parties' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER requests_keep_parties BEFORE UPDATE ON requests
  FOR EACH ROW EXECUTE FUNCTION vigil_requests_keep_parties();
--> statement-breakpoint

-- What hangs off a request follows it; what a Party adds is written in its own name.
ALTER TABLE request_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY request_events_system ON request_events TO vigil_app
  USING (vigil_is_system()) WITH CHECK (vigil_is_system());
--> statement-breakpoint
CREATE POLICY request_events_read ON request_events FOR SELECT TO vigil_app
  USING (vigil_sees_request(request_id));
--> statement-breakpoint
CREATE POLICY request_events_insert ON request_events FOR INSERT TO vigil_app
  WITH CHECK (vigil_sees_request(request_id) AND actor_party_id = vigil_party());
--> statement-breakpoint
ALTER TABLE request_messages ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY request_messages_system ON request_messages TO vigil_app
  USING (vigil_is_system()) WITH CHECK (vigil_is_system());
--> statement-breakpoint
CREATE POLICY request_messages_read ON request_messages FOR SELECT TO vigil_app
  USING (vigil_sees_request(request_id));
--> statement-breakpoint
CREATE POLICY request_messages_insert ON request_messages FOR INSERT TO vigil_app
  WITH CHECK (vigil_sees_request(request_id) AND party_id = vigil_party());
--> statement-breakpoint
ALTER TABLE request_attachments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY request_attachments_system ON request_attachments TO vigil_app
  USING (vigil_is_system()) WITH CHECK (vigil_is_system());
--> statement-breakpoint
CREATE POLICY request_attachments_read ON request_attachments FOR SELECT TO vigil_app
  USING (vigil_sees_request(request_id));
--> statement-breakpoint
CREATE POLICY request_attachments_insert ON request_attachments FOR INSERT TO vigil_app
  WITH CHECK (vigil_sees_request(request_id) AND party_id = vigil_party());
--> statement-breakpoint

-- One user's own rows. The calendar feed by its secret URL is looked up as system, then read as
-- its user (requests/calendar.ts).
ALTER TABLE calendar_feeds ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY calendar_feeds_owner ON calendar_feeds TO vigil_app
  USING (user_id = vigil_user() OR vigil_is_system())
  WITH CHECK (user_id = vigil_user() OR vigil_is_system());
--> statement-breakpoint
-- A change notifies the other Party's users in its own transaction: anyone may write a
-- notification; only its recipient reads it or marks it read.
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY notifications_recipient ON notifications TO vigil_app
  USING (user_id = vigil_user() OR vigil_is_system())
  WITH CHECK (user_id = vigil_user() OR vigil_is_system());
--> statement-breakpoint
CREATE POLICY notifications_anyone_writes ON notifications FOR INSERT TO vigil_app
  WITH CHECK (true);
--> statement-breakpoint
-- notify() reads each recipient's channels and quiet hours in the sender's transaction (they
-- hold no case data), so reading stays open; only the user changes them.
ALTER TABLE notification_preferences ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY notification_preferences_read ON notification_preferences FOR SELECT TO vigil_app
  USING (true);
--> statement-breakpoint
CREATE POLICY notification_preferences_owner ON notification_preferences TO vigil_app
  USING (user_id = vigil_user() OR vigil_is_system())
  WITH CHECK (user_id = vigil_user() OR vigil_is_system());
--> statement-breakpoint
ALTER TABLE notification_quiet_hours ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY notification_quiet_hours_read ON notification_quiet_hours FOR SELECT TO vigil_app
  USING (true);
--> statement-breakpoint
CREATE POLICY notification_quiet_hours_owner ON notification_quiet_hours TO vigil_app
  USING (user_id = vigil_user() OR vigil_is_system())
  WITH CHECK (user_id = vigil_user() OR vigil_is_system());
--> statement-breakpoint

-- A Party's own rows. A Bearer token is resolved by its hash as system (http/guard.ts); webhook
-- deliveries run as system (webhooks/deliver.ts).
ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY api_tokens_party ON api_tokens TO vigil_app
  USING (party_id = vigil_party() OR vigil_is_system())
  WITH CHECK (party_id = vigil_party() OR vigil_is_system());
--> statement-breakpoint
ALTER TABLE webhooks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY webhooks_party ON webhooks TO vigil_app
  USING (party_id = vigil_party() OR vigil_is_system())
  WITH CHECK (party_id = vigil_party() OR vigil_is_system());
--> statement-breakpoint

-- A change tells the other Party's webhooks in its own transaction, without reading them: only
-- the ids of the enabled webhooks subscribed to the event (of one Party, or of all when p_party
-- is null). The URL and the signing secret stay with their Party and the delivery worker.
CREATE FUNCTION vigil_webhook_targets(p_party uuid, p_event text) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
    SELECT w.id FROM public.webhooks w
    WHERE w.disabled_at IS NULL AND p_event = ANY (w.events) AND (p_party IS NULL OR w.party_id = p_party)
  $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION vigil_webhook_targets(uuid, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION vigil_webhook_targets(uuid, text) TO vigil_app;
--> statement-breakpoint

-- The Network's figures (requests/overview.ts): counts and median times per Party and per type,
-- computed with the owner's rights over every request, returning numbers only: no id, number,
-- reference or content can come out of them. Who may ask is the application's stats.read.
CREATE FUNCTION vigil_request_overview(p_from date, p_to date)
  RETURNS TABLE (party_id uuid, sent int, received int, open int, emergencies int,
                 ack_minutes double precision, answer_minutes double precision)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
    WITH r AS (
      SELECT sender_party_id, requested_party_id, state, emergency, sent_at, acknowledged_at, answered_at
      FROM public.requests
      WHERE sent_at IS NOT NULL
        AND (p_from IS NULL OR sent_at >= p_from)
        AND (p_to IS NULL OR sent_at < p_to + 1)
    )
    SELECT p.id,
      (SELECT count(*)::int FROM r WHERE r.sender_party_id = p.id),
      (SELECT count(*)::int FROM r WHERE r.requested_party_id = p.id),
      (SELECT count(*)::int FROM r WHERE r.requested_party_id = p.id
         AND r.state IN ('sent', 'acknowledged', 'in_progress')),
      (SELECT count(*)::int FROM r WHERE r.requested_party_id = p.id AND r.emergency),
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.acknowledged_at - r.sent_at) / 60)
         FROM r WHERE r.requested_party_id = p.id AND r.acknowledged_at IS NOT NULL),
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.answered_at - r.sent_at) / 60)
         FROM r WHERE r.requested_party_id = p.id AND r.answered_at IS NOT NULL)
    FROM public.parties p
  $$;
--> statement-breakpoint
CREATE FUNCTION vigil_request_counts_by_type(p_from date, p_to date)
  RETURNS TABLE (type request_type, count int)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
    SELECT r.type, count(*)::int FROM public.requests r
    WHERE r.sent_at IS NOT NULL
      AND (p_from IS NULL OR r.sent_at >= p_from)
      AND (p_to IS NULL OR r.sent_at < p_to + 1)
    GROUP BY r.type
  $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION vigil_request_overview(date, date) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION vigil_request_counts_by_type(date, date) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION vigil_request_overview(date, date) TO vigil_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION vigil_request_counts_by_type(date, date) TO vigil_app;
