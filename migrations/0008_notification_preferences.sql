CREATE TABLE "notification_preferences" (
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"in_app" boolean NOT NULL,
	"email" boolean NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notification_preferences_user_id_kind_pk" PRIMARY KEY("user_id","kind")
);
--> statement-breakpoint
CREATE TABLE "notification_quiet_hours" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notification_quiet_hours_times" CHECK ("notification_quiet_hours"."start_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND "notification_quiet_hours"."end_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND "notification_quiet_hours"."start_time" <> "notification_quiet_hours"."end_time")
);
--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_quiet_hours" ADD CONSTRAINT "notification_quiet_hours_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- 0001_grants' default privileges already cover tables the owner creates; granted explicitly as
-- well, so the application role can use them even if a different role ran this migration.
GRANT SELECT, INSERT, UPDATE, DELETE ON notification_preferences, notification_quiet_hours TO vigil_app;
