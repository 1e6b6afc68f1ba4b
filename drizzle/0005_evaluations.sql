CREATE TYPE "public"."capacity_effect" AS ENUM('helps', 'hinders');--> statement-breakpoint
CREATE TYPE "public"."evaluation_status" AS ENUM('planned', 'preparation', 'execution', 'reporting', 'finalised');--> statement-breakpoint
CREATE TYPE "public"."evidence_kind" AS ENUM('file', 'link');--> statement-breakpoint
CREATE TYPE "public"."finding_kind" AS ENUM('strength', 'concern', 'good_practice', 'risk');--> statement-breakpoint
CREATE TYPE "public"."perspective" AS ENUM('student', 'teacher', 'work_field', 'management', 'board', 'support', 'external');--> statement-breakpoint
CREATE TYPE "public"."subject_level" AS ENUM('team', 'institution');--> statement-breakpoint
CREATE TABLE "capacity_assessment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"capacity_key" text NOT NULL,
	"perspective" "perspective" NOT NULL,
	"respondent" text NOT NULL,
	"effect" "capacity_effect" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"instrument_type_id" uuid NOT NULL,
	"subject_level" "subject_level" NOT NULL,
	"institution_id" uuid NOT NULL,
	"team_id" uuid,
	"model_version_id" uuid NOT NULL,
	"title" text NOT NULL,
	"scope_standard_keys" text[] NOT NULL,
	"scope_value_keys" text[] NOT NULL,
	"scope_all" boolean DEFAULT true NOT NULL,
	"status" "evaluation_status" DEFAULT 'planned' NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"perspectives" "perspective"[] NOT NULL,
	"plan" text DEFAULT '' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"revision_of" uuid,
	"revision_reason" text,
	"superseded_by" uuid,
	"lock" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finalised_at" timestamp with time zone,
	"finalised_by" text,
	CONSTRAINT "evaluation_subject" CHECK (("evaluation"."subject_level" = 'team' and "evaluation"."team_id" is not null) or ("evaluation"."subject_level" = 'institution' and "evaluation"."team_id" is null))
);
--> statement-breakpoint
CREATE TABLE "evaluation_participant" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"perspective" "perspective" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text
);
--> statement-breakpoint
CREATE TABLE "evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"kind" "evidence_kind" NOT NULL,
	"title" text NOT NULL,
	"standard_key" text,
	"current_revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text
);
--> statement-breakpoint
CREATE TABLE "evidence_revision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evidence_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"evidence_date" date NOT NULL,
	"url" text,
	"file_name" text,
	"media_type" text,
	"size_bytes" integer,
	"sha256" text,
	"content" "bytea",
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text
);
--> statement-breakpoint
CREATE TABLE "finding" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"kind" "finding_kind" NOT NULL,
	"value_key" text,
	"standard_key" text,
	"perspective" "perspective",
	"text" text NOT NULL,
	"author_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instrument_type" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"level" "subject_level" NOT NULL,
	"self_evaluation" boolean DEFAULT false NOT NULL,
	"institution_id" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text
);
--> statement-breakpoint
CREATE TABLE "questionnaire_link" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"perspective" "perspective" NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	"answered_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rating" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"standard_key" text NOT NULL,
	"perspective" "perspective" NOT NULL,
	"respondent" text NOT NULL,
	"level_key" text,
	"rank" smallint,
	"motivation" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "capacity_assessment" ADD CONSTRAINT "capacity_assessment_evaluation_id_evaluation_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation" ADD CONSTRAINT "evaluation_instrument_type_id_instrument_type_id_fk" FOREIGN KEY ("instrument_type_id") REFERENCES "public"."instrument_type"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation" ADD CONSTRAINT "evaluation_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation" ADD CONSTRAINT "evaluation_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation" ADD CONSTRAINT "evaluation_model_version_id_model_version_id_fk" FOREIGN KEY ("model_version_id") REFERENCES "public"."model_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_participant" ADD CONSTRAINT "evaluation_participant_evaluation_id_evaluation_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_evaluation_id_evaluation_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_revision" ADD CONSTRAINT "evidence_revision_evidence_id_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding" ADD CONSTRAINT "finding_evaluation_id_evaluation_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_type" ADD CONSTRAINT "instrument_type_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_link" ADD CONSTRAINT "questionnaire_link_evaluation_id_evaluation_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating" ADD CONSTRAINT "rating_evaluation_id_evaluation_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "capacity_assessment_evaluation_id_capacity_key_respondent_index" ON "capacity_assessment" USING btree ("evaluation_id","capacity_key","respondent");--> statement-breakpoint
CREATE INDEX "evaluation_institution_id_status_index" ON "evaluation" USING btree ("institution_id","status");--> statement-breakpoint
CREATE INDEX "evaluation_team_id_finalised_at_index" ON "evaluation" USING btree ("team_id","finalised_at");--> statement-breakpoint
CREATE INDEX "evaluation_revision_of_index" ON "evaluation" USING btree ("revision_of");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_participant_evaluation_id_user_id_index" ON "evaluation_participant" USING btree ("evaluation_id","user_id");--> statement-breakpoint
CREATE INDEX "evaluation_participant_user_id_index" ON "evaluation_participant" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "evidence_evaluation_id_index" ON "evidence" USING btree ("evaluation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_revision_evidence_id_revision_index" ON "evidence_revision" USING btree ("evidence_id","revision");--> statement-breakpoint
CREATE INDEX "finding_evaluation_id_index" ON "finding" USING btree ("evaluation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "instrument_type_key_index" ON "instrument_type" USING btree ("key");--> statement-breakpoint
CREATE INDEX "instrument_type_institution_id_index" ON "instrument_type" USING btree ("institution_id");--> statement-breakpoint
CREATE UNIQUE INDEX "instrument_type_institution_name_ci" ON "instrument_type" USING btree ("institution_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaire_link_token_hash_index" ON "questionnaire_link" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "questionnaire_link_evaluation_id_index" ON "questionnaire_link" USING btree ("evaluation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rating_evaluation_id_standard_key_respondent_index" ON "rating" USING btree ("evaluation_id","standard_key","respondent");