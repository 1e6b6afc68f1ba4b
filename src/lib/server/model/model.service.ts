import type { Database, Tx } from '../db/database.ts';
import { authorize, can, type Actor } from '../policy/policy.ts';
import { AppError, conflict, invalid, notFound, type FieldError } from '../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireId } from '../http/input.ts';
import { defaultModelDocument } from '../../domain/model/default-model.ts';
import { diffModelDocuments, type ModelDiff } from '../../domain/model/model-diff.ts';
import {
	parseModelDocument,
	parseModelJson,
	serializeModelDocument,
	type ModelDocument,
	type ModelError
} from '../../domain/model/model-document.ts';
import { modelPolicy } from './model.policy.ts';
import * as versions from './model.queries.ts';
import type { ModelVersionRow, ModelVersionSummary } from './model.queries.ts';

export type { ModelVersionRow, ModelVersionSummary } from './model.queries.ts';

/** Largest model file accepted for import; the shipped model is about 25 kB. */
export const maxImportBytes = 2 * 1024 * 1024;

const entityType = 'model_version';
const what = 'De modelversie';

const staleLock = () =>
	conflict(
		'Deze conceptversie is intussen door iemand anders gewijzigd. Bekijk de actuele inhoud en sla uw wijziging opnieuw op.'
	);
const notADraft = () =>
	conflict('Een gepubliceerde versie kan niet meer worden gewijzigd; maak een nieuwe conceptversie.');

/** Model errors as field errors: `standards[3].title` becomes field `standards.3.title` (a JSON pointer path). */
export function modelFieldErrors(errors: readonly ModelError[]): FieldError[] {
	return errors.map((e) => ({ field: e.path.replace(/\[(\d+)\]/g, '.$1'), message: e.message }));
}

function summarise(row: ModelVersionRow): ModelVersionSummary {
	const { document, createdBy: _c, publishedBy: _p, ...rest } = row;
	return { ...rest, name: document.name, exampleContent: document.exampleContent };
}

/** A version the actor may read; unknown ids and drafts hidden from them are both 404. */
async function findVisible(db: Tx, actor: Actor | null, id: string): Promise<ModelVersionRow> {
	authorize(actor, modelPolicy, 'model.read_published');
	requireId(id, what);
	const row = await versions.find(db, id);
	if (!row || (row.status === 'draft' && !can(actor, modelPolicy, 'model.read_draft'))) throw notFound(what);
	return row;
}

/** Versions newest first; drafts only for those who may read them. Throws 401 for nobody. */
export async function listModelVersions(
	db: Database,
	actor: Actor | null,
	options: { page: number; pageSize: number } = { page: 1, pageSize: 50 }
) {
	authorize(actor, modelPolicy, 'model.read_published');
	const includeDrafts = can(actor, modelPolicy, 'model.read_draft');
	const { items, total } = await versions.list(db, { includeDrafts, ...options });
	return { items, total, page: options.page, pageSize: options.pageSize };
}

/** One version with its document. Throws 404 for unknown ids and invisible drafts. */
export async function getModelVersion(
	db: Database,
	actor: Actor | null,
	id: string
): Promise<ModelVersionRow> {
	return findVisible(db, actor, id);
}

/** The model currently in force (the newest published version), for modules starting new work. */
export async function latestPublishedVersion(db: Database): Promise<ModelVersionRow | null> {
	return versions.latestPublished(db);
}

/** On an empty database, installs the shipped example model as version 1, published. */
export async function ensureDefaultModel(db: Database): Promise<ModelVersionRow | null> {
	return db.transaction(async (tx) => {
		if ((await versions.countAll(tx)) > 0) return null;
		// Another instance starting at the same moment may win the insert; then there is nothing to do.
		const row = await versions.insert(tx, {
			number: 1,
			status: 'published',
			document: structuredClone(defaultModelDocument),
			publishedAt: new Date()
		});
		if (row) {
			await recordAudit(tx, null, {
				action: 'model.install_default',
				entityType,
				entityId: row.id,
				details: { number: row.number }
			});
		}
		return row;
	});
}

