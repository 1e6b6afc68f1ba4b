import type { EvaluationStatus } from './evaluation-input.ts';

// The workflow gepland → voorbereiding → uitvoering → rapportage → vastgesteld. One step
// forward at a time; the only step back is from rapportage to uitvoering (to reopen
// rating after a look at the results). Vaststellen (→ finalised) is its own command.

const forward: Record<EvaluationStatus, EvaluationStatus | null> = {
	planned: 'preparation',
	preparation: 'execution',
	execution: 'reporting',
	reporting: 'finalised',
	finalised: null
};

const back: Partial<Record<EvaluationStatus, EvaluationStatus>> = { reporting: 'execution' };

/** The statuses one may move to from `from`, forward first. */
export function nextStatuses(from: EvaluationStatus): EvaluationStatus[] {
	return [forward[from], back[from]].filter((s): s is EvaluationStatus => !!s);
}

/** Whether `from → to` is a step of the workflow. */
export function isStep(from: EvaluationStatus, to: EvaluationStatus): boolean {
	return nextStatuses(from).includes(to);
}

/** Whether `from → to` goes back (reopening). */
export const isBackStep = (from: EvaluationStatus, to: EvaluationStatus): boolean => back[from] === to;

/** Findings and capacities are recorded while the evaluation runs and is being reported. */
export const contentOpen = (status: EvaluationStatus): boolean =>
	status === 'execution' || status === 'reporting';

/** Scope and model version are fixed once the evaluation runs (ratings refer to them). */
export const scopeOpen = (status: EvaluationStatus): boolean =>
	status === 'planned' || status === 'preparation';
