import { and, count, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { conflict, forbidden, notFound } from '../http/errors.ts';
import { parseInput, requireId } from '../http/input.ts';
import { requireSignedIn, seesInstitution } from '../organisation/access.ts';
import { institution } from '../organisation/organisation.table.ts';
import { can, type Actor } from '../policy/policy.ts';
import { institutionFigures, type InstitutionFigures } from './figures.ts';
import { publicationPolicy } from './publication.policy.ts';
import { publication, publicationAudience } from './publication.table.ts';

export const maxSummaryLength = 10_000;

export const publishInputSchema = z.object({
	audience: z.enum(publicationAudience.enumValues, {
		error: 'Kies voor wie de samenvatting is: members (leden van het netwerk) of public (iedereen).'
	}),
	title: z
		.string({ error: 'Vul een titel in.' })
		.trim()
		.min(1, { error: 'Vul een titel in.' })
		.max(200, { error: 'De titel mag hoogstens 200 tekens lang zijn.' }),
	summary: z
		.string({ error: 'Vul een samenvatting in.' })
		.trim()
		.min(1, { error: 'Vul een samenvatting in.' })
		.max(maxSummaryLength, { error: `De samenvatting mag hoogstens ${maxSummaryLength} tekens lang zijn.` }),
	// The form's one-time token: the same token twice publishes once (double click, resend).
	clientToken: z
		.string()
		.trim()
		.max(100)
		.optional()
		.transform((v) => v || undefined)
});
export type PublishInput = z.input<typeof publishInputSchema>;

export interface PublicationView {
	id: string;
	institutionId: string;
	institutionName: string;
	audience: 'members' | 'public';
	title: string;
	summary: string;
	figures: InstitutionFigures | null;
	publishedAt: Date;
	withdrawnAt: Date | null;
}

const columns = {
	id: publication.id,
	institutionId: publication.institutionId,
	institutionName: institution.name,
	audience: publication.audience,
	title: publication.title,
	summary: publication.summary,
	figures: publication.figures,
	publishedAt: publication.publishedAt,
	withdrawnAt: publication.withdrawnAt
};

function view(row: Omit<PublicationView, 'figures'> & { figures: string }): PublicationView {
	return { ...row, figures: parseFigures(row.figures) };
}

function parseFigures(text: string): InstitutionFigures | null {
	try {
		const parsed = JSON.parse(text) as InstitutionFigures;
		return Array.isArray(parsed.values) ? parsed : null;
	} catch {
		return null;
	}
}

/** The audiences the actor may read: everyone reads public ones, signed-in people also members ones. */
function audiencesFor(actor: Actor | null): ('members' | 'public')[] {
	return can(actor, publicationPolicy, 'publication.read_members') ? ['public', 'members'] : ['public'];
}

/** 404 when the actor does not see the institution at all, 403 when they see it but may not act. */
function authorizeSteward(
	actor: Actor | null,
	action: 'publication.publish' | 'publication.withdraw' | 'publication.manage',
	institutionId: string
): Actor {
	const who = requireSignedIn(actor);
	if (can(who, publicationPolicy, action, { institutionId })) return who;
	if (!seesInstitution(who, institutionId)) throw notFound('De instelling');
	throw forbidden();
}

/**
 * Publishes a rekenschap summary of an institution, freezing its current figures with it.
 * Quality officer or executive of that institution only. Throws 404/403, 422.
 */
export async function publishSummary(
	db: Database,
	actor: Actor | null,
	institutionId: string,
	input: unknown
): Promise<PublicationView> {
	requireId(institutionId, 'De instelling');
	const who = authorizeSteward(actor, 'publication.publish', institutionId);
	const data = parseInput(publishInputSchema, input);
	return db.transaction(async (tx) => {
		const [inst] = await tx
			.select({ name: institution.name, archivedAt: institution.archivedAt })
			.from(institution)
			.where(eq(institution.id, institutionId));
		if (!inst) throw notFound('De instelling');
		if (inst.archivedAt) throw conflict('Deze instelling is gearchiveerd en kan niets meer publiceren.');
		const earlier = async () =>
			data.clientToken
				? (
						await tx
							.select()
							.from(publication)
							.where(
								and(eq(publication.publishedBy, who.userId), eq(publication.clientToken, data.clientToken))
							)
					)[0]
				: undefined;
		const before = await earlier();
		if (before) return view({ ...before, institutionName: inst.name });
		const figures = await institutionFigures(tx, institutionId);
		const [row] = await tx
			.insert(publication)
			.values({
				institutionId,
				audience: data.audience,
				title: data.title,
				summary: data.summary,
				figures: JSON.stringify(figures),
				publishedBy: who.userId,
				clientToken: data.clientToken ?? null
			})
			.onConflictDoNothing()
			.returning();
		// A concurrent submit of the same form won the race: show its publication.
		if (!row) return view({ ...(await earlier())!, institutionName: inst.name });
		await recordAudit(tx, who, {
			action: 'publication.publish',
			entityType: 'publication',
			entityId: row!.id,
			institutionId,
			details: { audience: data.audience, title: data.title }
		});
		return view({ ...row!, institutionName: inst.name });
	});
}

/** Withdraws a publication: it is no longer shown anywhere public. Throws 404/403, 409 when already withdrawn. */
export async function withdrawPublication(
	db: Database,
	actor: Actor | null,
	id: string
): Promise<PublicationView> {
	requireId(id, 'De publicatie');
	const who = requireSignedIn(actor);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.select(columns)
			.from(publication)
			.innerJoin(institution, eq(institution.id, publication.institutionId))
			.where(eq(publication.id, id))
			.for('update', { of: publication });
		if (!row) throw notFound('De publicatie');
		if (!can(who, publicationPolicy, 'publication.withdraw', { institutionId: row.institutionId })) {
			const readable = !row.withdrawnAt && audiencesFor(who).includes(row.audience);
			throw readable ? forbidden() : notFound('De publicatie');
		}
		if (row.withdrawnAt) throw conflict('Deze samenvatting is al ingetrokken.');
		const [updated] = await tx
			.update(publication)
			.set({ withdrawnAt: new Date() })
			.where(eq(publication.id, id))
			.returning({ withdrawnAt: publication.withdrawnAt });
		await recordAudit(tx, who, {
			action: 'publication.withdraw',
			entityType: 'publication',
			entityId: id,
			institutionId: row.institutionId
		});
		return view({ ...row, withdrawnAt: updated!.withdrawnAt });
	});
}

