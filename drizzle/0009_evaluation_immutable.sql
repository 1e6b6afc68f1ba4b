-- A finalised (vastgesteld) evaluation is evidence: the database itself refuses to change
-- it, so that no code path (or hand-written SQL) can rewrite it. A correction is a new
-- revision; the only change a finalised evaluation still accepts is being superseded by
-- that revision, once.
CREATE FUNCTION evaluation_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF OLD.status <> 'finalised' THEN
		IF TG_OP = 'DELETE' THEN
			RETURN OLD;
		END IF;
		RETURN NEW;
	END IF;
	IF TG_OP = 'DELETE' THEN
		RAISE EXCEPTION 'evaluation % is finalised and cannot be deleted', OLD.id
			USING ERRCODE = 'object_not_in_prerequisite_state';
	END IF;
	IF (to_jsonb(NEW) - 'superseded_by') IS DISTINCT FROM (to_jsonb(OLD) - 'superseded_by') THEN
		RAISE EXCEPTION 'evaluation % is finalised and cannot be changed; make a revision', OLD.id
			USING ERRCODE = 'object_not_in_prerequisite_state';
	END IF;
	IF OLD.superseded_by IS NOT NULL AND NEW.superseded_by IS DISTINCT FROM OLD.superseded_by THEN
		RAISE EXCEPTION 'evaluation % is already superseded by %', OLD.id, OLD.superseded_by
			USING ERRCODE = 'object_not_in_prerequisite_state';
	END IF;
	RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER evaluation_immutable
	BEFORE UPDATE OR DELETE ON evaluation
	FOR EACH ROW EXECUTE FUNCTION evaluation_guard();
--> statement-breakpoint
-- The content of an evaluation (ratings, findings, capacities, evidence, participants,
-- questionnaire links) is checked once per statement against the rows it touched, so a
-- bulk insert of millions of ratings costs one join, not one lookup per row.
CREATE FUNCTION evaluation_content_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	finalised uuid;
BEGIN
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		SELECT e.id INTO finalised FROM evaluation e
			WHERE e.status = 'finalised' AND e.id IN (SELECT n.evaluation_id FROM new_rows n) LIMIT 1;
	END IF;
	IF finalised IS NULL AND TG_OP IN ('UPDATE', 'DELETE') THEN
		SELECT e.id INTO finalised FROM evaluation e
			WHERE e.status = 'finalised' AND e.id IN (SELECT o.evaluation_id FROM old_rows o) LIMIT 1;
	END IF;
	IF finalised IS NOT NULL THEN
		RAISE EXCEPTION 'evaluation % is finalised: % rows cannot be added, changed or deleted', finalised, TG_TABLE_NAME
			USING ERRCODE = 'object_not_in_prerequisite_state';
	END IF;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION evidence_revision_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	finalised uuid;
BEGIN
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		SELECT e.id INTO finalised FROM evaluation e JOIN evidence v ON v.evaluation_id = e.id
			WHERE e.status = 'finalised' AND v.id IN (SELECT n.evidence_id FROM new_rows n) LIMIT 1;
	END IF;
	IF finalised IS NULL AND TG_OP IN ('UPDATE', 'DELETE') THEN
		SELECT e.id INTO finalised FROM evaluation e JOIN evidence v ON v.evaluation_id = e.id
			WHERE e.status = 'finalised' AND v.id IN (SELECT o.evidence_id FROM old_rows o) LIMIT 1;
	END IF;
	IF finalised IS NOT NULL THEN
		RAISE EXCEPTION 'evaluation % is finalised: evidence revisions cannot be added, changed or deleted', finalised
			USING ERRCODE = 'object_not_in_prerequisite_state';
	END IF;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A trigger with transition tables handles one event, hence three per table.
DO $$
DECLARE
	t text;
	guard text;
BEGIN
	FOREACH t IN ARRAY ARRAY['rating', 'finding', 'capacity_assessment', 'evidence', 'evidence_revision',
		'evaluation_participant', 'questionnaire_link']
	LOOP
		guard := CASE WHEN t = 'evidence_revision' THEN 'evidence_revision_guard' ELSE 'evaluation_content_guard' END;
		EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
			FOR EACH STATEMENT EXECUTE FUNCTION %I()', t || '_finalised_insert', t, guard);
		EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
			FOR EACH STATEMENT EXECUTE FUNCTION %I()', t || '_finalised_update', t, guard);
		EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
			FOR EACH STATEMENT EXECUTE FUNCTION %I()', t || '_finalised_delete', t, guard);
	END LOOP;
END;
$$;
