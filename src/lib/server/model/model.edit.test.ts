import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRedirect } from '@sveltejs/kit';
import type { Connection } from '../db/connect.ts';
import type { Database } from '../db/database.ts';
import { createTestDatabase } from '../testing/database.ts';
import { buildInstitution, buildPerson } from '../testing/factories.ts';
import type { Actor } from '../policy/policy.ts';
import { saveDraftEdit } from './model.actions.ts';
import {
	capacityEdit,
	generalEdit,
	lines,
	removeCapacityEdit,
	removeStandardEdit,
	scaleEdit,
	standardEdit,
	uniqueKey,
	valueEdit,
	type DraftEdit
} from './model.edit.ts';
import { createDraft, ensureDefaultModel, getModelVersion, type ModelVersionRow } from './model.service.ts';

let connection: Connection;
let db: Database;
let admin: Actor;
let officer: Actor;
let draft: ModelVersionRow;
let published: ModelVersionRow;

beforeAll(async () => {
	connection = await createTestDatabase();
	db = connection.db;
	const institution = await buildInstitution(db);
	admin = (await buildPerson(db, [{ role: 'network_admin' }])).actor;
	officer = (await buildPerson(db, [{ role: 'quality_officer', institutionId: institution.id }])).actor;
	published = (await ensureDefaultModel(db))!;
	draft = await createDraft(db, admin);
});

afterAll(async () => {
	await connection.close();
});

const current = async () => getModelVersion(db, admin, draft.id);

/** Posts a form to the editor the way the page's action does; returns the failure or the redirect target. */
async function post<S extends import('zod').ZodType>(
	edit: DraftEdit<S>,
	fields: Record<string, string>,
	options: { actor?: Actor | null; id?: string; lock?: number } = {}
) {
	const id = options.id ?? draft.id;
	const lock = options.lock ?? (await getModelVersion(db, admin, id)).lock;
	const body = new FormData();
	for (const [name, value] of Object.entries({ lock: String(lock), ...fields })) body.append(name, value);
	const url = new URL(`http://localhost/model/${id}/bewerken?/save`);
	const event = {
		request: new Request(url, { method: 'POST', body }),
		locals: {
			actor: options.actor === undefined ? admin : options.actor,
			requestId: 'test',
			sessionId: null
		},
		url,
		params: { id }
	};
	try {
		return { failure: await saveDraftEdit(db, event, edit), location: null };
	} catch (error) {
		if (isRedirect(error)) return { failure: null, location: error.location };
		throw error;
	}
}

const standardFields = {
	formId: 'standaard-nieuw',
	levelKey: 'team',
	title: 'Stages met betekenis',
	description: 'Studenten leren in de praktijk wat het beroep vraagt.',
	'valueKeys.wendbaarheid': 'on',
	'valueKeys.dialoog': 'on',
	indicators:
		'Elke student heeft een passende stageplek.\r\n\r\n  Het team bespreekt stages met het werkveld.  ',
	guidingQuestions: 'Wat leren studenten op hun stage?'
};

describe('form helpers', () => {
	it('reads one list item per non-empty line', () => {
		expect(lines(' a \n\nb\r\nc ')).toEqual(['a', 'b', 'c']);
		expect(lines(null)).toEqual([]);
	});

	it('makes readable, unique keys', () => {
		expect(uniqueKey('Één visie op Onderwijs!', [], 'standaard')).toBe('een-visie-op-onderwijs');
		expect(uniqueKey('Visie', ['visie', 'visie-2'], 'standaard')).toBe('visie-3');
		expect(uniqueKey('???', [], 'standaard')).toBe('standaard');
	});
});

