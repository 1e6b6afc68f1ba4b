CREATE TYPE "public"."ambition_target" AS ENUM('value', 'standard');--> statement-breakpoint
CREATE TYPE "public"."action_status" AS ENUM('open', 'in_progress', 'done', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."job_status" AS ENUM('pending', 'running', 'done', 'failed', 'cancelled');--> statement-breakpoint
CREATE TABLE "ambition" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"team_id" uuid,
	"model_version_id" uuid NOT NULL,
	"target_kind" "ambition_target" NOT NULL,
	"target_key" text NOT NULL,
	"level_key" text NOT NULL,
	"rank" smallint NOT NULL,
	"text" text NOT NULL,
	"set_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	CONSTRAINT "ambition_text_length" CHECK (char_length("ambition"."text") <= 5000)
);
--> statement-breakpoint
CREATE TABLE "action_note" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"text" text NOT NULL,
	"progress" smallint,
	"status" "action_status",
	"author_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "improvement_action" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"team_id" uuid,
	"evaluation_id" uuid,
	"finding_id" uuid,
	"title" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"value_key" text,
	"standard_key" text,
	"capacity_key" text,
	"owner_id" text,
	"due_on" date,
	"status" "action_status" DEFAULT 'open' NOT NULL,
	"progress" smallint DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "job" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"payload" jsonb NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"status" "job_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "ambition" ADD CONSTRAINT "ambition_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ambition" ADD CONSTRAINT "ambition_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ambition" ADD CONSTRAINT "ambition_model_version_id_model_version_id_fk" FOREIGN KEY ("model_version_id") REFERENCES "public"."model_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_note" ADD CONSTRAINT "action_note_action_id_improvement_action_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."improvement_action"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_action" ADD CONSTRAINT "improvement_action_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_action" ADD CONSTRAINT "improvement_action_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_action" ADD CONSTRAINT "improvement_action_evaluation_id_evaluation_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_action" ADD CONSTRAINT "improvement_action_finding_id_finding_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."finding"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ambition_institution_id_team_id_target_kind_target_key_set_on_index" ON "ambition" USING btree ("institution_id","team_id","target_kind","target_key","set_on");--> statement-breakpoint
CREATE INDEX "ambition_team_id_index" ON "ambition" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "action_note_action_id_created_at_index" ON "action_note" USING btree ("action_id","created_at");--> statement-breakpoint
CREATE INDEX "improvement_action_institution_id_team_id_status_index" ON "improvement_action" USING btree ("institution_id","team_id","status");--> statement-breakpoint
CREATE INDEX "improvement_action_owner_id_status_index" ON "improvement_action" USING btree ("owner_id","status");--> statement-breakpoint
CREATE INDEX "improvement_action_status_due_on_index" ON "improvement_action" USING btree ("status","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "job_dedupe_key_index" ON "job" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "job_status_run_at_index" ON "job" USING btree ("status","run_at");