CREATE TABLE "directory_generation" (
	"id" integer PRIMARY KEY NOT NULL,
	"n" bigint NOT NULL
);
--> statement-breakpoint
-- Hand-written from here. The counter moves in the writer's transaction (the row lock is held
-- until its commit), so a reader that reads it before searching never files results of a newer
-- directory under an older value. Owner's rights: the trigger moves it whoever writes.
INSERT INTO "directory_generation" ("id", "n") VALUES (1, 0);
--> statement-breakpoint
ALTER TABLE "directory_generation" ADD CONSTRAINT "directory_generation_one_row" CHECK ("id" = 1);
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "directory_generation" FROM vigil_app;
--> statement-breakpoint
CREATE FUNCTION vigil_directory_changed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  BEGIN
    UPDATE public.directory_generation SET n = n + 1 WHERE id = 1;
    RETURN NULL;
  END
  $$;
--> statement-breakpoint
CREATE TRIGGER contact_points_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "contact_points"
  FOR EACH STATEMENT EXECUTE FUNCTION vigil_directory_changed();
--> statement-breakpoint
CREATE TRIGGER parties_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "parties"
  FOR EACH STATEMENT EXECUTE FUNCTION vigil_directory_changed();
--> statement-breakpoint
CREATE TRIGGER directory_search_words_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "directory_search_words"
  FOR EACH STATEMENT EXECUTE FUNCTION vigil_directory_changed();
