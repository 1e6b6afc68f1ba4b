import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvent } from '../audit/audit.table.ts';
import { evaluation, rating } from '../evaluations/evaluation.table.ts';
import { countRows, failure, useWorld } from '../organisation/test-world.ts';
import { buildTeam } from '../testing/factories.ts';
import { buildReportEvaluation } from './report-fixtures.ts';
import {
	getPublication,
	listInstitutionPublications,
	listPublications,
	publishSummary,
	withdrawPublication
} from './publication.service.ts';
import { publication } from './publication.table.ts';

const { db, world } = useWorld();
const page = { page: 1, pageSize: 50 };
const ids = (list: { items: { id: string }[] }) => list.items.map((p) => p.id);

describe('rekenschap publications', () => {
	it('freezes the figures: teams at or above the standard per value, from finalised evaluations only', async () => {
		const t = await buildTeam(db(), world.b.id, { name: 'Cijferteam' });
		await buildReportEvaluation(db(), { institutionId: world.b.id, teamId: t.id, finalise: true });
		// Not finalised: never counted.
		await buildReportEvaluation(db(), { institutionId: world.b.id, teamId: world.b1.id });
		const pub = await publishSummary(db(), world.people.qoB.actor, world.b.id, {
			audience: 'public',
			title: 'Rekenschap 2026',
			summary: 'Wij verbeteren de dialoog met het werkveld.'
		});
		expect(pub.figures!.teamsEvaluated).toBe(1);
		expect(pub.figures!.values.map((v) => v.key)).toEqual([
			'eigenaarschap',
			'wendbaarheid',
			'dialoog',
			'vertrouwen',
			'rekenschap'
		]);
		for (const v of pub.figures!.values) {
			expect(v.teamsEvaluated).toBe(1);
			expect([0, 1]).toContain(v.teamsAtOrAboveStandard);
		}
		// A later evaluation does not change what was published.
		await buildReportEvaluation(db(), { institutionId: world.b.id, teamId: world.b2.id, finalise: true });
		expect((await getPublication(db(), null, pub.id)).figures!.teamsEvaluated).toBe(1);
		expect(await countRows(db(), auditEvent, eq(auditEvent.entityId, pub.id))).toBe(1);
	});

	it('computes at-or-above from the mean rank against the standard level', async () => {
		const t = await buildTeam(db(), world.a.id, { name: 'Hoog team' });
		const ev = await buildReportEvaluation(db(), {
			institutionId: world.a.id,
			teamId: t.id,
			respondents: { teacher: 5 }
		});
		// Every rating "op ambitieniveau": the team meets the standard on every value.
		await db().update(rating).set({ rank: 4, levelKey: 'ambition' }).where(eq(rating.evaluationId, ev.id));
		await db()
			.update(evaluation)
			.set({ status: 'finalised', finalisedAt: new Date() })
			.where(eq(evaluation.id, ev.id));
		const pub = await publishSummary(db(), world.people.execA.actor, world.a.id, {
			audience: 'members',
			title: 'Voor leden',
			summary: 'Alleen voor leden.'
		});
		const values = pub.figures!.values;
		expect(values.every((v) => v.teamsEvaluated === 1 && v.teamsAtOrAboveStandard === 1)).toBe(true);
	});

	it('shows public ones to everyone, members ones to signed-in people, withdrawn ones to no one', async () => {
		const pub = await publishSummary(db(), world.people.qoA.actor, world.a.id, {
			audience: 'public',
			title: 'Openbaar',
			summary: 'Iedereen mag dit lezen.'
		});
		const members = await publishSummary(db(), world.people.qoA.actor, world.a.id, {
			audience: 'members',
			title: 'Leden',
			summary: 'Alleen leden.'
		});
		expect(ids(await listPublications(db(), null, page))).toContain(pub.id);
		expect(ids(await listPublications(db(), null, page))).not.toContain(members.id);
		expect(ids(await listPublications(db(), world.people.memberB1.actor, page))).toContain(members.id);
		expect((await failure(getPublication(db(), null, members.id))).status).toBe(404);
		expect((await getPublication(db(), world.people.qoB.actor, members.id)).title).toBe('Leden');

		// Another institution cannot withdraw it; the own executive can, once.
		expect((await failure(withdrawPublication(db(), world.people.qoB.actor, pub.id))).status).toBe(403);
		expect((await failure(withdrawPublication(db(), world.people.memberA1.actor, pub.id))).status).toBe(403);
		await withdrawPublication(db(), world.people.execA.actor, pub.id);
		expect((await failure(withdrawPublication(db(), world.people.execA.actor, pub.id))).status).toBe(409);
		expect(ids(await listPublications(db(), null, page))).not.toContain(pub.id);
		expect(ids(await listPublications(db(), world.people.qoA.actor, page))).not.toContain(pub.id);
		expect((await failure(getPublication(db(), world.people.qoA.actor, pub.id))).status).toBe(404);
		// Someone else's withdrawn publication does not even exist for them.
		expect((await failure(withdrawPublication(db(), world.people.qoB.actor, pub.id))).status).toBe(404);
		// The institution's own list still shows it, marked withdrawn.
		const own = await listInstitutionPublications(db(), world.people.qoA.actor, world.a.id);
		expect(own.items.find((p) => p.id === pub.id)?.withdrawnAt).toBeInstanceOf(Date);
	});

	it('publishes once when the same form is submitted twice, also at the same moment', async () => {
		const input = {
			audience: 'members',
			title: 'Dubbel',
			summary: 'Twee keer verstuurd',
			clientToken: 'publish-form-1'
		};
		const qo = world.people.qoA.actor;
		const [first, second] = await Promise.all([
			publishSummary(db(), qo, world.a.id, input),
			publishSummary(db(), qo, world.a.id, input)
		]);
		expect(second.id).toBe(first.id);
		expect(await countRows(db(), publication, eq(publication.title, 'Dubbel'))).toBe(1);
		await publishSummary(db(), qo, world.a.id, { ...input, clientToken: 'publish-form-2' });
		expect(await countRows(db(), publication, eq(publication.title, 'Dubbel'))).toBe(2);
	});

	it('lets only the quality officer and executives of the institution publish', async () => {
		const input = { audience: 'public', title: 'X', summary: 'Y' };
		const before = await countRows(db(), publication);
		expect((await failure(publishSummary(db(), world.people.qoB.actor, world.a.id, input))).status).toBe(404);
		expect((await failure(publishSummary(db(), world.people.leadA1.actor, world.a.id, input))).status).toBe(
			403
		);
		expect((await failure(publishSummary(db(), world.people.facA.actor, world.a.id, input))).status).toBe(
			403
		);
		// The network bureau sees the institution but does not publish for it.
		expect((await failure(publishSummary(db(), world.people.admin.actor, world.a.id, input))).status).toBe(
			403
		);
		expect((await failure(publishSummary(db(), null, world.a.id, input))).status).toBe(401);
		expect(
			(await failure(listInstitutionPublications(db(), world.people.memberA1.actor, world.a.id))).status
		).toBe(403);
		expect(await countRows(db(), publication)).toBe(before);
	});

	it('refuses bad input with Dutch field messages', async () => {
		const bad = await failure(
			publishSummary(db(), world.people.qoA.actor, world.a.id, {
				audience: 'everyone',
				title: '   ',
				summary: 'x'.repeat(10_001)
			})
		);
		expect(bad.status).toBe(422);
		const fields = Object.fromEntries(bad.fieldErrors.map((e) => [e.field, e.message]));
		expect(fields.audience).toMatch(/Kies voor wie/);
		expect(fields.title).toBe('Vul een titel in.');
		expect(fields.summary).toMatch(/hoogstens 10000 tekens/);
		expect((await failure(publishSummary(db(), world.people.qoA.actor, world.a.id, 'tekst'))).status).toBe(
			422
		);
		expect(
			(await failure(publishSummary(db(), world.people.qoA.actor, world.a.id, { title: 5 }))).status
		).toBe(422);
		expect((await failure(publishSummary(db(), world.people.qoA.actor, 'geen-id', {}))).status).toBe(404);
		const exact = await publishSummary(db(), world.people.qoA.actor, world.a.id, {
			audience: 'members',
			title: 'Lang',
			summary: 'x'.repeat(10_000)
		});
		expect(exact.summary.length).toBe(10_000);
	});
});
