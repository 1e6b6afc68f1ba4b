import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Database, Tx } from '../db/database.ts';
import { AppError } from '../http/errors.ts';
import { isUuid } from '../http/input.ts';
import { requireEvaluation } from '../evaluations/evaluation.access.ts';
import { finding } from '../evaluations/evaluation.table.ts';
import * as versions from '../model/model.queries.ts';
import type { ModelVersionRow } from '../model/model.queries.ts';
import { requireSignedIn } from '../organisation/access.ts';
import { institution, team } from '../organisation/organisation.table.ts';
import { can, type Actor } from '../policy/policy.ts';
import { ambitionPolicy } from '../ambitions/ambition.policy.ts';
import { modelLabels, subjectLevelOf, type ModelLabels } from '../ambitions/model-targets.ts';
import { requireSubject, type Subject } from '../ambitions/subject.ts';
import type { ActionListQuery } from './action.input.ts';
import { getAction, listActions, ownerCandidates } from './action.service.ts';
import { agendaPolicy } from './agenda.policy.ts';

// What the verbeteragenda pages show besides the services' records: the choices of the
// forms (subjects, model keys, owners, findings) and a fresh form token per render.

export interface FormOptions {
	values: { key: string; name: string }[];
	standards: { key: string; title: string }[];
	capacities: { key: string; name: string }[];
	owners: { id: string; name: string }[];
	labels: ModelLabels;
}

function modelOptions(version: ModelVersionRow, subject: { teamId: string | null }) {
	const doc = version.document;
	const level = subjectLevelOf(subject.teamId);
	return {
		values: doc.values.map((v) => ({ key: v.key, name: v.name })),
		standards: doc.standards.filter((s) => s.levelKey === level).map((s) => ({ key: s.key, title: s.title })),
		capacities: doc.capacities.map((c) => ({ key: c.key, name: c.name })),
		labels: modelLabels(doc)
	};
}

async function formOptions(
	db: Tx,
	subject: Subject,
	modelVersionId: string | null
): Promise<FormOptions | null> {
	const version =
		(modelVersionId && (await versions.find(db, modelVersionId))) || (await versions.latestPublished(db));
	if (!version) return null;
	const owners = await ownerCandidates(db, subject);
	return { ...modelOptions(version, subject), owners: owners.map((o) => ({ id: o.id, name: o.name })) };
}

/** Teams and institutions where the actor may put actions on the agenda, for a chooser. */
async function creatableSubjects(db: Tx, actor: Actor) {
	const leadTeams = actor.grants.filter((g) => g.role === 'team_lead' && g.teamId).map((g) => g.teamId!);
	const officerOf = actor.grants
		.filter((g) => g.role === 'quality_officer' && g.institutionId)
		.map((g) => g.institutionId!);
	const choices: { value: string; label: string }[] = [];
	if (officerOf.length) {
		const rows = await db
			.select({ id: institution.id, name: institution.name })
			.from(institution)
			.where(and(inArray(institution.id, officerOf), isNull(institution.archivedAt)))
			.orderBy(asc(institution.name));
		for (const r of rows) choices.push({ value: `i:${r.id}`, label: r.name });
	}
	if (leadTeams.length || officerOf.length) {
		const rows = await db
			.select({ id: team.id, name: team.name, institutionName: institution.name })
			.from(team)
			.innerJoin(institution, eq(institution.id, team.institutionId))
			.where(
				and(
					isNull(team.archivedAt),
					isNull(institution.archivedAt),
					or(
						leadTeams.length ? inArray(team.id, leadTeams) : undefined,
						officerOf.length ? inArray(team.institutionId, officerOf) : undefined
					)
				)
			)
			.orderBy(asc(institution.name), asc(team.name))
			.limit(2000);
		for (const r of rows) choices.push({ value: `t:${r.id}`, label: `${r.name} (${r.institutionName})` });
	}
	return choices;
}

/** Teams the actor may filter the agenda on: their own, and every team of an institution they work for. */
async function filterTeams(db: Tx, actor: Actor) {
	const staffOf = actor.grants
		.filter((g) => ['quality_officer', 'executive', 'facilitator'].includes(g.role) && g.institutionId)
		.map((g) => g.institutionId!);
	const own = actor.grants.filter((g) => g.teamId).map((g) => g.teamId!);
	if (!staffOf.length && !own.length) return [];
	return db
		.select({ id: team.id, name: team.name, institutionName: institution.name })
		.from(team)
		.innerJoin(institution, eq(institution.id, team.institutionId))
		.where(
			or(
				staffOf.length ? inArray(team.institutionId, staffOf) : undefined,
				own.length ? inArray(team.id, own) : undefined
			)
		)
		.orderBy(asc(institution.name), asc(team.name))
		.limit(2000);
}

/** Links to the ambitions pages of the actor's teams and institutions. */
async function ambitionLinks(db: Tx, actor: Actor) {
	const teamIds = [...new Set(actor.grants.filter((g) => g.teamId).map((g) => g.teamId!))];
	const institutionIds = [
		...new Set(
			actor.grants
				.filter(
					(g) =>
						g.institutionId &&
						can(actor, ambitionPolicy, 'ambition.read_institution', { institutionId: g.institutionId })
				)
				.map((g) => g.institutionId!)
		)
	];
	const links: { href: string; label: string }[] = [];
	if (institutionIds.length) {
		const rows = await db
			.select({ id: institution.id, name: institution.name })
			.from(institution)
			.where(inArray(institution.id, institutionIds))
			.orderBy(asc(institution.name));
		for (const r of rows) links.push({ href: `/ambities/instelling/${r.id}`, label: r.name });
	}
	if (teamIds.length) {
		const rows = await db
			.select({ id: team.id, name: team.name, institutionId: team.institutionId })
			.from(team)
			.where(and(inArray(team.id, teamIds), isNull(team.archivedAt)))
			.orderBy(asc(team.name));
		for (const r of rows)
			if (can(actor, ambitionPolicy, 'ambition.read_team', { institutionId: r.institutionId, teamId: r.id }))
				links.push({ href: `/ambities/team/${r.id}`, label: r.name });
	}
	return links;
}

