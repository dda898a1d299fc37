-- The application acts as vigil_app (created outside migrations: roles are server-wide).
-- It owns nothing, so row-level security policies will apply to it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO vigil_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO vigil_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO vigil_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO vigil_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO vigil_app;
--> statement-breakpoint
-- The audit trail is append-only for the application.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM vigil_app;
