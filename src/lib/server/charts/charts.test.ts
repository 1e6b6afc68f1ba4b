import { describe, expect, it } from 'vitest';
import {
	distributionChart,
	formatCell,
	heatmapChart,
	perspectiveChart,
	positionChart,
	trendChart
} from './index.ts';

const scale = [
	{ rank: 1, label: 'onder de standaard' },
	{ rank: 2, label: 'op de standaard' },
	{ rank: 3, label: 'boven de standaard' },
	{ rank: 4, label: 'op ambitieniveau' }
];
const nl = { locale: 'nl' as const };

function expectAccessible(svg: string, title: string) {
	expect(svg.startsWith('<svg role="img" aria-label="Grafiek: ')).toBe(true);
	expect(svg).toContain(`<title>${title}</title>`);
	// No interactivity left over from the browser renderer, no instance counters.
	expect(svg).not.toMatch(/<style|zr\d+-cls|ecmeta_|<animate/);
}

describe('positionChart', () => {
	const input = {
		title: 'Positie per waarde',
		rows: [
			{ label: 'Eigenaarschap', position: 2.44, standard: 2, ambition: 3 },
			{ label: 'Wendbaarheid', position: null, standard: 2, ambition: null }
		],
		scale
	};

	it('draws labelled bars with the mean, and a table with the same figures', () => {
		const chart = positionChart(input, nl);
		expectAccessible(chart.svg, 'Positie per waarde');
		for (const text of [
			'Eigenaarschap',
			'Wendbaarheid',
			'2,4',
			'geen gegevens',
			'op de standaard',
			'Ambitie'
		])
			expect(chart.svg).toContain(text);
		expect(chart.table).toEqual({
			caption: 'Positie per waarde',
			columns: ['Onderdeel', 'Gemiddelde', 'Positie', 'Standaard', 'Ambitie'],
			rows: [
				['Eigenaarschap', 2.4, 'op de standaard', 'op de standaard', 'boven de standaard'],
				['Wendbaarheid', '—', 'geen gegevens', 'op de standaard', '—']
			]
		});
	});

	it('gives the same bytes for the same data', () => {
		expect(positionChart(input, nl).svg).toBe(positionChart(input, nl).svg);
	});

	it('escapes text and speaks English when asked', () => {
		const chart = positionChart({ ...input, title: 'A & <b>' }, { locale: 'en' });
		expect(chart.svg).toContain('<title>A &amp; &lt;b&gt;</title>');
		expect(chart.svg).toContain('aria-label="Chart: A &amp; &lt;b&gt;.');
		expect(chart.svg).not.toContain('<b>');
		expect(chart.table.columns).toEqual(['Item', 'Mean', 'Position', 'Standard', 'Ambition']);
		expect(chart.svg).toContain('2.4');
	});
});

describe('trendChart', () => {
	it('plots each series over the moments, with a gap for a missing figure', () => {
		const chart = trendChart(
			{
				title: 'Ontwikkeling',
				series: [
					{
						name: 'Eigenaarschap',
						points: [
							{ x: 'mrt 2024', y: 1.5 },
							{ x: 'jan 2026', y: 2.83 }
						]
					},
					{
						name: 'Vertrouwen',
						points: [
							{ x: 'mrt 2024', y: null },
							{ x: 'jan 2026', y: 3 }
						]
					}
				],
				scale,
				standardRank: 2
			},
			nl
		);
		expectAccessible(chart.svg, 'Ontwikkeling');
		for (const text of [
			'mrt 2024',
			'jan 2026',
			'Eigenaarschap',
			'Vertrouwen',
			'Standaard',
			'op ambitieniveau'
		])
			expect(chart.svg).toContain(text);
		// Vertrouwen has one point: a marker, no line; Eigenaarschap a line through two.
		expect(chart.svg.match(/<polyline/g)).toHaveLength(1);
		expect(chart.table.columns).toEqual(['Moment', 'Eigenaarschap', 'Vertrouwen']);
		expect(chart.table.rows).toEqual([
			['mrt 2024', 1.5, '—'],
			['jan 2026', 2.8, 3]
		]);
	});
});

describe('perspectiveChart', () => {
	it('groups a bar per perspective under each category', () => {
		const chart = perspectiveChart(
			{
				title: 'Perspectieven',
				categories: ['Eigenaarschap', 'Dialoog'],
				series: [
					{ name: 'student', values: [2.1, null] },
					{ name: 'docent', values: [3.25, 1] }
				],
				scale
			},
			nl
		);
		expectAccessible(chart.svg, 'Perspectieven');
		for (const text of ['Eigenaarschap', 'Dialoog', 'student', 'docent', '2,1', '1,0'])
			expect(chart.svg).toContain(text);
		expect(chart.table.rows).toEqual([
			['Eigenaarschap', 2.1, 3.3],
			['Dialoog', '—', 1]
		]);
	});
});

describe('heatmapChart', () => {
	it('labels every cell with its mean and names the levels', () => {
		const chart = heatmapChart(
			{
				title: 'Teams en waarden',
				rows: ['Zorg', 'Techniek'],
				columns: ['Eigenaarschap', 'Vertrouwen'],
				cells: [
					[1.2, null],
					[4, 2.5]
				],
				scale
			},
			nl
		);
		expectAccessible(chart.svg, 'Teams en waarden');
		for (const text of [
			'Zorg',
			'Techniek',
			'Eigenaarschap',
			'1,2',
			'4,0',
			'2,5',
			'onder de standaard',
			'op ambitieniveau'
		])
			expect(chart.svg).toContain(text);
		expect(chart.table).toEqual({
			caption: 'Teams en waarden',
			columns: ['Onderdeel', 'Eigenaarschap', 'Vertrouwen'],
			rows: [
				['Zorg', 1.2, '—'],
				['Techniek', 4, 2.5]
			]
		});
		// A dark cell carries white text, a light one dark text.
		expect(chart.svg).toMatch(/fill="#ffffff"[^>]*>4,0</);
	});

	it('copes with an empty grid', () => {
		const chart = heatmapChart({ title: 'Leeg', rows: [], columns: [], cells: [], scale }, nl);
		expectAccessible(chart.svg, 'Leeg');
		expect(chart.table.rows).toEqual([]);
	});
});

describe('distributionChart', () => {
	it('stacks the counts per category and totals them in the table', () => {
		const chart = distributionChart(
			{
				title: 'Teams per niveau',
				categories: ['Eigenaarschap', 'Vertrouwen'],
				series: [
					{ name: 'onder de standaard', values: [2, 0] },
					{ name: 'op de standaard', values: [6, 3] }
				]
			},
			nl
		);
		expectAccessible(chart.svg, 'Teams per niveau');
		for (const text of ['Eigenaarschap', 'onder de standaard', '>6<', '50%'])
			expect(chart.svg).toContain(text);
		expect(chart.table.rows).toEqual([
			['Eigenaarschap', '2', '6', '8'],
			['Vertrouwen', '0', '3', '3']
		]);
	});
});

describe('formatCell', () => {
	it('formats numbers the Dutch way and leaves text alone', () => {
		expect(formatCell(2.5)).toBe('2,5');
		expect(formatCell(3, 'en')).toBe('3.0');
		expect(formatCell('—')).toBe('—');
	});
});
