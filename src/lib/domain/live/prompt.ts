import { z } from 'zod';
import '../zod-nl.ts';
import type { Perspective } from '../evaluations/evaluation-input.ts';

/**
 * The prompt types of a live session's run-sheet (draaiboek):
 * - rating: rate one standard or reference value on the model's scale (shown against the
 *   standard level and the subject's ambition);
 * - capacities: pick the capacities (vermogens) that help or hinder;
 * - open_text: what goes well / what can be better (several answers per person);
 * - ranking: put improvement priorities in order (Borda points);
 * - dot_vote: spread a number of dots over options;
 * - word_cloud: give up to three words.
 */
export const promptKinds = [
	'rating',
	'capacities',
	'open_text',
	'ranking',
	'dot_vote',
	'word_cloud'
] as const;
export type PromptKind = (typeof promptKinds)[number];

/** Kinds where one participant may give several answers; the others keep one (the latest) per participant. */
export const multiAnswerKinds: readonly PromptKind[] = ['open_text'];

export const MAX_PROMPTS = 40;
export const MAX_PROMPT_TITLE = 300;
export const MAX_PROMPT_DESCRIPTION = 2000;
export const MAX_OPTIONS = 20;
export const MAX_OPTION_LABEL = 120;
export const MAX_OPEN_TEXT = 500;
export const MAX_OPEN_TEXT_PER_PARTICIPANT = 20;
export const MAX_WORDS = 3;
export const MAX_WORD = 40;
export const MAX_DOTS = 10;

const optionKey = z
	.string()
	.trim()
	.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Gebruik kleine letters, cijfers en streepjes (hoogstens 40).');

export const promptOptionSchema = z.object({
	key: optionKey,
	label: z
		.string()
		.trim()
		.min(1, 'Geef de keuze een naam.')
		.max(MAX_OPTION_LABEL, `Een keuze heeft hoogstens ${MAX_OPTION_LABEL} tekens.`)
});
export type PromptOption = z.infer<typeof promptOptionSchema>;

const options = (min: number) =>
	z
		.array(promptOptionSchema)
		.min(min, `Geef minstens ${min} keuzes.`)
		.max(MAX_OPTIONS, `Geef hoogstens ${MAX_OPTIONS} keuzes.`)
		.refine(
			(list) => new Set(list.map((o) => o.key)).size === list.length,
			'Elke keuze moet een eigen sleutel hebben.'
		);

/** Per kind, what the facilitator sets up. Model keys are checked against the model version by the service. */
export const promptConfigSchemas = {
	rating: z.object({
		target: z.enum(['standard', 'value'], { error: 'Kies een standaard of een referentiewaarde.' }),
		key: z.string().trim().min(1, 'Kies wat beoordeeld wordt.').max(100)
	}),
	capacities: z.object({
		// Empty: all capacities of the model.
		capacityKeys: z.array(z.string().trim().min(1).max(100)).max(30).default([])
	}),
	open_text: z.object({
		findingKind: z.enum(['strength', 'concern'], { error: 'Kies sterk punt of aandachtspunt.' })
	}),
	ranking: z.object({ options: options(2) }),
	dot_vote: z.object({
		options: options(2),
		dots: z.coerce
			.number({ error: 'Vul een aantal stippen in.' })
			.int('Vul een heel aantal stippen in.')
			.min(1, 'Geef minstens 1 stip.')
			.max(MAX_DOTS, `Geef hoogstens ${MAX_DOTS} stippen.`)
	}),
	word_cloud: z.object({})
} satisfies Record<PromptKind, z.ZodType>;

export type PromptConfig<K extends PromptKind = PromptKind> = z.infer<(typeof promptConfigSchemas)[K]>;

/** One prompt as written in a run-sheet or template (without state). */
export const promptDraftSchema = z
	.object({
		kind: z.enum(promptKinds, { error: 'Kies een soort vraag.' }),
		title: z
			.string()
			.trim()
			.min(1, 'Geef de vraag een titel.')
			.max(MAX_PROMPT_TITLE, `De titel heeft hoogstens ${MAX_PROMPT_TITLE} tekens.`),
		description: z
			.string()
			.trim()
			.max(MAX_PROMPT_DESCRIPTION, `De toelichting heeft hoogstens ${MAX_PROMPT_DESCRIPTION} tekens.`)
			.default(''),
		config: z.record(z.string(), z.unknown()).default({})
	})
	.transform((draft, ctx) => {
		const parsed = promptConfigSchemas[draft.kind].safeParse(draft.config);
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				ctx.addIssue({ code: 'custom', path: ['config', ...issue.path.map(String)], message: issue.message });
			}
			return z.NEVER;
		}
		return { ...draft, config: parsed.data as Record<string, unknown> };
	});
export type PromptDraft = z.output<typeof promptDraftSchema>;

