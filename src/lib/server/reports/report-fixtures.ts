import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { improvementAction } from '../agenda/agenda.table.ts';
import { capacityAssessment, evaluation, finding, rating } from '../evaluations/evaluation.table.ts';
import { buildEvaluation } from '../testing/evaluation-factories.ts';

// Test data for the reports: one team evaluation with ratings from several perspectives,
// findings, capacities and actions, written directly (no workflow) and optionally finalised.

type Perspective = (typeof rating.$inferInsert)['perspective'];

const levels: Record<number, string> = {
	1: 'below-standard',
	2: 'at-standard',
	3: 'above-standard',
	4: 'ambition'
};

/** Typst's markup characters, to prove user text is printed literally. */
export const trickyText = 'Let op: #set $x^2$ *vet* [haak] \\ <label> @ref // = geen kop';

export interface ReportFixtureOptions {
	institutionId: string;
	teamId: string;
	ownerId?: string;
	finalise?: boolean;
	/** Respondents per perspective; default 6 teachers, 5 students, 2 work field (merged), 1 board (merged). */
	respondents?: Partial<Record<Perspective, number>>;
	title?: string;
}

export async function buildReportEvaluation(db: Database, options: ReportFixtureOptions) {
	const ev = await buildEvaluation(db, {
		institutionId: options.institutionId,
		teamId: options.teamId,
		status: 'reporting',
		title: options.title ?? 'Zelfevaluatie Zorg 2026'
	});
	const respondents = options.respondents ?? { teacher: 6, student: 5, work_field: 2, board: 1 };
	const rows: (typeof rating.$inferInsert)[] = [];
	let n = 0;
	for (const [perspective, count] of Object.entries(respondents) as [Perspective, number][]) {
		for (let i = 0; i < count; i++) {
			const respondent = `${perspective}-${i}`;
			ev.scopeStandardKeys.forEach((standardKey, s) => {
				const rank = (n + s) % 5 === 4 ? null : ((n + s) % 4) + 1;
				rows.push({
					evaluationId: ev.id,
					standardKey,
					perspective,
					respondent,
					levelKey: rank === null ? null : levels[rank]!,
					rank,
					motivation: s === 0 && i === 0 ? '=HYPERLINK("http://evil.example") zie bijlage' : `Motivering ${n}`
				});
			});
			n++;
		}
	}
	await db.insert(rating).values(rows);
	await db.insert(finding).values([
		{
			evaluationId: ev.id,
			kind: 'strength',
			valueKey: 'eigenaarschap',
			text: 'Het team voelt zich eigenaar van het curriculum.'
		},
		{
			evaluationId: ev.id,
			kind: 'concern',
			valueKey: 'dialoog',
			text: 'Het werkveld wordt te laat betrokken.'
		},
		{
			evaluationId: ev.id,
			kind: 'good_practice',
			standardKey: ev.scopeStandardKeys[0],
			text: 'Wekelijkse teamreflectie met studenten.'
		},
		{ evaluationId: ev.id, kind: 'risk', text: trickyText }
	]);
	await db.insert(capacityAssessment).values([
		{
			evaluationId: ev.id,
			capacityKey: 'learning',
			perspective: 'teacher',
			respondent: 'teacher-0',
			effect: 'helps',
			note: 'We leren van elkaar.'
		},
		{
			evaluationId: ev.id,
			capacityKey: 'learning',
			perspective: 'teacher',
			respondent: 'teacher-1',
			effect: 'hinders',
			note: ''
		},
		{
			evaluationId: ev.id,
			capacityKey: 'steering',
			perspective: 'student',
			respondent: 'student-0',
			effect: 'hinders',
			note: 'Onduidelijke sturing.'
		}
	]);
	await db.insert(improvementAction).values([
		{
			institutionId: options.institutionId,
			teamId: options.teamId,
			evaluationId: ev.id,
			title: 'Werkveld eerder betrekken',
			reason: 'Aandachtspunt uit de zelfevaluatie',
			valueKey: 'dialoog',
			ownerId: options.ownerId ?? null,
			dueOn: '2027-03-01',
			status: 'in_progress',
			progress: 40
		},
		{
			institutionId: options.institutionId,
			teamId: options.teamId,
			title: '+SUM(A1:A9) formule-achtige titel',
			status: 'open',
			capacityKey: 'learning'
		}
	]);
	if (options.finalise) {
		await db
			.update(evaluation)
			.set({ status: 'finalised', finalisedAt: new Date() })
			.where(eq(evaluation.id, ev.id));
	}
	const [row] = await db.select().from(evaluation).where(eq(evaluation.id, ev.id));
	return row!;
}

async function run(command: string, args: string[], pdf: Uint8Array): Promise<string> {
	const dir = await mkdtemp(join(tmpdir(), 'ks-report-'));
	const file = join(dir, 'report.pdf');
	try {
		await writeFile(file, pdf);
		return await new Promise((resolve, reject) =>
			execFile(command, [...args.map((a) => (a === 'FILE' ? file : a))], (error, stdout) =>
				error ? reject(error) : resolve(stdout)
			)
		);
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

/** The text of a PDF, as `pdftotext` (poppler) extracts it. */
export const pdfText = (pdf: Uint8Array) => run('pdftotext', ['FILE', '-'], pdf);

/** `pdfinfo`'s fields (Title, Tagged, Pages, …). */
export async function pdfInfo(pdf: Uint8Array): Promise<Record<string, string>> {
	const out = await run('pdfinfo', ['FILE'], pdf);
	return Object.fromEntries(
		out
			.split('\n')
			.map((line) => line.match(/^([^:]+):\s*(.*)$/))
			.filter((x): x is RegExpMatchArray => !!x)
			.map((x) => [x[1]!.trim(), x[2]!.trim()])
	);
}
