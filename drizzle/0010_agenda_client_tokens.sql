ALTER TABLE "action_note" ADD COLUMN "client_token" text;--> statement-breakpoint
ALTER TABLE "improvement_action" ADD COLUMN "model_version_id" uuid;--> statement-breakpoint
ALTER TABLE "improvement_action" ADD COLUMN "client_token" text;--> statement-breakpoint
ALTER TABLE "improvement_action" ADD CONSTRAINT "improvement_action_model_version_id_model_version_id_fk" FOREIGN KEY ("model_version_id") REFERENCES "public"."model_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "action_note_client_token" ON "action_note" USING btree ("action_id","client_token");--> statement-breakpoint
CREATE INDEX "improvement_action_evaluation_id_index" ON "improvement_action" USING btree ("evaluation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "improvement_action_client_token" ON "improvement_action" USING btree ("created_by","client_token");--> statement-breakpoint
ALTER TABLE "improvement_action" ADD CONSTRAINT "improvement_action_title_length" CHECK (char_length("improvement_action"."title") <= 300);--> statement-breakpoint
ALTER TABLE "improvement_action" ADD CONSTRAINT "improvement_action_progress" CHECK ("improvement_action"."progress" between 0 and 100);