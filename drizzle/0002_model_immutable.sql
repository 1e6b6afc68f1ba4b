-- A published or retired model version is evidence that evaluations point at: the database
-- itself refuses to change its content, to turn it back into a draft, or to delete it, so
-- that no code path (or hand-written SQL) can rewrite history. Status changes forward
-- (published -> retired) and bookkeeping columns stay possible.
CREATE FUNCTION model_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		IF OLD.status <> 'draft' THEN
			RAISE EXCEPTION 'model version % is % and cannot be deleted', OLD.number, OLD.status
				USING ERRCODE = 'object_not_in_prerequisite_state';
		END IF;
		RETURN OLD;
	END IF;
	IF OLD.status <> 'draft' AND NEW.document IS DISTINCT FROM OLD.document THEN
		RAISE EXCEPTION 'model version % is % and its document cannot be changed', OLD.number, OLD.status
			USING ERRCODE = 'object_not_in_prerequisite_state';
	END IF;
	IF OLD.status <> 'draft' AND NEW.status = 'draft' THEN
		RAISE EXCEPTION 'model version % is % and cannot become a draft again', OLD.number, OLD.status
			USING ERRCODE = 'object_not_in_prerequisite_state';
	END IF;
	IF OLD.status = 'retired' AND NEW.status <> 'retired' THEN
		RAISE EXCEPTION 'model version % is retired and cannot be published again', OLD.number
			USING ERRCODE = 'object_not_in_prerequisite_state';
	END IF;
	RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER model_version_immutable
	BEFORE UPDATE OR DELETE ON model_version
	FOR EACH ROW EXECUTE FUNCTION model_version_guard();
