import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import type { Connection } from '../db/connect.ts';
import type { Database } from '../db/database.ts';
import { createTestDatabase } from '../testing/database.ts';
import { buildInstitution, buildPerson, buildTeam } from '../testing/factories.ts';
import type { Actor } from '../policy/policy.ts';
import { AppError } from '../http/errors.ts';
import { auditEvent } from '../audit/audit.table.ts';
import { defaultModelDocument } from '../../domain/model/default-model.ts';
import { modelVersion } from './model.table.ts';
import {
	compareVersions,
	createDraft,
	discardDraft,
	ensureDefaultModel,
	exportVersion,
	getModelVersion,
	importVersion,
	latestPublishedVersion,
	listModelVersions,
	publishVersion,
	retireVersion,
	updateDraft,
	type ModelVersionRow
} from './model.service.ts';

let connection: Connection;
let db: Database;
let admin: Actor;
let officer: Actor;
let member: Actor;
let v1: ModelVersionRow;

beforeAll(async () => {
	connection = await createTestDatabase();
	db = connection.db;
	const institution = await buildInstitution(db);
	const team = await buildTeam(db, institution.id);
	admin = (await buildPerson(db, [{ role: 'network_admin' }])).actor;
	officer = (await buildPerson(db, [{ role: 'quality_officer', institutionId: institution.id }])).actor;
	member = (await buildPerson(db, [{ role: 'team_member', institutionId: institution.id, teamId: team.id }]))
		.actor;
	v1 = (await ensureDefaultModel(db))!;
});

afterAll(async () => {
	await connection.close();
});

/** The AppError a call throws (fails the test when it does not throw one). */
async function appError(work: Promise<unknown>): Promise<AppError> {
	try {
		await work;
	} catch (error) {
		if (error instanceof AppError) return error;
		throw error;
	}
	throw new Error('expected an AppError');
}

/** The database's own message for a refused statement (Drizzle wraps it as `cause`). */
async function databaseRefusal(work: Promise<unknown>): Promise<string> {
	try {
		await work;
	} catch (error) {
		const cause = (error as { cause?: { message?: string } }).cause;
		return cause?.message ?? (error as Error).message;
	}
	throw new Error('expected the database to refuse');
}

const versionCount = async () => (await db.select({ n: count() }).from(modelVersion))[0]!.n;

/** Runs a test body with a fresh draft and discards it afterwards, so tests stay independent. */
async function withDraft(body: (draft: ModelVersionRow) => Promise<void>) {
	const draft = await createDraft(db, admin);
	try {
		await body(draft);
	} finally {
		const row = await db.select().from(modelVersion).where(eq(modelVersion.id, draft.id));
		if (row[0]?.status === 'draft') await discardDraft(db, admin, draft.id);
	}
}

describe('ensureDefaultModel', () => {
	it('installs the shipped example model once, as published version 1', async () => {
		expect(v1).toMatchObject({ number: 1, status: 'published' });
		expect(v1.document).toEqual(defaultModelDocument);
		expect(v1.document.exampleContent).toBe(true);
		expect(await ensureDefaultModel(db)).toBeNull();
		expect(await versionCount()).toBe(1);
		expect((await latestPublishedVersion(db))?.id).toBe(v1.id);
	});
});

describe('reading', () => {
	it('lists versions for everyone signed in, drafts only for network admins', async () => {
		await withDraft(async (draft) => {
			const forAdmin = await listModelVersions(db, admin);
			expect(forAdmin.items.map((v) => v.number)).toEqual([draft.number, 1]);
			expect(forAdmin.items[0]).toMatchObject({
				status: 'draft',
				name: defaultModelDocument.name,
				exampleContent: true
			});
			expect(forAdmin.items[0]).not.toHaveProperty('document');
			for (const actor of [officer, member]) {
				const list = await listModelVersions(db, actor);
				expect(list.items.map((v) => v.number)).toEqual([1]);
				expect(list.total).toBe(1);
			}
		});
		expect((await appError(listModelVersions(db, null))).status).toBe(401);
	});

	it('paginates', async () => {
		await withDraft(async () => {
			const second = await listModelVersions(db, admin, { page: 2, pageSize: 1 });
			expect(second).toMatchObject({ page: 2, pageSize: 1, total: 2 });
			expect(second.items.map((v) => v.number)).toEqual([1]);
		});
	});

	it('shows a published version to everyone and a draft only to admins', async () => {
		expect((await getModelVersion(db, member, v1.id)).document.name).toBe(defaultModelDocument.name);
		await withDraft(async (draft) => {
			expect((await getModelVersion(db, admin, draft.id)).status).toBe('draft');
			for (const actor of [officer, member]) {
				expect((await appError(getModelVersion(db, actor, draft.id))).status).toBe(404);
			}
		});
	});

	it('answers 404 for unknown and malformed ids, 401 for nobody', async () => {
		expect((await appError(getModelVersion(db, admin, crypto.randomUUID()))).status).toBe(404);
		expect((await appError(getModelVersion(db, admin, 'not-a-uuid'))).status).toBe(404);
		expect((await appError(getModelVersion(db, null, v1.id))).status).toBe(401);
	});
});

