ALTER TABLE "evaluation" ADD COLUMN "client_token" text;--> statement-breakpoint
ALTER TABLE "finding" ADD COLUMN "client_token" text;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_client_token" ON "evaluation" USING btree ("created_by","client_token") WHERE "evaluation"."client_token" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "finding_client_token" ON "finding" USING btree ("evaluation_id","author_id","client_token") WHERE "finding"."client_token" is not null;