CREATE TABLE "sso_identity" (
	"provider_id" text NOT NULL,
	"subject" text NOT NULL,
	"user_id" text NOT NULL,
	"home_organization" text,
	"affiliations" text[] DEFAULT '{}'::text[] NOT NULL,
	"last_sign_in_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sso_identity_provider_id_subject_pk" PRIMARY KEY("provider_id","subject")
);
--> statement-breakpoint
ALTER TABLE "sso_identity" ADD CONSTRAINT "sso_identity_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sso_identity_user_id_index" ON "sso_identity" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sso_identity_home_organization_index" ON "sso_identity" USING btree ("home_organization");