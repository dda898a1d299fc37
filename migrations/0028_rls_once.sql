-- The policies of requests with each setting read once per statement. A function call in a
-- policy runs again for every row that a list or a count reads (thousands for one Party of a
-- large network); as a scalar subquery it is an InitPlan, evaluated once, and the planner
-- estimates the Party's rows from the column's statistics instead of guessing.
ALTER POLICY requests_system ON requests
  USING ((SELECT vigil_is_system())) WITH CHECK ((SELECT vigil_is_system()));
--> statement-breakpoint
ALTER POLICY requests_parties_read ON requests
  USING ((sender_party_id = (SELECT vigil_party())
          OR (requested_party_id = (SELECT vigil_party()) AND state <> 'draft'))
         AND (sensitive = false OR vigil_handles_request(id)));
--> statement-breakpoint
ALTER POLICY requests_parties_update ON requests
  USING ((sender_party_id = (SELECT vigil_party())
          OR (requested_party_id = (SELECT vigil_party()) AND state <> 'draft'))
         AND (sensitive = false OR vigil_handles_request(id)))
  WITH CHECK (sender_party_id = (SELECT vigil_party()) OR requested_party_id = (SELECT vigil_party()));
--> statement-breakpoint
ALTER POLICY requests_sender_insert ON requests
  WITH CHECK (sender_party_id = (SELECT vigil_party()) AND state = 'draft');
--> statement-breakpoint
ALTER POLICY requests_sender_delete_draft ON requests
  USING (sender_party_id = (SELECT vigil_party()) AND state = 'draft');