describe('drafts', () => {
	it('copies the latest published version into one draft, numbered next', async () => {
		await withDraft(async (draft) => {
			expect(draft).toMatchObject({
				number: 2,
				status: 'draft',
				basedOnId: v1.id,
				lock: 0,
				createdBy: admin.userId
			});
			expect(draft.document).toEqual(v1.document);
			const second = await appError(createDraft(db, admin));
			expect(second.status).toBe(409);
			expect(second.message).toContain('versie 2');
			expect(await versionCount()).toBe(2);
		});
	});

	it('refuses drafts to everyone but network admins', async () => {
		for (const actor of [officer, member]) expect((await appError(createDraft(db, actor))).status).toBe(403);
		expect((await appError(createDraft(db, null))).status).toBe(401);
		expect(await versionCount()).toBe(1);
	});

	it('saves a valid document, bumps the lock and audits inside the change', async () => {
		await withDraft(async (draft) => {
			const document = structuredClone(draft.document);
			document.framing.goal = 'Een nieuw doel';
			const saved = await updateDraft(db, admin, draft.id, document, 0);
			expect(saved.lock).toBe(1);
			expect((await getModelVersion(db, admin, draft.id)).document.framing.goal).toBe('Een nieuw doel');
			const audits = await db
				.select()
				.from(auditEvent)
				.where(and(eq(auditEvent.entityId, draft.id), eq(auditEvent.action, 'model.edit_draft')));
			expect(audits).toHaveLength(1);
			expect(audits[0]!.actorUserId).toBe(admin.userId);
		});
	});

	it('refuses a stale lock and writes nothing', async () => {
		await withDraft(async (draft) => {
			const first = structuredClone(draft.document);
			first.name = 'Eerste wijziging';
			await updateDraft(db, admin, draft.id, first, 0);
			const second = structuredClone(draft.document);
			second.name = 'Tweede wijziging op oude basis';
			const error = await appError(updateDraft(db, admin, draft.id, second, 0));
			expect(error.status).toBe(409);
			expect(error.message).toContain('door iemand anders gewijzigd');
			const row = await getModelVersion(db, admin, draft.id);
			expect(row).toMatchObject({ lock: 1 });
			expect(row.document.name).toBe('Eerste wijziging');
		});
	});

	it('lists every problem of an invalid document and writes nothing', async () => {
		await withDraft(async (draft) => {
			const document = structuredClone(draft.document) as unknown as Record<string, unknown>;
			document.name = '';
			(document.standards as { valueKeys: string[] }[])[0]!.valueKeys = ['onbekend'];
			const error = await appError(updateDraft(db, admin, draft.id, document, 0));
			expect(error.status).toBe(422);
			expect(error.fieldErrors.map((e) => e.field)).toContain('name');
			const row = await getModelVersion(db, admin, draft.id);
			expect(row.lock).toBe(0);
			expect(row.document).toEqual(draft.document);
		});
	});

	it('refuses editing to everyone but network admins', async () => {
		await withDraft(async (draft) => {
			for (const actor of [officer, member]) {
				expect((await appError(updateDraft(db, actor, draft.id, draft.document, 0))).status).toBe(403);
				expect((await appError(discardDraft(db, actor, draft.id))).status).toBe(403);
			}
			expect((await appError(updateDraft(db, null, draft.id, draft.document, 0))).status).toBe(401);
		});
	});

	it('discards a draft but never a published version', async () => {
		const draft = await createDraft(db, admin);
		await discardDraft(db, admin, draft.id);
		expect(await versionCount()).toBe(1);
		expect((await appError(discardDraft(db, admin, v1.id))).status).toBe(409);
		expect((await appError(discardDraft(db, admin, crypto.randomUUID()))).status).toBe(404);
	});
});

