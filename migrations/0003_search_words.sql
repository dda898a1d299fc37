CREATE TABLE "directory_search_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "directory_search_words_trgm" ON "directory_search_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
-- The words of the entries already stored.
INSERT INTO directory_search_words (word)
  SELECT DISTINCT w FROM contact_points, unnest(string_to_array(search_text, ' ')) AS w WHERE w <> ''
  ON CONFLICT DO NOTHING;