/** Inserts the one open draft; throws 409 naming the existing draft when there is one. */
async function insertDraft(
	db: Database,
	actor: Actor,
	action: string,
	source: (tx: Tx) => Promise<{ document: ModelDocument; basedOn: ModelVersionRow | null }>
): Promise<ModelVersionRow> {
	return db.transaction(async (tx) => {
		const existing = await versions.openDraft(tx);
		if (existing) {
			throw conflict(
				`Er is al een conceptversie (versie ${existing.number}). Werk die bij, publiceer die of verwijder die eerst.`
			);
		}
		const { document, basedOn } = await source(tx);
		const row = await versions.insert(tx, {
			number: await versions.nextNumber(tx),
			status: 'draft',
			document,
			basedOnId: basedOn?.id ?? null,
			createdBy: actor.userId
		});
		// The unique indexes (number, one draft) refused it: someone else created a version just now.
		if (!row) throw conflict('Er is zojuist een andere versie aangemaakt. Laad de pagina opnieuw.');
		await recordAudit(tx, actor, {
			action,
			entityType,
			entityId: row.id,
			details: { number: row.number, basedOnNumber: basedOn?.number ?? null }
		});
		return row;
	});
}

/**
 * Starts a draft as a copy of the newest published version (else the newest version).
 * Only one draft can be open at a time. Throws 403, or 409 when a draft exists.
 */
export async function createDraft(db: Database, actor: Actor | null): Promise<ModelVersionRow> {
	authorize(actor, modelPolicy, 'model.create_draft');
	return insertDraft(db, actor, 'model.create_draft', async (tx) => {
		const basedOn = (await versions.latestPublished(tx)) ?? (await versions.newest(tx));
		return { document: structuredClone(basedOn?.document ?? defaultModelDocument), basedOn };
	});
}

/** Locks and returns a draft for changing; 404 when missing, 409 when no longer a draft. */
async function findDraftForUpdate(tx: Tx, id: string): Promise<ModelVersionRow> {
	requireId(id, what);
	const row = await versions.find(tx, id, true);
	if (!row) throw notFound(what);
	if (row.status !== 'draft') throw notADraft();
	return row;
}

/**
 * Replaces a draft's document. Throws 409 for a published version or a stale lock,
 * 422 listing every problem of an invalid document; nothing is written then.
 */
export async function updateDraft(
	db: Database,
	actor: Actor | null,
	id: string,
	document: unknown,
	expectedLock: number
): Promise<ModelVersionRow> {
	authorize(actor, modelPolicy, 'model.edit_draft');
	const parsed = parseModelDocument(document);
	return db.transaction(async (tx) => {
		const row = await findDraftForUpdate(tx, id);
		if (row.lock !== expectedLock) throw staleLock();
		if (!parsed.ok)
			throw invalid(modelFieldErrors(parsed.errors), 'Het model bevat fouten; er is niets opgeslagen.');
		const updated = await versions.updateLocked(tx, id, expectedLock, { document: parsed.document });
		if (!updated) throw staleLock();
		await recordAudit(tx, actor, {
			action: 'model.edit_draft',
			entityType,
			entityId: id,
			details: { number: row.number, lock: updated.lock }
		});
		return updated;
	});
}

/** Removes an open draft (nothing refers to drafts). Throws 409 for a published version. */
export async function discardDraft(db: Database, actor: Actor | null, id: string): Promise<void> {
	authorize(actor, modelPolicy, 'model.edit_draft');
	await db.transaction(async (tx) => {
		const row = await findDraftForUpdate(tx, id);
		await versions.remove(tx, id);
		await recordAudit(tx, actor, {
			action: 'model.discard_draft',
			entityType,
			entityId: id,
			details: { number: row.number }
		});
	});
}

/**
 * Publishes a draft; from then on it is immutable (also in the database). Earlier
 * published versions stay published; the newest one is the model in force.
 * Throws 409 when not a draft or when `expectedLock` is stale, 422 when the document is invalid.
 */
