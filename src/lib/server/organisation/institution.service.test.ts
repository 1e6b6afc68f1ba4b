import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvent } from '../audit/audit.table.ts';
import { can } from '../policy/policy.ts';
import {
	archiveInstitution,
	createInstitution,
	getInstitution,
	listInstitutions,
	restoreInstitution,
	updateInstitution
} from './institution.service.ts';
import { organisationPolicy } from './organisation.policy.ts';
import { institution } from './organisation.table.ts';
import { countRows, failure, useWorld } from './test-world.ts';

const { db, world } = useWorld();

const page = { page: 1, pageSize: 200 };

describe('listInstitutions', () => {
	it('returns exactly the institutions can() allows, for every role', async () => {
		const all = await db().select().from(institution);
		for (const [key, person] of Object.entries(world.people)) {
			const listed = (await listInstitutions(db(), person.actor, page)).items.map((i) => i.id).sort();
			const allowed = all
				.filter(
					(i) =>
						!i.archivedAt &&
						can(person.actor, organisationPolicy, 'institution.read', { institutionId: i.id })
				)
				.map((i) => i.id)
				.sort();
			expect(listed, key).toEqual(allowed);
		}
	});

	it('shows network admins all, a quality officer only their own', async () => {
		const admin = await listInstitutions(db(), world.people.admin.actor, page);
		expect(admin.items.map((i) => i.name)).toEqual(expect.arrayContaining(['ROC Alfa', 'ROC Beta']));
		const qo = await listInstitutions(db(), world.people.qoA.actor, page);
		expect(qo.items.map((i) => i.name)).toEqual(['ROC Alfa']);
		expect(qo.total).toBe(1);
	});

	it('paginates and searches by name or RIO code', async () => {
		const first = await listInstitutions(db(), world.people.admin.actor, { page: 1, pageSize: 1 });
		const second = await listInstitutions(db(), world.people.admin.actor, { page: 2, pageSize: 1 });
		expect(first.items).toHaveLength(1);
		expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
		expect(first.total).toBeGreaterThanOrEqual(2);
		const byName = await listInstitutions(db(), world.people.admin.actor, { ...page, q: 'beta' });
		expect(byName.items.map((i) => i.id)).toEqual([world.b.id]);
		const byCode = await listInstitutions(db(), world.people.admin.actor, { ...page, q: world.a.rioCode });
		expect(byCode.items.map((i) => i.id)).toEqual([world.a.id]);
		const wildcard = await listInstitutions(db(), world.people.admin.actor, { ...page, q: '%' });
		expect(wildcard.items).toEqual([]);
	});

	it('asks for a sign-in first', async () => {
		expect((await failure(listInstitutions(db(), null, page))).status).toBe(401);
	});
});

describe('getInstitution', () => {
	it('lets staff of the institution read it', async () => {
		for (const key of ['admin', 'qoA', 'execA', 'facA', 'leadA1'] as const) {
			expect((await getInstitution(db(), world.people[key].actor, world.a.id)).name, key).toBe('ROC Alfa');
		}
	});

	it('hides another institution (404), and from team members and people without a role', async () => {
		for (const key of ['qoB', 'memberA1', 'nobody', 'memberB1'] as const) {
			const error = await failure(getInstitution(db(), world.people[key].actor, world.a.id));
			expect(error.status, key).toBe(404);
		}
	});

	it('treats a malformed id as not found', async () => {
		expect((await failure(getInstitution(db(), world.people.admin.actor, 'not-a-uuid'))).status).toBe(404);
	});
});