describe('publishing and retiring', () => {
	let v2: ModelVersionRow;

	it('publishes a draft; earlier versions stay published, the newest is in force', async () => {
		for (const actor of [officer, member]) {
			const draft = await createDraft(db, admin);
			expect((await appError(publishVersion(db, actor, draft.id))).status).toBe(403);
			await discardDraft(db, admin, draft.id);
		}
		const draft = await createDraft(db, admin);
		const stale = await appError(publishVersion(db, admin, draft.id, 7));
		expect(stale.status).toBe(409);
		v2 = await publishVersion(db, admin, draft.id, 0);
		expect(v2).toMatchObject({ status: 'published', publishedBy: admin.userId });
		expect(v2.publishedAt).toBeInstanceOf(Date);
		expect((await getModelVersion(db, member, v1.id)).status).toBe('published');
		expect((await latestPublishedVersion(db))?.id).toBe(v2.id);
		expect((await appError(publishVersion(db, admin, v2.id))).status).toBe(409);
	});

	it('keeps a published version immutable in the service', async () => {
		const document = structuredClone(v2.document);
		document.name = 'Stiekem gewijzigd';
		const error = await appError(updateDraft(db, admin, v2.id, document, v2.lock));
		expect(error.status).toBe(409);
		expect(error.message).toBe(
			'Een gepubliceerde versie kan niet meer worden gewijzigd; maak een nieuwe conceptversie.'
		);
		expect((await getModelVersion(db, admin, v2.id)).document.name).toBe(defaultModelDocument.name);
	});

	it('keeps a published version immutable in the database itself', async () => {
		const changed = JSON.stringify({ ...v2.document, name: 'Met de hand gewijzigd' });
		expect(
			await databaseRefusal(
				db.execute(sql`update model_version set document = ${changed}::jsonb where id = ${v2.id}`)
			)
		).toMatch(/cannot be changed/);
		expect(
			await databaseRefusal(db.execute(sql`update model_version set status = 'draft' where id = ${v2.id}`))
		).toMatch(/cannot become a draft/);
		expect(await databaseRefusal(db.execute(sql`delete from model_version where id = ${v2.id}`))).toMatch(
			/cannot be deleted/
		);
		// Bookkeeping columns of a published version and the document of a draft remain writable.
		await db.execute(sql`update model_version set updated_at = now() where id = ${v2.id}`);
		await withDraft(async (draft) => {
			await db.execute(sql`update model_version set document = ${changed}::jsonb where id = ${draft.id}`);
		});
		expect((await getModelVersion(db, admin, v2.id)).document.name).toBe(defaultModelDocument.name);
	});

	it('retires a published version, never the last one', async () => {
		for (const actor of [officer, member])
			expect((await appError(retireVersion(db, actor, v1.id))).status).toBe(403);
		const retired = await retireVersion(db, admin, v1.id);
		expect(retired).toMatchObject({ status: 'retired' });
		expect(retired.retiredAt).toBeInstanceOf(Date);
		expect((await appError(retireVersion(db, admin, v1.id))).status).toBe(409);
		const last = await appError(retireVersion(db, admin, v2.id));
		expect(last.status).toBe(409);
		expect(last.message).toContain('enige gepubliceerde versie');
		// Retired versions stay readable for the evaluations that used them.
		expect((await getModelVersion(db, member, v1.id)).status).toBe('retired');
		expect(
			await databaseRefusal(
				db.execute(sql`update model_version set status = 'published' where id = ${v1.id}`)
			)
		).toMatch(/cannot be published again/);
		await withDraft(async (draft) => {
			expect((await appError(retireVersion(db, admin, draft.id))).status).toBe(409);
		});
	});
});

