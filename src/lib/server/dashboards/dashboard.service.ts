import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { invalid, notFound } from '../http/errors.ts';
import { parseInput, requireId } from '../http/input.ts';
import { requireSignedIn } from '../organisation/access.ts';
import { institution, team } from '../organisation/organisation.table.ts';
import { requireEvaluation } from '../evaluations/evaluation.access.ts';
import { can, type Actor } from '../policy/policy.ts';
import type { ChartLocale } from '../charts/index.ts';
import { dashboardPolicy } from './dashboard.policy.ts';
import * as queries from './dashboard.queries.ts';
import { compareView, institutionView, networkView, teamView } from './dashboard.views.ts';

// The dashboards: authorize with the subject's own scope, read the roll-ups, shape the
// view. A team or institution the actor may not see is a 404, so ids do not leak.

/** The dashboards the actor may open: their teams, their institutions, and the network. */
export async function dashboardChoices(db: Database, actor: Actor | null) {
	const who = requireSignedIn(actor);
	const institutionIds = [
		...new Set(
			who.grants
				.filter(
					(g) =>
						g.institutionId &&
						can(who, dashboardPolicy, 'dashboard.institution', { institutionId: g.institutionId })
				)
				.map((g) => g.institutionId!)
		)
	];
	const teamIds = [
		...new Set(
			who.grants
				.filter(
					(g) =>
						g.teamId &&
						can(who, dashboardPolicy, 'dashboard.team', { institutionId: g.institutionId, teamId: g.teamId })
				)
				.map((g) => g.teamId!)
		)
	];
	const [institutions, teams] = await Promise.all([
		institutionIds.length
			? db
					.select({ id: institution.id, name: institution.name })
					.from(institution)
					.where(and(inArray(institution.id, institutionIds), isNull(institution.archivedAt)))
					.orderBy(institution.name)
			: [],
		teamIds.length
			? db
					.select({ id: team.id, name: team.name, institutionName: institution.name })
					.from(team)
					.innerJoin(institution, eq(institution.id, team.institutionId))
					.where(and(inArray(team.id, teamIds), isNull(team.archivedAt)))
					.orderBy(team.name)
			: []
	]);
	return { institutions, teams };
}

/** The team dashboard. Throws 401, 404 (no such team, or not the actor's to see). */
export async function teamDashboard(
	db: Database,
	actor: Actor | null,
	teamId: string,
	locale: ChartLocale = 'nl'
) {
	const who = requireSignedIn(actor);
	requireId(teamId, 'Het team');
	const row = await queries.teamSubject(db, teamId);
	if (!row || !can(who, dashboardPolicy, 'dashboard.team', { institutionId: row.institutionId, teamId }))
		throw notFound('Het team');
	const data = await queries.teamDashboard(db, teamId, row);
	if (!data) throw notFound('Het team');
	return teamView(data, locale);
}

const levelSchema = z.coerce.number().int().min(1).max(4);

/** Filters of the institution dashboard as they come from the query string. */
export const institutionFilterSchema = z.object({
	locatie: z.union([z.literal(''), z.uuid({ error: 'Kies een locatie uit de lijst.' })]).optional(),
	sector: z.string().trim().max(200, { error: 'Een sector of domein is hooguit 200 tekens.' }).optional(),
	niveau: z.union([z.literal(''), levelSchema]).optional(),
	pagina: z
		.union([
			z.literal(''),
			z.coerce
				.number({ error: 'Een pagina is een getal.' })
				.int({ error: 'Een pagina is een heel getal.' })
				.min(1, { error: 'De eerste pagina is 1.' })
				.max(100_000, { error: 'Zoveel pagina’s zijn er niet.' })
		])
		.optional()
});

export type InstitutionFilterInput = z.input<typeof institutionFilterSchema>;