/** Per kind, what a participant sends. Keys are checked against the prompt by the service. */
export const answerSchemas = {
	rating: z.object({
		// null: "niet beoordeeld" (I cannot judge this).
		levelKey: z.string({ error: "Kies een niveau of 'niet beoordeeld'." }).trim().min(1).max(100).nullable()
	}),
	capacities: z
		.object({
			helps: z.array(z.string().trim().min(1).max(100)).max(30).default([]),
			hinders: z.array(z.string().trim().min(1).max(100)).max(30).default([])
		})
		.refine(
			(a) => a.helps.length + a.hinders.length > 0,
			'Kies minstens één vermogen dat helpt of belemmert.'
		)
		.refine(
			(a) => !a.helps.some((k) => a.hinders.includes(k)),
			'Een vermogen kan niet tegelijk helpen en belemmeren.'
		),
	open_text: z.object({
		text: z
			.string({ error: 'Schrijf uw antwoord op.' })
			.trim()
			.min(1, 'Schrijf uw antwoord op.')
			.max(MAX_OPEN_TEXT, `Uw antwoord heeft hoogstens ${MAX_OPEN_TEXT} tekens.`)
	}),
	ranking: z.object({
		order: z
			.array(optionKey)
			.min(1, 'Zet minstens één keuze op volgorde.')
			.max(MAX_OPTIONS)
			.refine((o) => new Set(o).size === o.length, 'Kies elke keuze hoogstens één keer.')
	}),
	dot_vote: z.object({
		dots: z
			.record(optionKey, z.number().int().min(0).max(MAX_DOTS))
			.refine((d) => Object.values(d).reduce((a, b) => a + b, 0) > 0, 'Zet minstens één stip.')
	}),
	word_cloud: z.object({
		words: z
			.array(
				z
					.string()
					.trim()
					.min(1, 'Een woord mag niet leeg zijn.')
					.max(MAX_WORD, `Een woord heeft hoogstens ${MAX_WORD} tekens.`)
			)
			.min(1, 'Geef minstens één woord.')
			.max(MAX_WORDS, `Geef hoogstens ${MAX_WORDS} woorden.`)
	})
} satisfies Record<PromptKind, z.ZodType>;

export type Answer<K extends PromptKind = PromptKind> = z.infer<(typeof answerSchemas)[K]>;

// ---------------------------------------------------------------------------------------
// Results as screens show them. Groups follow the one anonymity rule (domain/anonymity.ts):
// 'all' is everyone; a perspective appears on its own only when shown separately; the
// rest is 'other'.

export type ResultGroupKey = 'all' | Perspective | 'other';

export interface ResultGroup {
	key: ResultGroupKey;
	respondents: number;
}

/** Counts per group key (only the keys of `groups`). */
export type GroupCounts = Partial<Record<ResultGroupKey, number>>;

export type PromptResults =
	| {
			kind: 'rating';
			levels: { key: string; label: string; rank: number }[];
			notRatedLabel: string;
			standardLevelKey: string;
			/** The subject's current ambition for this standard/value, when it has one. */
			ambitionLevelKey: string | null;
			/** levelKey (or 'not_rated') → counts per group */
			counts: Record<string, GroupCounts>;
	  }
	| {
			kind: 'capacities';
			items: { key: string; label: string; helps: GroupCounts; hinders: GroupCounts }[];
	  }
	| {
			kind: 'open_text';
			/** Visible answers, newest first, at most 200 (the report lists all). */
			answers: { id: string; text: string; group: ResultGroupKey; name: string | null }[];
			hidden: number;
			total: number;
	  }
	| { kind: 'ranking'; items: { key: string; label: string; points: GroupCounts }[] }
	| { kind: 'dot_vote'; items: { key: string; label: string; dots: GroupCounts }[] }
	| { kind: 'word_cloud'; words: { word: string; counts: GroupCounts }[] };

export interface PromptResultSet {
	promptId: string;
	/** Distinct participants who answered, per group; 'all' first. */
	groups: ResultGroup[];
	results: PromptResults;
}

export const promptStates = ['pending', 'open', 'closed'] as const;
export type PromptState = (typeof promptStates)[number];

export const sessionStatuses = ['draft', 'live', 'ended'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

/** A prompt as screens and phones see it (no answers). */
export interface PromptView {
	id: string;
	position: number;
	kind: PromptKind;
	title: string;
	description: string;
	config: Record<string, unknown>;
	state: PromptState;
	revealed: boolean;
}

/**
 * What a screen (projector, phone) gets on every update: the session's state, its current
 * prompt, and — for the projector always, for phones once revealed — that prompt's results.
 * `seq` is the last control event included; it is the SSE event id clients resume from.
 */
export interface LiveSnapshot {
	seq: number;
	status: SessionStatus;
	participants: { total: number; byPerspective: Partial<Record<Perspective, number>> };
	prompt: PromptView | null;
	results: PromptResultSet | null;
}