export interface NewActionQuery {
	/** `t:<team id>` or `i:<institution id>`: whose agenda the new action goes on. */
	voor?: string;
	evaluatie?: string;
	bevinding?: string;
}

export type NewActionForm =
	| { kind: 'none' }
	| { kind: 'choose'; choices: { value: string; label: string }[] }
	| {
			kind: 'form';
			subject: Subject;
			evaluation: { id: string; title: string } | null;
			findings: { id: string; kind: string; text: string }[];
			prefill: Record<string, string>;
			options: FormOptions | null;
			clientToken: string;
	  };

/**
 * The "new action" form of the agenda page: for the evaluation (and finding) in the
 * address, for the chosen team or institution, or a chooser. Never throws for a bad
 * address: an evaluation or subject the actor may not use just shows the chooser.
 */
async function newActionForm(db: Database, actor: Actor, query: NewActionQuery): Promise<NewActionForm> {
	const choices = await creatableSubjects(db, actor);
	if (!choices.length) return { kind: 'none' };
	const prefill: Record<string, string> = {};
	let ref: { institutionId: string; teamId: string | null } | null = null;
	let evaluationRow: { id: string; title: string; modelVersionId: string } | null = null;
	const findings: { id: string; kind: string; text: string }[] = [];
	if (query.evaluatie && isUuid(query.evaluatie)) {
		try {
			const row = await requireEvaluation(db, actor, query.evaluatie);
			ref = { institutionId: row.institutionId, teamId: row.teamId };
			evaluationRow = { id: row.id, title: row.title, modelVersionId: row.modelVersionId };
			findings.push(
				...(await db
					.select({
						id: finding.id,
						kind: finding.kind,
						text: finding.text,
						valueKey: finding.valueKey,
						standardKey: finding.standardKey
					})
					.from(finding)
					.where(eq(finding.evaluationId, row.id))
					.orderBy(asc(finding.createdAt))
					.limit(500))
			);
			const chosen = findings.find((f) => f.id === query.bevinding) as
				{ id: string; text: string; valueKey: string | null; standardKey: string | null } | undefined;
			if (chosen) {
				prefill.findingId = chosen.id;
				prefill.reason = chosen.text;
				if (chosen.valueKey) prefill.valueKey = chosen.valueKey;
				if (chosen.standardKey) prefill.standardKey = chosen.standardKey;
			}
		} catch (error) {
			if (!(error instanceof AppError)) throw error;
		}
	} else if (query.voor || choices.length === 1) {
		// One team or institution to choose from: no need to ask.
		const [kind, id] = (query.voor ?? choices[0]!.value).split(':');
		if (id && isUuid(id)) {
			if (kind === 'i') ref = { institutionId: id, teamId: null };
			if (kind === 't') {
				const [row] = await db
					.select({ institutionId: team.institutionId })
					.from(team)
					.where(eq(team.id, id));
				if (row) ref = { institutionId: row.institutionId, teamId: id };
			}
		}
	}
	if (!ref) return { kind: 'choose', choices };
	let subject: Subject;
	try {
		subject = await requireSubject(db, actor, ref, agendaPolicy, {
			read: 'action.read',
			action: 'action.create',
			write: true
		});
	} catch (error) {
		if (error instanceof AppError) return { kind: 'choose', choices };
		throw error;
	}
	return {
		kind: 'form',
		subject,
		evaluation: evaluationRow ? { id: evaluationRow.id, title: evaluationRow.title } : null,
		findings: findings.map((f) => ({ id: f.id, kind: f.kind, text: f.text })),
		prefill,
		options: await formOptions(db, subject, evaluationRow?.modelVersionId ?? null),
		clientToken: randomUUID()
	};
}

/** Everything the agenda page shows: the filtered list, the filter choices, the new-action form. */
export async function agendaOverview(
	db: Database,
	actor: Actor | null,
	query: ActionListQuery & NewActionQuery
) {
	const who = requireSignedIn(actor);
	const [list, teams, newAction, ambitions] = await Promise.all([
		listActions(db, who, query),
		filterTeams(db, who),
		newActionForm(db, who, query),
		ambitionLinks(db, who)
	]);
	return { list, teams, newAction, ambitions };
}

/** The action page: the action with its notes, the edit choices when the actor may edit, a form token. */
export async function actionOverview(db: Database, actor: Actor | null, id: string) {
	const action = await getAction(db, actor, id);
	let options: FormOptions | null = null;
	if (action.can.update) {
		const subject: Subject = {
			institutionId: action.institutionId,
			teamId: action.teamId,
			institutionName: action.institutionName,
			teamName: action.teamName,
			archived: false
		};
		options = await formOptions(db, subject, action.modelVersionId);
	}
	// Labels for showing keys by name, also to those who only read.
	const version =
		(action.modelVersionId && (await versions.find(db, action.modelVersionId))) ||
		(await versions.latestPublished(db));
	return {
		action,
		options,
		labels: version ? modelLabels(version.document) : null,
		clientToken: randomUUID()
	};
}
