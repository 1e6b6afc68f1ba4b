CREATE TYPE "public"."score_kind" AS ENUM('value', 'standard');--> statement-breakpoint
CREATE TABLE "evaluation_score" (
	"evaluation_id" uuid NOT NULL,
	"kind" "score_kind" NOT NULL,
	"key" text NOT NULL,
	"perspective" "perspective" NOT NULL,
	"respondents" integer NOT NULL,
	"rated_count" integer NOT NULL,
	"rank_sum" integer NOT NULL,
	"meets_count" integer NOT NULL,
	CONSTRAINT "evaluation_score_evaluation_id_kind_key_perspective_pk" PRIMARY KEY("evaluation_id","kind","key","perspective")
);
--> statement-breakpoint
CREATE TABLE "institution_distribution" (
	"institution_id" uuid NOT NULL,
	"value_key" text NOT NULL,
	"position_rank" smallint NOT NULL,
	"standard_rank" smallint NOT NULL,
	"teams" integer NOT NULL,
	CONSTRAINT "institution_distribution_institution_id_value_key_position_rank_standard_rank_pk" PRIMARY KEY("institution_id","value_key","position_rank","standard_rank")
);
--> statement-breakpoint
CREATE TABLE "institution_instrument_usage" (
	"institution_id" uuid NOT NULL,
	"instrument_type_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"evaluations" integer NOT NULL,
	"subjects" integer NOT NULL,
	CONSTRAINT "institution_instrument_usage_institution_id_instrument_type_id_year_pk" PRIMARY KEY("institution_id","instrument_type_id","year")
);
--> statement-breakpoint
CREATE TABLE "subject_instrument_usage" (
	"subject_id" uuid NOT NULL,
	"subject_level" "subject_level" NOT NULL,
	"institution_id" uuid NOT NULL,
	"team_id" uuid,
	"instrument_type_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"evaluations" integer NOT NULL,
	"last_finalised_at" timestamp with time zone NOT NULL,
	CONSTRAINT "subject_instrument_usage_subject_id_instrument_type_id_year_pk" PRIMARY KEY("subject_id","instrument_type_id","year")
);
--> statement-breakpoint
CREATE TABLE "subject_position" (
	"subject_id" uuid NOT NULL,
	"subject_level" "subject_level" NOT NULL,
	"institution_id" uuid NOT NULL,
	"team_id" uuid,
	"kind" "score_kind" NOT NULL,
	"key" text NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"model_version_id" uuid NOT NULL,
	"instrument_type_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"finalised_at" timestamp with time zone NOT NULL,
	"respondents" integer NOT NULL,
	"rated_count" integer NOT NULL,
	"rank_sum" integer NOT NULL,
	"position_rank" smallint,
	"standard_rank" smallint NOT NULL,
	CONSTRAINT "subject_position_subject_id_kind_key_pk" PRIMARY KEY("subject_id","kind","key")
);
--> statement-breakpoint
ALTER TABLE "evaluation_score" ADD CONSTRAINT "evaluation_score_evaluation_id_evaluation_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_distribution" ADD CONSTRAINT "institution_distribution_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_instrument_usage" ADD CONSTRAINT "institution_instrument_usage_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_instrument_usage" ADD CONSTRAINT "institution_instrument_usage_instrument_type_id_instrument_type_id_fk" FOREIGN KEY ("instrument_type_id") REFERENCES "public"."instrument_type"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_instrument_usage" ADD CONSTRAINT "subject_instrument_usage_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_instrument_usage" ADD CONSTRAINT "subject_instrument_usage_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_instrument_usage" ADD CONSTRAINT "subject_instrument_usage_instrument_type_id_instrument_type_id_fk" FOREIGN KEY ("instrument_type_id") REFERENCES "public"."instrument_type"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_position" ADD CONSTRAINT "subject_position_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_position" ADD CONSTRAINT "subject_position_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_position" ADD CONSTRAINT "subject_position_evaluation_id_evaluation_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_position" ADD CONSTRAINT "subject_position_model_version_id_model_version_id_fk" FOREIGN KEY ("model_version_id") REFERENCES "public"."model_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_position" ADD CONSTRAINT "subject_position_instrument_type_id_instrument_type_id_fk" FOREIGN KEY ("instrument_type_id") REFERENCES "public"."instrument_type"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "subject_instrument_usage_institution_id_year_index" ON "subject_instrument_usage" USING btree ("institution_id","year");--> statement-breakpoint
CREATE INDEX "subject_position_institution_id_kind_key_index" ON "subject_position" USING btree ("institution_id","kind","key");--> statement-breakpoint
CREATE INDEX "subject_position_evaluation_id_index" ON "subject_position" USING btree ("evaluation_id");