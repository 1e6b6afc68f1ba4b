import { perspectiveChart, positionChart } from '../charts/index.ts';
import { m } from '../../paraglide/messages.js';
import type { PerspectiveGroup } from './anonymity.ts';
import { shownGroups, type ReportData } from './report-data.ts';
import {
	perspectiveGroupLabel,
	type ChartOutput,
	type Locale,
	type ReportCharts
} from './report-document.ts';

const mean = (xs: readonly number[]): number | null =>
	xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;

// A4 portrait minus the margins is about 480 pt wide; the SVG scales to it.
const width = 680;

/**
 * The report's charts, drawn by the charts module: the position per value (against the
 * standard and the ambition), and per value the position per standard and the mean per
 * perspective. Perspectives under the anonymity threshold appear only merged, and the
 * merged group only when it reaches the threshold itself.
 */
export function reportCharts(data: ReportData, locale: Locale): ReportCharts {
	const o = { locale };
	const doc = data.model.document;
	const scale = doc.ratingScale.levels.map((l) => ({ rank: l.rank, label: l.label }));
	const standardRank =
		doc.ratingScale.levels.find((l) => l.key === doc.ratingScale.standardLevelKey)?.rank ?? 0;
	const standardMean = new Map(data.standards.map((s) => [s.key, mean(s.ranks)]));
	const values = doc.values.filter((v) => data.standards.some((s) => s.valueKeys.includes(v.key)));
	if (!values.length) return {};

	const valueMean = (key: string) =>
		mean(
			data.standards
				.filter((s) => s.valueKeys.includes(key))
				.map((s) => standardMean.get(s.key))
				.filter((x): x is number => x !== null && x !== undefined)
		);
	const overview = positionChart(
		{
			title: m.reports_chart_overview({}, o),
			scale,
			rows: values.map((v) => ({
				label: v.name,
				position: valueMean(v.key),
				standard: standardRank,
				ambition: data.ambitions.get(`value:${v.key}`) ?? null
			}))
		},
		{ locale, width }
	);

	// The merged group is a group like any other: shown only when it is large enough itself.
	const size = new Map<PerspectiveGroup, number>();
	for (const [p, n] of data.respondents) {
		const g = data.groups.get(p) ?? 'other';
		size.set(g, (size.get(g) ?? 0) + n);
	}
	const groups = shownGroups(data.groups).filter(
		(g) => g !== 'other' || (size.get(g) ?? 0) >= data.threshold
	);

	const perValue = new Map<string, ChartOutput[]>();
	for (const v of values) {
		const standards = data.standards.filter((s) => s.valueKeys.includes(v.key));
		const charts: ChartOutput[] = [
			positionChart(
				{
					title: m.reports_chart_value_position({ value: v.name }, o),
					scale,
					rows: standards.map((s) => ({
						label: s.title,
						position: standardMean.get(s.key) ?? null,
						standard: standardRank,
						ambition: data.ambitions.get(`standard:${s.key}`) ?? null
					}))
				},
				{ locale, width }
			)
		];
		if (groups.length > 1) {
			charts.push(
				perspectiveChart(
					{
						title: m.reports_chart_value_perspectives({ value: v.name }, o),
						categories: standards.map((s) => s.title),
						series: groups.map((g) => ({
							name: perspectiveGroupLabel(g, locale),
							values: standards.map((s) => {
								const b = s.byGroup[g];
								return b && b.rated ? b.rankSum / b.rated : null;
							})
						})),
						scale
					},
					{ locale, width }
				)
			);
		}
		perValue.set(v.key, charts);
	}
	return { overview, perValue };
}