describe('saveDraftEdit', () => {
	it('adds a standard with a key from its title and returns to it', async () => {
		const { location } = await post(standardEdit, standardFields);
		expect(location).toBe(
			`/model/${draft.id}/bewerken?opgeslagen=standaard-stages-met-betekenis#standaard-stages-met-betekenis`
		);
		const added = (await current()).document.standards.at(-1);
		expect(added).toEqual({
			key: 'stages-met-betekenis',
			levelKey: 'team',
			title: 'Stages met betekenis',
			description: 'Studenten leren in de praktijk wat het beroep vraagt.',
			valueKeys: ['wendbaarheid', 'dialoog'],
			indicators: [
				'Elke student heeft een passende stageplek.',
				'Het team bespreekt stages met het werkveld.'
			],
			guidingQuestions: ['Wat leren studenten op hun stage?']
		});
	});

	it('edits and removes an existing standard', async () => {
		const before = (await current()).document.standards.length;
		await post(standardEdit, {
			...standardFields,
			formId: 'standaard-stages-met-betekenis',
			originalKey: 'stages-met-betekenis',
			levelKey: 'institution',
			title: 'Stages met betekenis (instelling)'
		});
		const edited = (await current()).document.standards.find((s) => s.key === 'stages-met-betekenis');
		expect(edited).toMatchObject({ levelKey: 'institution', title: 'Stages met betekenis (instelling)' });
		const { location } = await post(removeStandardEdit, { originalKey: 'stages-met-betekenis' });
		expect(location).toContain('#standaarden');
		expect((await current()).document.standards).toHaveLength(before - 1);
	});

	it('shows field errors and keeps the input when the form is incomplete', async () => {
		const lock = (await current()).lock;
		const { failure } = await post(standardEdit, {
			formId: 'standaard-nieuw',
			levelKey: 'team',
			title: '  ',
			indicators: 'Een indicator'
		});
		expect(failure?.status).toBe(422);
		expect(failure!.data.errors).toEqual({
			title: 'Vul dit veld in.',
			valueKeys: 'Kies minstens één referentiewaarde.'
		});
		expect(failure!.data.values).toMatchObject({ formId: 'standaard-nieuw', indicators: 'Een indicator' });
		const long = await post(standardEdit, { ...standardFields, indicators: `kort\n${'x'.repeat(1001)}` });
		expect(long.failure!.data.errors).toEqual({ 'indicators.1': 'Gebruik hoogstens 1000 tekens per regel.' });
		expect((await current()).lock).toBe(lock);
	});

	it('puts document errors on the form field and lists them', async () => {
		const { failure } = await post(standardEdit, { ...standardFields, 'valueKeys.moed': 'on' });
		expect(failure?.status).toBe(422);
		expect(failure!.data.errors['valueKeys.2']).toContain("onbekende referentiewaarde 'moed'");
		expect(failure!.data.problems).toHaveLength(1);
	});

	it('refuses a stale lock and keeps the input', async () => {
		const stale = (await current()).lock;
		await post(generalEdit, {
			formId: 'algemeen',
			name: 'Versie in bewerking',
			description: '',
			goal: 'Doel',
			condition: 'Conditie',
			means: 'Middel'
		});
		const { failure } = await post(
			valueEdit,
			{
				formId: 'waarde-vertrouwen',
				key: 'vertrouwen',
				name: 'Vertrouwen',
				description: 'Mijn nieuwe tekst'
			},
			{ lock: stale }
		);
		expect(failure?.status).toBe(409);
		expect(failure!.data.message).toContain('door iemand anders gewijzigd');
		expect(failure!.data.values).toMatchObject({
			formId: 'waarde-vertrouwen',
			description: 'Mijn nieuwe tekst'
		});
		expect((await current()).document.values.find((v) => v.key === 'vertrouwen')!.description).not.toBe(
			'Mijn nieuwe tekst'
		);
	});

	it('edits the general part, a value, capacities and the scale labels', async () => {
		await post(generalEdit, {
			name: 'Officieel model',
			description: 'Vastgesteld',
			goal: 'Doel',
			condition: 'Conditie',
			means: 'Middel'
		});
		await post(valueEdit, { key: 'vertrouwen', name: 'Vertrouwen', description: 'Ruimte voor vakmanschap.' });
		await post(capacityEdit, { name: 'Lerend vermogen', description: 'Leren van ervaring.' });
		await post(removeCapacityEdit, { originalKey: 'adaptive' });
		await post(capacityEdit, {
			originalKey: 'steering',
			name: 'Sturend vermogen',
			description: 'Doelen stellen.'
		});
		const { location } = await post(scaleEdit, {
			notRatedLabel: 'niet gescoord',
			'labels.ambition': 'ambitie bereikt'
		});
		expect(location).toContain('#schaal');
		const document = (await current()).document;
		expect(document).toMatchObject({
			name: 'Officieel model',
			exampleContent: false,
			framing: { goal: 'Doel' }
		});
		expect(document.values.find((v) => v.key === 'vertrouwen')!.description).toBe('Ruimte voor vakmanschap.');
		expect(document.capacities.map((c) => c.key)).toEqual(
			expect.arrayContaining(['lerend-vermogen', 'steering'])
		);
		expect(document.capacities.map((c) => c.key)).not.toContain('adaptive');
		expect(document.capacities.find((c) => c.key === 'steering')!.description).toBe('Doelen stellen.');
		expect(document.ratingScale.notRatedLabel).toBe('niet gescoord');
		expect(document.ratingScale.levels.map((l) => l.label)).toEqual([
			'onder de standaard',
			'op de standaard',
			'boven de standaard',
			'ambitie bereikt'
		]);
	});

	it('refuses published versions, unknown items and people who may not edit', async () => {
		const onPublished = await post(
			valueEdit,
			{ key: 'vertrouwen', name: 'X', description: '' },
			{ id: published.id }
		);
		expect(onPublished.failure?.status).toBe(409);
		expect(onPublished.failure!.data.message).toContain('maak een nieuwe conceptversie');
		const unknown = await post(removeStandardEdit, { originalKey: 'bestaat-niet' });
		expect(unknown.failure?.status).toBe(404);
		const refused = await post(
			valueEdit,
			{ key: 'vertrouwen', name: 'X', description: '' },
			{ actor: officer, lock: 0 }
		);
		expect(refused.failure?.status).toBe(404);
		const nobody = await post(
			valueEdit,
			{ key: 'vertrouwen', name: 'X', description: '' },
			{ actor: null, lock: 0 }
		);
		expect(nobody.location).toBe(
			`/inloggen?redirectTo=${encodeURIComponent(`/model/${draft.id}/bewerken?/save`)}`
		);
	});
});
