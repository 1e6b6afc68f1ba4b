import type { Database } from '../db/database.ts';
import type { Actor } from '../policy/policy.ts';
import { pdfPool } from './pdf-pool.ts';
import { reportCharts } from './report-charts.ts';
import { loadReportDataFor, type ReportData } from './report-data.ts';
import { requireEvaluation } from '../evaluations/evaluation.access.ts';
import { buildReportDocument, type Locale } from './report-document.ts';
import { reportTemplate } from './report-template.ts';
import { safeFilename } from './filename.ts';

/** Renders the data of one evaluation as a tagged PDF/UA-1 document on the worker pool. */
export async function renderReportData(data: ReportData, locale: Locale = 'nl'): Promise<Uint8Array> {
	const { document, svgs } = buildReportDocument(data, locale, reportCharts(data, locale));
	const files: Record<string, string> = { 'data.json': JSON.stringify(document) };
	svgs.forEach((svg, i) => (files[`charts/${i + 1}.svg`] = svg));
	return pdfPool().render({ main: reportTemplate, files });
}

/**
 * The self-evaluation report of an evaluation as PDF bytes. Throws 404 when the actor may
 * not read the evaluation (another institution), 403 when they may not export it.
 */
export async function renderReportPdf(
	db: Database,
	actor: Actor | null,
	evaluationId: string,
	locale: Locale = 'nl'
): Promise<Uint8Array> {
	return (await reportPdf(db, actor, evaluationId, locale)).pdf;
}

/** The report with a download name (`<title>-<date>.pdf`). */
export async function reportPdf(
	db: Database,
	actor: Actor | null,
	evaluationId: string,
	locale: Locale = 'nl'
): Promise<{ filename: string; pdf: Uint8Array }> {
	// Authorised first, so a refusal never waits behind other people's reports.
	const row = await requireEvaluation(db, actor, evaluationId, 'evaluation.export');
	return pdfPool().admit(async () => {
		const data = await loadReportDataFor(db, row);
		const pdf = await renderReportData(data, locale);
		const stamp = (data.evaluation.finalisedAt ?? new Date()).toISOString().slice(0, 10);
		return { filename: safeFilename(`${data.evaluation.title}-${stamp}`, 'pdf'), pdf };
	});
}
