ALTER TABLE "ping_targets" ADD COLUMN "handed_over_at" timestamp with time zone;--> statement-breakpoint
-- Hand-written from here to the end: ping tests are the Secretariat's; a Party's members see the
-- campaigns that pinged their Party and its own contact points' rows (to answer in Vigil), never
-- another Party's results; the links' token hashes are the Secretariat's and the system's only
-- (a link is looked up before anyone is known, as the system). Nothing is deleted by the
-- application: a campaign is closed, and its results are the history.
REVOKE DELETE, TRUNCATE ON ping_campaigns, ping_targets, ping_recipients FROM vigil_app;--> statement-breakpoint
ALTER TABLE ping_campaigns ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY ping_campaigns_secretariat ON ping_campaigns TO vigil_app
  USING (vigil_is_secretariat() OR vigil_is_system()) WITH CHECK (vigil_is_secretariat() OR vigil_is_system());--> statement-breakpoint
CREATE POLICY ping_campaigns_read ON ping_campaigns FOR SELECT TO vigil_app
  USING (EXISTS (SELECT 1 FROM ping_targets t WHERE t.campaign_id = ping_campaigns.id AND t.party_id = vigil_party()));--> statement-breakpoint
ALTER TABLE ping_targets ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY ping_targets_secretariat ON ping_targets TO vigil_app
  USING (vigil_is_secretariat() OR vigil_is_system()) WITH CHECK (vigil_is_secretariat() OR vigil_is_system());--> statement-breakpoint
CREATE POLICY ping_targets_read ON ping_targets FOR SELECT TO vigil_app
  USING (party_id = vigil_party());--> statement-breakpoint
CREATE POLICY ping_targets_answer ON ping_targets FOR UPDATE TO vigil_app
  USING (party_id = vigil_party()) WITH CHECK (party_id = vigil_party());--> statement-breakpoint
ALTER TABLE ping_recipients ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY ping_recipients_secretariat ON ping_recipients TO vigil_app
  USING (vigil_is_secretariat() OR vigil_is_system()) WITH CHECK (vigil_is_secretariat() OR vigil_is_system());
