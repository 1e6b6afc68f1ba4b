import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { user } from '../auth/auth.table.ts';
import { loadActor } from '../auth/actor.ts';
import type { Actor } from '../policy/policy.ts';
import { institution, team } from '../organisation/organisation.table.ts';
import { instrumentType } from '../evaluations/evaluation.table.ts';
import { latestPublishedVersion } from '../model/model.service.ts';
import { planEvaluation } from '../evaluations/evaluation.service.ts';
import { advanceEvaluation, finaliseEvaluation } from '../evaluations/workflow.service.ts';
import { addParticipant } from '../evaluations/participant.service.ts';
import { createQuestionnaireLinks, submitQuestionnaire } from '../evaluations/questionnaire.service.ts';
import { saveRatings } from '../evaluations/rating.service.ts';
import { createFinding } from '../evaluations/finding.service.ts';
import { saveCapacity } from '../evaluations/capacity.service.ts';
import { setAmbition } from '../ambitions/ambition.service.ts';
import { createAction } from '../agenda/action.service.ts';
import { addDays, today } from '../../domain/dates.ts';
import type { ModelDocument } from '../../domain/model/model-document.ts';
import { DEMO_TEAMS, demoAccount } from './demo-accounts.ts';
import { demoInstitutions } from './demo-network.ts';

// Evaluations for the demo institution "ROC Voorbeeld Midden", made through the same
// services a person would use (plan, links, answers, ratings, findings, vaststellen,
// actions, ambitions), so the dashboards and reports show what the app itself makes.
// Dates lie in the past (the plan's dates); vaststellen happens now, as it would.

type Perspective = 'student' | 'teacher' | 'work_field' | 'management';

interface DemoEvaluation {
	team: string;
	/** Days before today the evaluation ended. */
	endedDaysAgo: number;
	/** The mean level (1 = lowest) the team stood at then; students rate a little lower. */
	mean: number;
	/** Questionnaire answers per perspective (students ≥ 5, so the threshold shows them). */
	links: Partial<Record<Perspective, number>>;
	/** Leave it in uitvoering (the demo team lead and member can still rate). */
	open?: boolean;
}

const A = demoInstitutions.find((i) => i.key === 'A')!;

const plans: readonly DemoEvaluation[] = [
	{ team: DEMO_TEAMS.A, endedDaysAgo: 680, mean: 1.9, links: { student: 6, teacher: 4, work_field: 2 } },
	{ team: DEMO_TEAMS.A, endedDaysAgo: 300, mean: 2.5, links: { student: 7, teacher: 4, work_field: 3 } },
	{ team: 'Verzorgende IG', endedDaysAgo: 420, mean: 2.2, links: { student: 5, teacher: 5, work_field: 2 } },
	{ team: 'Pedagogisch werk', endedDaysAgo: 240, mean: 2.8, links: { student: 6, teacher: 5 } },
	{
		team: 'Software development',
		endedDaysAgo: 150,
		mean: 1.8,
		links: { student: 8, teacher: 5, work_field: 5 }
	},
	{ team: DEMO_TEAMS.A, endedDaysAgo: -21, mean: 2.7, links: { student: 5 }, open: true }
];

const perspectiveBias: Record<Perspective, number> = {
	student: -0.3,
	teacher: 0.1,
	work_field: 0,
	management: 0.3
};

