import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { AppError } from '../http/errors.ts';

/** One Typst document to render: the main source and the files it reads (data, charts). */
export interface PdfJob {
	main: string;
	/** Paths relative to the document root (e.g. `data.json`, `charts/1.svg`) → content. */
	files: Record<string, string | Uint8Array>;
}

// The worker's code is a string run with `eval: true`: after `vite build` the server code
// lives in bundled chunks, so a worker file beside this source would not exist at run time.
// The compiler is a runtime dependency (kept external by the build); its absolute path is
// resolved here and handed over, so the worker does not depend on the process's cwd.
const workerSource = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
// Lowest CPU priority for this thread only (on Linux setpriority(PRIO_PROCESS, 0) acts on
// the calling thread): a report then takes the CPU only when pages and the database leave
// it free, so interactive requests do not slow down while PDFs are made.
if (workerData.niceness) {
	try {
		require('node:os').setPriority(workerData.niceness);
	} catch {
		// Not permitted or not supported: render at normal priority.
	}
}
const { NodeCompiler } = require(workerData.compilerPath);
const root = '/ks-report';
// One compiler per worker, reused: the first compile loads fonts (~tens of ms), later ones take ms.
const compiler = NodeCompiler.create({ workspace: root });
let mapped = [];
let jobs = 0;
parentPort.on('message', (job) => {
	try {
		for (const path of mapped) compiler.unmapShadow(path);
		mapped = [];
		for (const [name, content] of Object.entries(job.files)) {
			const path = root + '/' + name;
			compiler.mapShadow(path, Buffer.from(content));
			mapped.push(path);
		}
		const result = compiler.compile({ mainFileContent: job.main });
		const error = result.takeError();
		if (error || !result.result) {
			const diagnostics = error ? compiler.fetchDiagnostics(error) : [];
			parentPort.postMessage({ id: job.id, error: JSON.stringify(diagnostics).slice(0, 4000) || 'compile failed' });
			return;
		}
		const pdf = compiler.pdf(result.result, { pdfStandard: 'ua-1' });
		const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength).slice();
		parentPort.postMessage({ id: job.id, pdf: bytes }, [bytes.buffer]);
	} catch (e) {
		parentPort.postMessage({ id: job.id, error: String((e && (e.code || e.message)) || e) });
	} finally {
		// Typst memoises across compiles; evicting old entries now and then bounds the memory.
		if (++jobs % 50 === 0) compiler.evictCache(10);
	}
});
`;

interface Pending {
	id: number;
	job: PdfJob;
	resolve: (pdf: Uint8Array) => void;
	reject: (error: Error) => void;
}

interface Slot {
	worker: Worker;
	busy: Pending | null;
	timer: ReturnType<typeof setTimeout> | null;
}

export interface PdfPoolOptions {
	size?: number;
	/** Jobs waiting beyond this are refused with a 503 rather than queued without bound. */
	maxQueue?: number;
	/** A render taking longer than this is abandoned and its worker replaced. */
	timeoutMs?: number;
	/** CPU niceness of the worker threads (0–19; default 19, the lowest priority). */
	niceness?: number;
}

/** A small pool of worker threads that render Typst to PDF off the main event loop. */
export class PdfPool {
	readonly size: number;
	private readonly maxQueue: number;
	private readonly timeoutMs: number;
	private readonly compilerPath: string;
	private readonly slots: Slot[] = [];
	private readonly queue: Pending[] = [];
	private readonly niceness: number;
	private readonly admitted = { running: 0, waiting: [] as (() => void)[] };
	private nextId = 1;
	private closed = false;

	constructor(options: PdfPoolOptions = {}) {
		this.size = Math.max(1, options.size ?? 1);
		this.maxQueue = options.maxQueue ?? 200;
		this.timeoutMs = options.timeoutMs ?? 30_000;
		this.niceness = Math.min(19, Math.max(0, options.niceness ?? 19));
		this.compilerPath = createRequire(import.meta.url).resolve('@myriaddreamin/typst-ts-node-compiler');
	}

	/** Renders one document; rejects with the Typst diagnostics when it does not compile. */
	render(job: PdfJob): Promise<Uint8Array> {
		if (this.closed) return Promise.reject(new Error('PDF pool is closed'));
		if (this.queue.length >= this.maxQueue) {
			return Promise.reject(
				new AppError(503, 'busy', 'Er worden nu te veel rapporten gemaakt. Probeer het zo opnieuw.')
			);
		}
		return new Promise((resolve, reject) => {
			this.queue.push({ id: this.nextId++, job, resolve, reject });
			this.dispatch();
		});
	}

	/**
	 * Runs a whole report job (read its data, build the document, render) when it is its
	 * turn: at most one job per worker at a time. Without this, every PDF request waiting
	 * for a worker would already have read its data and drawn its charts on the main
	 * thread, competing with pages for CPU and database. (Also preparing the next job
	 * while one renders made ~10 % more PDFs but slowed pages' p95 more.)
	 */
	async admit<T>(work: () => Promise<T>): Promise<T> {
		if (this.closed) throw new Error('PDF pool is closed');
		if (this.admitted.running >= this.size) {
			if (this.admitted.waiting.length >= this.maxQueue) {
				throw new AppError(503, 'busy', 'Er worden nu te veel rapporten gemaakt. Probeer het zo opnieuw.');
			}
			await new Promise<void>((resolve) => this.admitted.waiting.push(resolve));
		} else this.admitted.running++;
		try {
			return await work();
		} finally {
			// Hand the place straight to the next job, or give it back.
			const next = this.admitted.waiting.shift();
			if (next) next();
			else this.admitted.running--;
		}
	}

	/** Stops every worker (tests, shutdown); waiting jobs are refused. */
	async close(): Promise<void> {
		this.closed = true;
		for (const pending of this.queue.splice(0)) pending.reject(new Error('PDF pool is closed'));
		await Promise.all(
			this.slots.splice(0).map((slot) => {
				if (slot.timer) clearTimeout(slot.timer);
				slot.busy?.reject(new Error('PDF pool is closed'));
				return slot.worker.terminate();
			})
		);
	}

	private dispatch(): void {
		while (this.queue.length) {
			let slot = this.slots.find((s) => !s.busy);
			if (!slot && this.slots.length < this.size) slot = this.spawn();
			if (!slot) return;
			const pending = this.queue.shift()!;
			slot.busy = pending;
			slot.worker.ref();
			slot.timer = setTimeout(() => this.fail(slot, new Error('PDF render timed out')), this.timeoutMs);
			slot.worker.postMessage({ id: pending.id, ...pending.job });
		}
	}

	private spawn(): Slot {
		const worker = new Worker(workerSource, {
			eval: true,
			workerData: { compilerPath: this.compilerPath, niceness: this.niceness }
		});
		const slot: Slot = { worker, busy: null, timer: null };
		worker.on('message', (message: { id: number; pdf?: Uint8Array; error?: string }) => {
			const pending = slot.busy;
			if (!pending || pending.id !== message.id) return;
			this.release(slot);
			if (message.pdf) pending.resolve(message.pdf);
			else pending.reject(new Error(`Typst: ${message.error ?? 'unknown error'}`));
			this.dispatch();
		});
		worker.on('error', (error) => this.fail(slot, error));
		worker.on('exit', () => this.fail(slot, new Error('PDF worker stopped')));
		// Idle workers must not keep a script or test process alive.
		worker.unref();
		this.slots.push(slot);
		return slot;
	}

	private release(slot: Slot): void {
		if (slot.timer) clearTimeout(slot.timer);
		slot.timer = null;
		slot.busy = null;
		slot.worker.unref();
	}

	/** A crashed or stuck worker fails its job and is replaced by a fresh one on demand. */
	private fail(slot: Slot, error: Error): void {
		const index = this.slots.indexOf(slot);
		if (index === -1) return;
		this.slots.splice(index, 1);
		const pending = slot.busy;
		this.release(slot);
		void slot.worker.terminate();
		pending?.reject(error);
		if (!this.closed) this.dispatch();
	}
}

function envInt(name: string, fallback: number): number {
	const value = Number.parseInt(process.env[name] ?? '', 10);
	return Number.isFinite(value) && value > 0 ? value : fallback;
}

let shared: PdfPool | null = null;

/**
 * The process's pool. PDF_WORKERS sets its size; by default one worker per spare core
 * (at most two), so that pages keep a core of their own while reports are made.
 */
export function pdfPool(): PdfPool {
	shared ??= new PdfPool({
		size: envInt('PDF_WORKERS', Math.min(2, Math.max(1, availableParallelism() - 1))),
		maxQueue: envInt('PDF_QUEUE_MAX', 200),
		timeoutMs: envInt('PDF_TIMEOUT_MS', 30_000),
		// 0 renders at normal priority (e.g. on a machine that makes only reports).
		niceness: process.env.PDF_NICE === '0' ? 0 : envInt('PDF_NICE', 19)
	});
	return shared;
}