describe('createInstitution', () => {
	it('lets a network admin register a member, normalising codes, with an audit record', async () => {
		const row = await createInstitution(db(), world.people.admin.actor, {
			name: 'ROC Gamma',
			rioCode: '321c654',
			brinCode: '12ab',
			status: 'active',
			joinedOn: '2025-08-01',
			contactEmail: 'Info@Gamma.nl'
		});
		expect(row).toMatchObject({ rioCode: '321C654', brinCode: '12AB', contactEmail: 'info@gamma.nl' });
		expect(await countRows(db(), auditEvent, eq(auditEvent.entityId, row.id))).toBe(1);
	});

	it('refuses everyone but network admins', async () => {
		const before = await countRows(db(), institution);
		for (const key of ['qoA', 'execA', 'leadA1', 'memberA1', 'nobody'] as const) {
			const error = await failure(
				createInstitution(db(), world.people[key].actor, { name: 'ROC Delta', rioCode: '999D999' })
			);
			expect(error.status, key).toBe(403);
		}
		expect(await countRows(db(), institution)).toBe(before);
	});

	it('gives Dutch field errors for a taken RIO or BRIN code and bad input', async () => {
		const taken = await failure(
			createInstitution(db(), world.people.admin.actor, { name: 'Dubbel', rioCode: world.a.rioCode })
		);
		expect(taken.status).toBe(422);
		expect(taken.fieldErrors).toEqual([
			{
				field: 'rioCode',
				message: `RIO-code '${world.a.rioCode}' is al in gebruik bij een andere instelling`
			}
		]);
		const brin = await failure(
			createInstitution(db(), world.people.admin.actor, {
				name: 'Dubbel',
				rioCode: '555E555',
				brinCode: '12AB'
			})
		);
		expect(brin.fieldErrors).toEqual([
			{ field: 'brinCode', message: "BRIN-code '12AB' is al in gebruik bij een andere instelling" }
		]);
		const bad = await failure(createInstitution(db(), world.people.admin.actor, { name: '', rioCode: 'x' }));
		expect(bad.fieldErrors.map((e) => e.field).sort()).toEqual(['name', 'rioCode']);
	});
});

describe('updateInstitution', () => {
	it('changes only the fields given; a blank optional field clears it', async () => {
		const row = await createInstitution(db(), world.people.admin.actor, {
			name: 'ROC Epsilon',
			rioCode: '444E444',
			contactName: 'Anja',
			status: 'suspended'
		});
		const updated = await updateInstitution(db(), world.people.admin.actor, row.id, {
			name: 'ROC Epsilon Zuid',
			contactName: ''
		});
		expect(updated).toMatchObject({
			name: 'ROC Epsilon Zuid',
			contactName: null,
			status: 'suspended',
			rioCode: '444E444'
		});
		const audit = await db().select().from(auditEvent).where(eq(auditEvent.action, 'institution.updated'));
		expect(audit.at(-1)?.details).toEqual({
			changes: {
				name: { from: 'ROC Epsilon', to: 'ROC Epsilon Zuid' },
				contactName: { from: 'Anja', to: null }
			}
		});
	});

	it('is for network admins: 403 for own staff, 404 for another institution, nothing changed', async () => {
		expect(
			(await failure(updateInstitution(db(), world.people.qoA.actor, world.a.id, { name: 'X-college' })))
				.status
		).toBe(403);
		expect(
			(await failure(updateInstitution(db(), world.people.qoB.actor, world.a.id, { name: 'X-college' })))
				.status
		).toBe(404);
		expect((await getInstitution(db(), world.people.admin.actor, world.a.id)).name).toBe('ROC Alfa');
	});

	it('refuses a RIO code of another institution in Dutch', async () => {
		const error = await failure(
			updateInstitution(db(), world.people.admin.actor, world.b.id, { rioCode: world.a.rioCode })
		);
		expect(error.fieldErrors[0]).toEqual({
			field: 'rioCode',
			message: `RIO-code '${world.a.rioCode}' is al in gebruik bij een andere instelling`
		});
	});
});

describe('archiving', () => {
	it('hides an archived institution unless asked, keeps it readable, and can restore it', async () => {
		const row = await createInstitution(db(), world.people.admin.actor, {
			name: 'ROC Zeta',
			rioCode: '777Z777'
		});
		expect((await failure(archiveInstitution(db(), world.people.qoA.actor, row.id))).status).toBe(404);
		await archiveInstitution(db(), world.people.admin.actor, row.id);
		const listed = await listInstitutions(db(), world.people.admin.actor, page);
		expect(listed.items.map((i) => i.id)).not.toContain(row.id);
		const withArchived = await listInstitutions(db(), world.people.admin.actor, {
			...page,
			includeArchived: true
		});
		expect(withArchived.items.map((i) => i.id)).toContain(row.id);
		expect((await getInstitution(db(), world.people.admin.actor, row.id)).archivedAt).toBeInstanceOf(Date);
		const edit = await failure(updateInstitution(db(), world.people.admin.actor, row.id, { name: 'Anders' }));
		expect(edit.status).toBe(409);
		await restoreInstitution(db(), world.people.admin.actor, row.id);
		expect((await getInstitution(db(), world.people.admin.actor, row.id)).archivedAt).toBeNull();
	});

	it('refuses archiving by a quality officer of the institution itself', async () => {
		expect((await failure(archiveInstitution(db(), world.people.qoA.actor, world.a.id))).status).toBe(403);
	});
});
