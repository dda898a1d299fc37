CREATE TABLE "directory_release_files" (
	"release_id" uuid NOT NULL,
	"format" text NOT NULL,
	"body" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"rendered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "directory_release_files_release_id_format_pk" PRIMARY KEY("release_id","format"),
	CONSTRAINT "directory_release_files_format" CHECK ("directory_release_files"."format" in ('csv', 'vcard', 'pdf', 'docx'))
);
--> statement-breakpoint
ALTER TABLE "directory_release_files" ADD CONSTRAINT "directory_release_files_release_id_directory_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."directory_releases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Stored renderings of an immutable release never change: the application only adds them.
REVOKE UPDATE, DELETE, TRUNCATE ON directory_release_files FROM vigil_app;