/**
 * Current (not withdrawn) publications the actor may read, newest first: public ones for
 * everyone, also those for members when signed in. `actor` may be null (not signed in).
 */
export async function listPublications(
	db: Database,
	actor: Actor | null,
	options: { page: number; pageSize: number; institutionId?: string }
): Promise<{ items: PublicationView[]; total: number; page: number; pageSize: number }> {
	const where: SQL[] = [isNull(publication.withdrawnAt), inArray(publication.audience, audiencesFor(actor))];
	if (options.institutionId) where.push(eq(publication.institutionId, options.institutionId));
	const [rows, [total]] = await Promise.all([
		db
			.select(columns)
			.from(publication)
			.innerJoin(institution, eq(institution.id, publication.institutionId))
			.where(and(...where))
			.orderBy(desc(publication.publishedAt), desc(publication.id))
			.limit(options.pageSize)
			.offset((options.page - 1) * options.pageSize),
		db
			.select({ n: count() })
			.from(publication)
			.where(and(...where))
	]);
	return { items: rows.map(view), total: total?.n ?? 0, page: options.page, pageSize: options.pageSize };
}

/** One current publication the actor may read; withdrawn or not for them is a 404. */
export async function getPublication(
	db: Database,
	actor: Actor | null,
	id: string
): Promise<PublicationView> {
	requireId(id, 'De publicatie');
	const [row] = await db
		.select(columns)
		.from(publication)
		.innerJoin(institution, eq(institution.id, publication.institutionId))
		.where(
			and(
				eq(publication.id, id),
				isNull(publication.withdrawnAt),
				inArray(publication.audience, audiencesFor(actor))
			)
		);
	if (!row) throw notFound('De publicatie');
	return view(row);
}

/** All publications of one institution, withdrawn ones too, for its quality officer and executives. */
export async function listInstitutionPublications(
	db: Database,
	actor: Actor | null,
	institutionId: string
): Promise<{ institutionName: string; items: PublicationView[] }> {
	requireId(institutionId, 'De instelling');
	authorizeSteward(actor, 'publication.manage', institutionId);
	const [inst] = await db
		.select({ name: institution.name })
		.from(institution)
		.where(eq(institution.id, institutionId));
	if (!inst) throw notFound('De instelling');
	const rows = await db
		.select(columns)
		.from(publication)
		.innerJoin(institution, eq(institution.id, publication.institutionId))
		.where(eq(publication.institutionId, institutionId))
		.orderBy(desc(publication.publishedAt), desc(publication.id))
		.limit(200);
	return { institutionName: inst.name, items: rows.map(view) };
}

/** Whether the actor may publish for the institution (to show the form). */
export const mayPublish = (actor: Actor | null, institutionId: string): boolean =>
	can(actor, publicationPolicy, 'publication.publish', { institutionId });
