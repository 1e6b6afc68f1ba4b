DROP INDEX "location_institution_id_name_index";--> statement-breakpoint
DROP INDEX "team_institution_id_name_index";--> statement-breakpoint
CREATE UNIQUE INDEX "location_institution_id_name_ci" ON "location" USING btree ("institution_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "team_institution_id_name_ci" ON "team" USING btree ("institution_id",lower("name"));