import { eq } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { evaluation, instrumentType } from '../evaluations/evaluation.table.ts';
import { ensureDefaultModel, latestPublishedVersion } from '../model/model.service.ts';
import { resolveScope } from '../../domain/evaluations/scope.ts';
import type { EvaluationStatus, Perspective } from '../../domain/evaluations/evaluation-input.ts';
import { buildInstitution, buildTeam } from './factories.ts';

export interface BuildEvaluationOptions {
	/** The team evaluated; built (with its institution) when absent. */
	teamId?: string;
	institutionId?: string;
	/** 'institution' evaluates the institution itself (no team). */
	level?: 'team' | 'institution';
	status?: EvaluationStatus;
	/** A built-in instrument key; default the self-evaluation of the level. */
	instrumentKey?: string;
	perspectives?: Perspective[];
	title?: string;
	createdBy?: string;
}

let counter = 0;

/**
 * An evaluation with the latest published model version (the shipped default model is
 * installed when there is none), scope "all values", written directly (no policy check).
 * Build it in the status you need; a 'finalised' one accepts no content afterwards
 * (the database refuses), so add ratings/findings in 'reporting' and finalise through
 * the service when a test needs a finalised evaluation with content.
 */
export async function buildEvaluation(db: Database, options: BuildEvaluationOptions = {}) {
	const level = options.level ?? 'team';
	const version = (await latestPublishedVersion(db)) ?? (await ensureDefaultModel(db));
	if (!version) throw new Error('buildEvaluation: no published model version and the database is not empty');
	let institutionId = options.institutionId;
	let teamId = options.teamId ?? null;
	if (!institutionId) institutionId = (await buildInstitution(db)).id;
	if (level === 'team' && !teamId) teamId = (await buildTeam(db, institutionId)).id;
	const key = options.instrumentKey ?? (level === 'team' ? 'zelfevaluatie_team' : 'zelfevaluatie_instelling');
	const [instrument] = await db.select().from(instrumentType).where(eq(instrumentType.key, key));
	if (!instrument) throw new Error(`buildEvaluation: no instrument type '${key}'`);
	const scope = resolveScope(version.document, level, {
		scopeAll: true,
		scopeValueKeys: [],
		scopeStandardKeys: []
	});
	if (!scope.ok) throw new Error('buildEvaluation: the model has no standards for this level');
	const status = options.status ?? 'planned';
	const [row] = await db
		.insert(evaluation)
		.values({
			instrumentTypeId: instrument.id,
			subjectLevel: level,
			institutionId,
			teamId: level === 'team' ? teamId : null,
			modelVersionId: version.id,
			title: options.title ?? `Zelfevaluatie ${++counter}`,
			scopeAll: true,
			scopeValueKeys: scope.scopeValueKeys,
			scopeStandardKeys: scope.scopeStandardKeys,
			status,
			perspectives: options.perspectives ?? ['teacher', 'student', 'work_field'],
			startsOn: '2026-09-01',
			endsOn: '2026-12-31',
			createdBy: options.createdBy ?? null,
			finalisedAt: status === 'finalised' ? new Date() : null,
			finalisedBy: status === 'finalised' ? (options.createdBy ?? null) : null
		})
		.returning();
	return row!;
}