/** The institution dashboard. Throws 401, 404 (not the actor's institution), 422 (bad filter). */
export async function institutionDashboard(
	db: Database,
	actor: Actor | null,
	institutionId: string,
	filterInput: InstitutionFilterInput = {},
	locale: ChartLocale = 'nl'
) {
	const who = requireSignedIn(actor);
	requireId(institutionId, 'De instelling');
	if (!can(who, dashboardPolicy, 'dashboard.institution', { institutionId })) throw notFound('De instelling');
	const input = parseInput(institutionFilterSchema, filterInput);
	const filters: queries.InstitutionFilters = {
		locationId: input.locatie || null,
		sectorDomain: input.sector || null,
		level: typeof input.niveau === 'number' ? input.niveau : null,
		page: typeof input.pagina === 'number' ? input.pagina : 1
	};
	const data = await queries.institutionDashboard(db, institutionId, filters);
	if (!data) throw notFound('De instelling');
	return institutionView(data, locale);
}

// The network view per database: its roll-up figures with the generation they were read
// at, and the views built from them (per language and live state).
const networkCache = new WeakMap<
	object,
	{ generation: number; rollups: queries.NetworkRollups; views: Map<string, ReturnType<typeof networkView>> }
>();

/**
 * The network view (everyone signed in). Throws 401. Its figures are summed over the
 * whole sector's roll-ups, which change only when an evaluation is finalised: they are
 * kept in memory and read again as soon as the generation moves. The generation is read
 * (with publications, threshold and model, on every request) before the figures, so
 * figures are never older than the generation they are kept under.
 */
export async function networkDashboard(db: Database, actor: Actor | null, locale: ChartLocale = 'nl') {
	const who = requireSignedIn(actor);
	if (!can(who, dashboardPolicy, 'dashboard.network')) throw notFound('Het netwerkoverzicht');
	const live = await queries.networkLive(db);
	let cached = networkCache.get(db);
	if (cached?.generation !== live.generation) {
		cached = { generation: live.generation, rollups: await queries.networkRollups(db), views: new Map() };
		networkCache.set(db, cached);
	}
	const key = JSON.stringify([locale, live.threshold, live.model?.id ?? null, live.published]);
	let view = cached.views.get(key);
	if (!view) {
		view = networkView(queries.networkData(cached.rollups, live), locale);
		// A few live states at a time (both languages); older ones are not asked for again.
		if (cached.views.size >= 4) cached.views.clear();
		cached.views.set(key, view);
	}
	return view;
}

/**
 * Two evaluations of the same subject side by side. Without `otherId`, the evaluation
 * and the ones it can be compared with. Throws 401, 404/403 (per evaluation), 422
 * (another subject, or the same evaluation twice).
 */
export async function compareEvaluations(
	db: Database,
	actor: Actor | null,
	id: string,
	otherId: string | null,
	locale: ChartLocale = 'nl'
) {
	const a = await requireEvaluation(db, actor, id);
	const subject = { institutionId: a.institutionId, teamId: a.teamId };
	const candidates = (await queries.comparableEvaluations(db, subject)).filter((e) => e.id !== a.id);
	if (!otherId) return { evaluation: a, candidates, comparison: null };
	const b = await requireEvaluation(db, actor, otherId);
	if (b.id === a.id)
		throw invalid([{ field: 'met', message: 'Kies een andere evaluatie om mee te vergelijken.' }]);
	if (b.institutionId !== a.institutionId || b.teamId !== a.teamId)
		throw invalid([
			{
				field: 'met',
				message:
					'Deze evaluatie gaat over een ander team of een andere instelling; vergelijk evaluaties van hetzelfde onderwerp.'
			}
		]);
	// The older one on the left, so "what moved" reads from then to now.
	const heldOn = (e: typeof a) => e.endsOn ?? e.finalisedAt?.toISOString().slice(0, 10) ?? e.startsOn ?? '';
	const [first, second] = heldOn(a) <= heldOn(b) ? [a, b] : [b, a];
	const [figuresA, figuresB, docs] = await Promise.all([
		queries.evaluationFigures(db, first),
		queries.evaluationFigures(db, second),
		queries.modelDocuments(db, [second.modelVersionId, first.modelVersionId])
	]);
	const side = (e: typeof a) => ({
		id: e.id,
		title: e.title,
		heldOn: heldOn(e) || null,
		status: e.status,
		modelVersionId: e.modelVersionId
	});
	const doc = docs.get(second.modelVersionId) ?? docs.get(first.modelVersionId);
	return {
		evaluation: a,
		candidates,
		comparison: compareView(
			{ a: side(first), b: side(second), figuresA, figuresB },
			doc,
			a.teamId ? 'team' : 'institution',
			locale
		)
	};
}