export async function publishVersion(
	db: Database,
	actor: Actor | null,
	id: string,
	expectedLock?: number
): Promise<ModelVersionRow> {
	authorize(actor, modelPolicy, 'model.publish');
	return db.transaction(async (tx) => {
		const row = await findDraftForUpdate(tx, id);
		const lock = expectedLock ?? row.lock;
		if (row.lock !== lock) throw staleLock();
		// Drafts are validated on every save, but a version is published once: check again.
		const parsed = parseModelDocument(row.document);
		if (!parsed.ok)
			throw invalid(
				modelFieldErrors(parsed.errors),
				'De conceptversie bevat fouten en kan niet worden gepubliceerd.'
			);
		const updated = await versions.updateLocked(tx, id, lock, {
			status: 'published',
			publishedAt: new Date(),
			publishedBy: actor.userId
		});
		if (!updated) throw staleLock();
		await recordAudit(tx, actor, {
			action: 'model.publish',
			entityType,
			entityId: id,
			details: { number: row.number }
		});
		return updated;
	});
}

/**
 * Retires a published version: it stays readable for old evaluations but is no longer
 * offered for new work. Throws 409 when not published, or when it is the last published
 * version (there must always be a model in force).
 */
export async function retireVersion(db: Database, actor: Actor | null, id: string): Promise<ModelVersionRow> {
	authorize(actor, modelPolicy, 'model.retire');
	return db.transaction(async (tx) => {
		requireId(id, what);
		const row = await versions.find(tx, id, true);
		if (!row) throw notFound(what);
		if (row.status !== 'published') throw conflict('Alleen een gepubliceerde versie kan worden ingetrokken.');
		if ((await versions.countPublishedOtherThan(tx, id)) === 0) {
			throw conflict(
				'Dit is de enige gepubliceerde versie. Publiceer eerst een nieuwe versie, zodat er altijd een geldend model is.'
			);
		}
		const updated = await versions.updateLocked(tx, id, row.lock, {
			status: 'retired',
			retiredAt: new Date()
		});
		if (!updated) throw staleLock();
		await recordAudit(tx, actor, {
			action: 'model.retire',
			entityType,
			entityId: id,
			details: { number: row.number }
		});
		return updated;
	});
}

/** The version as a JSON file. Drafts only for those who may export drafts. Throws 404/403. */
export async function exportVersion(
	db: Database,
	actor: Actor | null,
	id: string
): Promise<{ filename: string; json: string }> {
	const row = await findVisible(db, actor, id);
	authorize(actor, modelPolicy, row.status === 'draft' ? 'model.export' : 'model.export_published');
	// jsonb stores keys in its own order; parsing restores the schema's order, so the file reads like the format.
	const parsed = parseModelDocument(row.document);
	const document = parsed.ok ? parsed.document : row.document;
	return {
		filename: `referentiewaardenmodel-versie-${row.number}.json`,
		json: serializeModelDocument(document)
	};
}

/**
 * Creates a draft from an exported model file. All or nothing: an oversized file (413),
 * invalid JSON or any invalid field (422, every problem listed) writes nothing;
 * an open draft (409) blocks the import.
 */
export async function importVersion(
	db: Database,
	actor: Actor | null,
	jsonText: string
): Promise<ModelVersionRow> {
	authorize(actor, modelPolicy, 'model.import');
	if (Buffer.byteLength(jsonText, 'utf8') > maxImportBytes) {
		const message =
			'Het bestand is groter dan 2 MB; een modelbestand is doorgaans enkele tientallen kilobytes.';
		throw new AppError(413, 'too_large', message, [{ field: 'document', message }]);
	}
	const parsed = parseModelJson(jsonText);
	if (!parsed.ok) {
		throw invalid(
			modelFieldErrors(parsed.errors),
			`Het modelbestand bevat ${parsed.errors.length === 1 ? 'een fout' : `${parsed.errors.length} fouten`}; er is niets geïmporteerd.`
		);
	}
	return insertDraft(db, actor, 'model.import', async () => ({ document: parsed.document, basedOn: null }));
}

/** What changed from version `a` to version `b`. Throws 404 when either is not visible. */
export async function compareVersions(
	db: Database,
	actor: Actor | null,
	aId: string,
	bId: string
): Promise<{ a: ModelVersionSummary; b: ModelVersionSummary; diff: ModelDiff }> {
	const a = await findVisible(db, actor, aId);
	const b = await findVisible(db, actor, bId);
	return { a: summarise(a), b: summarise(b), diff: diffModelDocuments(a.document, b.document) };
}
