import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { finding } from '../evaluations/evaluation.table.ts';
import { useWorld } from '../organisation/test-world.ts';
import { PdfPool, pdfPool } from './pdf-pool.ts';
import { buildReportEvaluation, pdfInfo, pdfText } from './report-fixtures.ts';
import { loadReportData } from './report-data.ts';
import { renderReportData } from './report.service.ts';

const { db, world } = useWorld();
afterAll(() => pdfPool().close());

const tiny = (marker: string) => ({
	main: '#let d = json("data.json")\n#set document(title: d.title)\n#set text(lang: "nl")\n= #d.title\n#d.body',
	files: { 'data.json': JSON.stringify({ title: `Document ${marker}`, body: `Inhoud ${marker}` }) }
});

const percentile = (xs: number[], p: number) =>
	[...xs].sort((a, b) => a - b)[Math.ceil((p / 100) * xs.length) - 1]!;

describe('the PDF worker pool', () => {
	it('renders many documents at once, each with its own content', async () => {
		const pool = new PdfPool({ size: 2 });
		try {
			const markers = Array.from({ length: 12 }, (_, i) => `nr-${i}`);
			const pdfs = await Promise.all(markers.map((marker) => pool.render(tiny(marker))));
			for (const [i, pdf] of pdfs.entries()) {
				expect(await pdfText(pdf)).toContain(`Inhoud ${markers[i]}`);
			}
		} finally {
			await pool.close();
		}
	});

	it('rejects a document that does not compile with Typst diagnostics, and keeps working', async () => {
		const pool = new PdfPool({ size: 1 });
		try {
			await expect(pool.render({ main: '#let x = (', files: {} })).rejects.toThrow(/Typst/);
			expect(await pdfText(await pool.render(tiny('daarna')))).toContain('Inhoud daarna');
		} finally {
			await pool.close();
		}
	});

	it('abandons a render that takes too long and refuses work beyond the queue limit', async () => {
		const slow = new PdfPool({ size: 1, timeoutMs: 1 });
		try {
			await expect(slow.render(tiny('traag'))).rejects.toThrow(/timed out/);
		} finally {
			await slow.close();
		}
		const full = new PdfPool({ size: 1, maxQueue: 1 });
		try {
			const first = full.render(tiny('1'));
			const second = full.render(tiny('2'));
			await expect(full.render(tiny('3'))).rejects.toMatchObject({ status: 503 });
			await Promise.all([first, second]);
		} finally {
			await full.close();
		}
	});

	it.skipIf(process.platform !== 'linux')(
		'renders at the lowest CPU priority on the worker thread only',
		async () => {
			const { readFileSync, readdirSync } = await import('node:fs');
			// Field 19 of /proc/…/stat (counting after the command name in parentheses) is the nice value.
			const nice = (path: string) => Number(readFileSync(path, 'utf8').split(') ')[1]!.split(' ')[16]);
			const own = nice('/proc/thread-self/stat');
			const pool = new PdfPool({ size: 1 });
			try {
				await pool.render(tiny('nice'));
				const threads = readdirSync('/proc/self/task').map((tid) => nice(`/proc/self/task/${tid}/stat`));
				expect(threads.filter((n) => n === 19).length).toBeGreaterThanOrEqual(1);
				expect(nice('/proc/thread-self/stat')).toBe(own);
				expect(nice(`/proc/self/task/${process.pid}/stat`)).not.toBe(19);
			} finally {
				await pool.close();
			}
		}
	);

	it('admits one report job per worker at a time, and refuses beyond the queue', async () => {
		const pool = new PdfPool({ size: 1, maxQueue: 2 });
		try {
			let running = 0;
			let most = 0;
			const gates: (() => void)[] = [];
			const job = () =>
				pool.admit(async () => {
					running++;
					most = Math.max(most, running);
					await new Promise<void>((resolve) => gates.push(resolve));
					running--;
					return 'klaar';
				});
			const jobs = [job(), job(), job()];
			await expect(job()).rejects.toMatchObject({ status: 503 });
			await new Promise((r) => setTimeout(r, 10));
			expect(running).toBe(1);
			while (gates.length || running) {
				gates.shift()?.();
				await new Promise((r) => setTimeout(r, 1));
			}
			expect(await Promise.all(jobs)).toEqual(['klaar', 'klaar', 'klaar']);
			expect(most).toBe(1);
			// A job that fails gives its place back.
			await expect(pool.admit(() => Promise.reject(new Error('kapot')))).rejects.toThrow('kapot');
			const again = pool.admit(async () => 'weer');
			expect(await again).toBe('weer');
		} finally {
			await pool.close();
		}
	});

	it('renders full reports off the main loop (figures printed, not asserted)', async () => {
		const ev = await buildReportEvaluation(db(), {
			institutionId: world.a.id,
			teamId: world.a1.id,
			respondents: { teacher: 12, student: 25, work_field: 6, management: 2, board: 1 }
		});
		// Enough findings for a long report.
		const kinds = ['strength', 'concern', 'good_practice', 'risk'] as const;
		await db()
			.insert(finding)
			.values(
				Array.from({ length: 160 }, (_, i) => ({
					evaluationId: ev.id,
					kind: kinds[i % 4]!,
					valueKey: ['eigenaarschap', 'wendbaarheid', 'dialoog', 'vertrouwen', 'rekenschap'][i % 5]!,
					text: `Bevinding ${i}: ${'Het team bespreekt de resultaten met studenten en werkveld. '.repeat(3)}`
				}))
			);
		const data = await loadReportData(db(), world.people.leadA1.actor, ev.id);
		const warm = await renderReportData(data);
		const info = await pdfInfo(warm);

		const sequential: number[] = [];
		for (let i = 0; i < 20; i++) {
			const t = performance.now();
			await renderReportData(data);
			sequential.push(performance.now() - t);
		}
		const delay = monitorEventLoopDelay({ resolution: 5 });
		delay.enable();
		const t = performance.now();
		const pdfs = await Promise.all(Array.from({ length: 20 }, () => renderReportData(data)));
		const concurrent = performance.now() - t;
		delay.disable();
		expect(pdfs.every((p) => p.byteLength > 10_000)).toBe(true);
		console.log(
			`report: ${info.Pages} pages; sequential p50 ${percentile(sequential, 50).toFixed(1)} ms, p95 ${percentile(sequential, 95).toFixed(1)} ms; ` +
				`20 concurrent in ${concurrent.toFixed(0)} ms on ${pdfPool().size} worker(s); ` +
				`event-loop delay p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms, max ${(delay.max / 1e6).toFixed(1)} ms`
		);
		expect(Number(info.Pages)).toBeGreaterThan(10);
	});
});