describe('export and import', () => {
	it('exports published versions to everyone signed in, drafts to admins only', async () => {
		const exported = await exportVersion(db, member, v1.id);
		expect(exported.filename).toBe('referentiewaardenmodel-versie-1.json');
		expect(JSON.parse(exported.json)).toEqual(defaultModelDocument);
		// Keys come out in the format's order (jsonb alone would sort them by length).
		expect(Object.keys(JSON.parse(exported.json))).toEqual(Object.keys(defaultModelDocument));
		expect((await appError(exportVersion(db, null, v1.id))).status).toBe(401);
		await withDraft(async (draft) => {
			expect((await exportVersion(db, admin, draft.id)).json).toContain('"format"');
			expect((await appError(exportVersion(db, officer, draft.id))).status).toBe(404);
		});
	});

	it('round-trips: an exported version imports as an identical draft', async () => {
		const { json } = await exportVersion(db, admin, v1.id);
		const before = await versionCount();
		const imported = await importVersion(db, admin, json);
		try {
			expect(imported).toMatchObject({ status: 'draft', basedOnId: null, number: before + 1 });
			expect(imported.document).toEqual(v1.document);
			const audits = await db.select().from(auditEvent).where(eq(auditEvent.entityId, imported.id));
			expect(audits.map((a) => a.action)).toEqual(['model.import']);
			// One open draft at a time: a second import waits for this one.
			expect((await appError(importVersion(db, admin, json))).status).toBe(409);
		} finally {
			await discardDraft(db, admin, imported.id);
		}
	});

	it('refuses imports to everyone but network admins', async () => {
		const { json } = await exportVersion(db, admin, v1.id);
		for (const actor of [officer, member])
			expect((await appError(importVersion(db, actor, json))).status).toBe(403);
		expect((await appError(importVersion(db, null, json))).status).toBe(401);
	});

	it('lists every problem of a bad file and adds nothing', async () => {
		const before = await versionCount();
		const notJson = await appError(importVersion(db, admin, '{ "format": '));
		expect(notJson.status).toBe(422);
		expect(notJson.fieldErrors[0]).toMatchObject({ field: 'document' });
		expect(notJson.fieldErrors[0]!.message).toContain('geen geldige JSON');

		const wrongTypes = structuredClone(defaultModelDocument) as unknown as Record<string, unknown>;
		wrongTypes.exampleContent = 'ja';
		wrongTypes.values = 'eigenaarschap';
		const typed = await appError(importVersion(db, admin, JSON.stringify(wrongTypes)));
		expect(typed.status).toBe(422);
		expect(typed.fieldErrors.map((e) => e.field).sort()).toEqual(['exampleContent', 'values']);
		expect(typed.message).toContain('2 fouten');

		const unknownValue = structuredClone(defaultModelDocument);
		unknownValue.standards[0]!.valueKeys = ['eigenaarschap', 'moed'];
		const value = await appError(importVersion(db, admin, JSON.stringify(unknownValue)));
		expect(value.fieldErrors).toEqual([
			{
				field: 'standards.0.valueKeys.1',
				message: expect.stringContaining("onbekende referentiewaarde 'moed'")
			}
		]);

		const tooLarge = JSON.stringify({ ...defaultModelDocument, description: 'x'.repeat(2 * 1024 * 1024) });
		const large = await appError(importVersion(db, admin, tooLarge));
		expect(large.status).toBe(413);
		expect(large.fieldErrors[0]!.message).toContain('2 MB');

		expect(await versionCount()).toBe(before);
	});
});

describe('compareVersions', () => {
	it('finds what a draft changed against the published version', async () => {
		await withDraft(async (draft) => {
			const document = structuredClone(draft.document);
			document.standards[0]!.title = 'Een scherpere titel';
			document.capacities.pop();
			await updateDraft(db, admin, draft.id, document, 0);
			const { a, b, diff } = await compareVersions(db, admin, draft.basedOnId!, draft.id);
			expect(a.id).toBe(draft.basedOnId);
			expect(b.number).toBe(draft.number);
			expect(diff.hasChanges).toBe(true);
			expect(diff.standards.changed[0]!.fields).toEqual([
				{ field: 'title', before: draft.document.standards[0]!.title, after: 'Een scherpere titel' }
			]);
			expect(diff.capacities.removed).toHaveLength(1);
			// A draft is as invisible in a comparison as anywhere else.
			expect((await appError(compareVersions(db, member, draft.basedOnId!, draft.id))).status).toBe(404);
		});
		const same = await compareVersions(db, member, v1.id, v1.id);
		expect(same.diff.hasChanges).toBe(false);
	});
});