/** A small deterministic PRNG (mulberry32): the demo looks the same on every start. */
function prng(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface DemoEvaluationsResult {
	finalised: number;
	open: number;
	answers: number;
	actions: number;
}

/**
 * Adds the demo evaluations, ambitions and improvement actions to a freshly loaded demo
 * network. Call once, right after the demo network was inserted.
 */
export async function seedDemoEvaluations(db: Database): Promise<DemoEvaluationsResult> {
	const version = await latestPublishedVersion(db);
	if (!version) throw new Error('demo evaluations need a published model version');
	const model = version.document;
	const [inst] = await db
		.select({ id: institution.id })
		.from(institution)
		.where(eq(institution.rioCode, A.rioCode));
	if (!inst) throw new Error(`demo institution ${A.name} not found`);
	const teams = new Map(
		(
			await db
				.select({ id: team.id, name: team.name })
				.from(team)
				.where(
					and(eq(team.institutionId, inst.id), inArray(team.name, [...new Set(plans.map((p) => p.team))]))
				)
		).map((t) => [t.name, t.id])
	);
	const [instrument] = await db
		.select({ id: instrumentType.id })
		.from(instrumentType)
		.where(and(eq(instrumentType.key, 'zelfevaluatie_team'), isNull(instrumentType.institutionId)));
	if (!instrument) throw new Error('built-in instrument zelfevaluatie_team not found');

	const actor = async (email: string): Promise<Actor> => {
		const [person] = await db.select({ id: user.id }).from(user).where(eq(user.email, email));
		const loaded = person ? await loadActor(db, person.id) : null;
		if (!loaded) throw new Error(`demo account ${email} not found`);
		return loaded;
	};
	const lead = await actor(demoAccount('team_lead', 'A').email);
	const member = await actor(demoAccount('team_member', 'A').email);
	const officer = await actor(demoAccount('quality_officer', 'A').email);

	const result: DemoEvaluationsResult = { finalised: 0, open: 0, answers: 0, actions: 0 };
	const random = prng(2026);
	const levels = [...model.ratingScale.levels].sort((a, b) => a.rank - b.rank);
	const levelAt = (mean: number) => {
		const noisy = mean + (random() + random() + random() - 1.5) * 1.1;
		return levels[Math.min(levels.length, Math.max(1, Math.round(noisy))) - 1]!.key;
	};

	for (const [index, p] of plans.entries()) {
		const teamId = teams.get(p.team);
		if (!teamId) throw new Error(`demo team ${p.team} not found in ${A.name}`);
		const demoTeam = p.team === DEMO_TEAMS.A;
		// The demo team's lead runs its own evaluations; the quality officer runs the others'.
		const runner = demoTeam ? lead : officer;
		const endsOn = addDays(today(), -p.endedDaysAgo);
		const year = endsOn.slice(0, 4);
		const perspectives: Perspective[] = ['student', 'teacher', 'work_field', 'management'];
		let row = await planEvaluation(db, runner, {
			instrumentTypeId: instrument.id,
			subjectLevel: 'team',
			teamId,
			scopeAll: true,
			scopeValueKeys: [],
			scopeStandardKeys: [],
			title: `Zelfevaluatie ${p.team} ${year}`,
			plan: 'Jaarlijkse zelfevaluatie met studenten, docenten en werkveld; bespreking in de teamdag.',
			startsOn: addDays(endsOn, -28),
			endsOn,
			perspectives
		});
		const standards = model.standards.filter((s) => row.scopeStandardKeys.includes(s.key));
		row = await advanceEvaluation(db, runner, row.id, { to: 'preparation', lock: row.lock });
		if (demoTeam) await addParticipant(db, runner, row.id, { userId: member.userId, perspective: 'teacher' });
		await addParticipant(db, runner, row.id, {
			userId: runner.userId,
			perspective: 'management'
		});
		row = await advanceEvaluation(db, runner, row.id, { to: 'execution', lock: row.lock });

		// Students, teachers and the work field answer through questionnaire links.
		for (const [perspective, n] of Object.entries(p.links) as [Perspective, number][]) {
			const links = await createQuestionnaireLinks(db, runner, row.id, { perspective, count: n });
			for (const [i, link] of links.entries()) {
				await submitQuestionnaire(db, link.token, {
					ratings: standards.map((s) => ({
						standardKey: s.key,
						levelKey: random() < 0.04 ? null : levelAt(p.mean + perspectiveBias[perspective]),
						motivation: i === 0 ? motivation(perspective) : ''
					})),
					capacities:
						perspective === 'teacher'
							? model.capacities.slice(0, 2).map((c, k) => ({
									capacityKey: c.key,
									effect: (k + i) % 3 === 0 ? ('hinders' as const) : ('helps' as const)
								}))
							: [],
					finding: i === 0 ? questionnaireFinding(perspective) : null
				});
				result.answers++;
			}
		}
		if (p.open) {
			result.open++;
			continue;
		}

		// The people with an account rate in the app itself.
		const rate = (who: Actor, bias: number) =>
			saveRatings(
				db,
				who,
				row.id,
				standards.map((s) => ({ standardKey: s.key, levelKey: levelAt(p.mean + bias), motivation: '' }))
			);
		await rate(runner, perspectiveBias.management);
		if (demoTeam) await rate(member, perspectiveBias.teacher);

		const findings = await addFindings(db, runner, row.id, model, standards, index);
		for (const [k, capacity] of model.capacities.slice(0, 3).entries()) {
			await saveCapacity(db, runner, row.id, {
				capacityKey: capacity.key,
				effect: (k + index) % 3 === 1 ? 'hinders' : 'helps',
				note:
					(k + index) % 3 === 1
						? 'Staat onder druk door de werkdruk in het team.'
						: 'Zichtbaar in hoe we samen leren.'
			});
		}
		row = await advanceEvaluation(db, runner, row.id, { to: 'reporting', lock: row.lock });
		row = await finaliseEvaluation(db, runner, row.id, { lock: row.lock });
		result.finalised++;

		// The improvement agenda from the findings: older actions are done, recent ones open,
		// some overdue.
		const concern = findings.find((f) => f.kind === 'concern');
		const actions = [
			{
				title: 'Studentpanel elke periode organiseren',
				reason: 'Studenten missen terugkoppeling op wat er met hun feedback gebeurt.',
				valueKey: 'dialoog',
				findingId: concern?.id,
				dueOn: addDays(endsOn, 120),
				status: p.endedDaysAgo > 400 ? 'done' : 'in_progress',
				progress: p.endedDaysAgo > 400 ? 100 : 40
			},
			{
				title: 'Examenafspraken vastleggen en in het team delen',
				reason: 'Afspraken over examinering zijn niet overal bekend.',
				valueKey: 'rekenschap',
				capacityKey: model.capacities[3]?.key,
				dueOn: addDays(endsOn, 200),
				status: 'open',
				progress: 0
			},
			{
				title: 'Werkveldraad twee keer per jaar betrekken bij het programma',
				reason: 'Het werkveld is weinig betrokken bij de herziening van het programma.',
				valueKey: 'wendbaarheid',
				dueOn: addDays(today(), 45 + index * 20),
				status: 'open',
				progress: 0
			}
		];
		for (const action of actions) {
			await createAction(db, runner, {
				institutionId: inst.id,
				teamId,
				evaluationId: row.id,
				ownerId: runner.userId,
				...action
			});
			result.actions++;
		}
	}

	// Ambitions of the demo team (with history) and of the institution.
	const ambitionLevel = levels[Math.min(levels.length - 1, 2)]!.key;
	const standardLevel = model.ratingScale.standardLevelKey;
	const demoTeamId = teams.get(DEMO_TEAMS.A)!;
	for (const [k, value] of model.values.entries()) {
		await setAmbition(db, lead, {
			institutionId: inst.id,
			teamId: demoTeamId,
			targetKind: 'value',
			targetKey: value.key,
			levelKey: standardLevel,
			text: `Voor ${value.name.toLowerCase()} willen we in ieder geval op de standaard werken.`,
			setOn: addDays(today(), -700)
		});
		if (k % 2 === 0) {
			await setAmbition(db, lead, {
				institutionId: inst.id,
				teamId: demoTeamId,
				targetKind: 'value',
				targetKey: value.key,
				levelKey: ambitionLevel,
				text: `Na de zelfevaluatie: voor ${value.name.toLowerCase()} leggen we de lat hoger.`,
				setOn: addDays(today(), -280)
			});
		}
		await setAmbition(db, officer, {
			institutionId: inst.id,
			targetKind: 'value',
			targetKey: value.key,
			levelKey: k === 0 ? ambitionLevel : standardLevel,
			text: `Instellingsbreed: alle teams werken voor ${value.name.toLowerCase()} minstens op de standaard.`,
			setOn: addDays(today(), -365)
		});
	}
	return result;
}

function motivation(perspective: Perspective): string {
	return {
		student: 'Ik merk dit in de lessen, maar niet bij elke docent.',
		teacher: 'We bespreken dit in het team, de opvolging kan beter.',
		work_field: 'Als leerbedrijf worden we hier nog weinig bij betrokken.',
		management: 'Staat op de teamagenda.'
	}[perspective];
}

function questionnaireFinding(perspective: Perspective) {
	if (perspective === 'student')
		return { kind: 'concern' as const, text: 'We horen niet wat er met onze feedback gebeurt.' };
	if (perspective === 'work_field')
		return { kind: 'strength' as const, text: 'Stagiairs zijn goed voorbereid op de praktijk.' };
	return { kind: 'strength' as const, text: 'Collega’s helpen elkaar bij het ontwikkelen van lessen.' };
}

async function addFindings(
	db: Database,
	runner: Actor,
	evaluationId: string,
	model: ModelDocument,
	standards: ModelDocument['standards'],
	index: number
) {
	const valueOf = (k: number) => standards[k % standards.length]!.valueKeys[0]!;
	const items = [
		{
			kind: 'strength',
			valueKey: valueOf(index),
			text: 'Het team werkt met een gedeelde visie op goed onderwijs.'
		},
		{
			kind: 'concern',
			valueKey: 'dialoog',
			perspective: 'student',
			text: 'De terugkoppeling naar studenten over wat er met hun feedback gebeurt blijft achter.'
		},
		{
			kind: 'good_practice',
			standardKey: standards[(index + 1) % standards.length]!.key,
			text: 'Gezamenlijke kalibratiesessies voor beoordelaars, twee keer per jaar.'
		},
		{
			kind: 'risk',
			valueKey: model.values[index % model.values.length]!.key,
			text: 'Hoge werkdruk bedreigt de continuïteit.'
		}
	];
	const saved = [];
	for (const item of items) saved.push(await createFinding(db, runner, evaluationId, item));
	return saved;
}
