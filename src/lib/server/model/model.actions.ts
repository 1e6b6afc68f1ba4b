import { fail, redirect, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import type { Database } from '../db/database.ts';
import { actionError, parseForm, type FormFailure } from '../http/forms.ts';
import { requireActor } from '../http/session.ts';
import type { DraftEdit } from './model.edit.ts';
import { getModelVersion, updateDraft } from './model.service.ts';

export interface DraftEditFailure extends FormFailure {
	/** Every problem the model check found, when the change made the document invalid. */
	problems: string[];
}

type EditEvent = Pick<RequestEvent, 'request' | 'locals' | 'url'> & { params: { id: string } };

/** The lock the form was rendered with; anything unreadable counts as stale. */
function lockOf(data: FormData): number {
	const lock = Number(data.get('lock'));
	return Number.isInteger(lock) && lock >= 0 ? lock : -1;
}

/** Puts document errors (`standards.3.title`) on the form's own fields (`title`). */
function relocate(failure: ActionFailure<FormFailure>, path: string | null): ActionFailure<DraftEditFailure> {
	const problems = Object.values(failure.data.errors);
	const errors: Record<string, string> = {};
	for (const [field, message] of Object.entries(failure.data.errors)) {
		errors[path && field.startsWith(`${path}.`) ? field.slice(path.length + 1) : field] ??= message;
	}
	return fail(failure.status, { ...failure.data, errors, problems: failure.status === 422 ? problems : [] });
}

/**
 * Runs one editor form: validates it, applies it to the current draft and saves with the
 * lock the form was rendered with. On success it redirects back to the changed part
 * (each form posts `formId` = its anchor, so a refused submit refills the right form);
 * on failure (422 invalid, 409 stale lock or published) the page keeps the person's input.
 */
export async function saveDraftEdit<S extends z.ZodType>(
	db: Database,
	event: EditEvent,
	edit: DraftEdit<S>
): Promise<ActionFailure<DraftEditFailure>> {
	const actor = requireActor(event);
	const data = await event.request.formData();
	const parsed = parseForm(edit.schema, data, edit.shape);
	if (!parsed.ok) return relocate(parsed.failure, null);
	const { id } = event.params;
	let changed: { path: string; anchor: string } | null = null;
	try {
		const current = await getModelVersion(db, actor, id);
		const result = edit.apply(structuredClone(current.document), parsed.data);
		changed = result;
		await updateDraft(db, actor, id, result.document, lockOf(data));
	} catch (error) {
		return relocate(actionError(error, data), changed?.path ?? null);
	}
	// The anchor names the part that changed (model keys are URL-safe), so the page can say "opgeslagen" there.
	redirect(303, `/model/${id}/bewerken?opgeslagen=${changed.anchor}#${changed.anchor}`);
}
