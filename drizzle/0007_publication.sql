CREATE TYPE "public"."publication_audience" AS ENUM('members', 'public');--> statement-breakpoint
CREATE TABLE "publication" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"audience" "publication_audience" NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"figures" text DEFAULT '{}' NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" text,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "publication" ADD CONSTRAINT "publication_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "publication_institution_id_withdrawn_at_index" ON "publication" USING btree ("institution_id","withdrawn_at");