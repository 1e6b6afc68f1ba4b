CREATE TYPE "public"."live_prompt_kind" AS ENUM('rating', 'capacities', 'open_text', 'ranking', 'dot_vote', 'word_cloud');--> statement-breakpoint
CREATE TYPE "public"."live_prompt_state" AS ENUM('pending', 'open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."live_session_status" AS ENUM('draft', 'live', 'ended');--> statement-breakpoint
CREATE TABLE "live_answer" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"prompt_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"perspective" "perspective" NOT NULL,
	"multi" boolean NOT NULL,
	"payload" jsonb NOT NULL,
	"idempotency_key" text NOT NULL,
	"hidden_at" timestamp with time zone,
	"hidden_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "live_event" (
	"session_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"type" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "live_event_session_id_seq_pk" PRIMARY KEY("session_id","seq")
);
--> statement-breakpoint
CREATE TABLE "live_participant" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"perspective" "perspective" NOT NULL,
	"name" text,
	"token_hash" text NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "live_prompt" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" "live_prompt_kind" NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"state" "live_prompt_state" DEFAULT 'pending' NOT NULL,
	"revealed" boolean DEFAULT false NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "live_session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid,
	"team_id" uuid,
	"evaluation_id" uuid,
	"model_version_id" uuid NOT NULL,
	"title" text NOT NULL,
	"code" text NOT NULL,
	"status" "live_session_status" DEFAULT 'draft' NOT NULL,
	"perspectives" "perspective"[] NOT NULL,
	"current_prompt_id" uuid,
	"seq" bigint DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"kept_at" timestamp with time zone,
	"lock" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	"client_token" text
);
--> statement-breakpoint
CREATE TABLE "live_template" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"prompts" jsonb NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	"archived_at" timestamp with time zone,
	"client_token" text,
	CONSTRAINT "live_template_name_length" CHECK (char_length("live_template"."name") <= 200)
);
--> statement-breakpoint
ALTER TABLE "live_answer" ADD CONSTRAINT "live_answer_session_id_live_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."live_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_answer" ADD CONSTRAINT "live_answer_prompt_id_live_prompt_id_fk" FOREIGN KEY ("prompt_id") REFERENCES "public"."live_prompt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_answer" ADD CONSTRAINT "live_answer_participant_id_live_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."live_participant"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_event" ADD CONSTRAINT "live_event_session_id_live_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."live_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_participant" ADD CONSTRAINT "live_participant_session_id_live_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."live_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_prompt" ADD CONSTRAINT "live_prompt_session_id_live_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."live_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_session" ADD CONSTRAINT "live_session_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_session" ADD CONSTRAINT "live_session_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_session" ADD CONSTRAINT "live_session_evaluation_id_evaluation_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_session" ADD CONSTRAINT "live_session_model_version_id_model_version_id_fk" FOREIGN KEY ("model_version_id") REFERENCES "public"."model_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_template" ADD CONSTRAINT "live_template_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "live_answer_single" ON "live_answer" USING btree ("prompt_id","participant_id") WHERE not "live_answer"."multi";--> statement-breakpoint
CREATE UNIQUE INDEX "live_answer_idempotency" ON "live_answer" USING btree ("participant_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "live_answer_prompt_id_perspective_index" ON "live_answer" USING btree ("prompt_id","perspective");--> statement-breakpoint
CREATE UNIQUE INDEX "live_participant_token_hash_index" ON "live_participant" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "live_participant_session_id_perspective_index" ON "live_participant" USING btree ("session_id","perspective");--> statement-breakpoint
CREATE INDEX "live_prompt_session_id_position_index" ON "live_prompt" USING btree ("session_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "live_session_active_code" ON "live_session" USING btree ("code") WHERE "live_session"."status" <> 'ended';--> statement-breakpoint
CREATE INDEX "live_session_institution_id_created_at_index" ON "live_session" USING btree ("institution_id","created_at");--> statement-breakpoint
CREATE INDEX "live_session_evaluation_id_index" ON "live_session" USING btree ("evaluation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "live_session_client_token" ON "live_session" USING btree ("created_by","client_token") WHERE "live_session"."client_token" is not null;--> statement-breakpoint
CREATE INDEX "live_template_institution_id_index" ON "live_template" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "live_template_shared_index" ON "live_template" USING btree ("shared");--> statement-breakpoint
CREATE UNIQUE INDEX "live_template_client_token" ON "live_template" USING btree ("created_by","client_token") WHERE "live_template"."client_token" is not null;