import { describe, expect, it } from 'vitest';
import {
	brinCodeSchema,
	institutionInputSchema,
	isBrinCode,
	isQualificationCode,
	isRioCode,
	learningRouteInputSchema,
	levelSchema,
	locationInputSchema,
	pathwaySchema,
	qualificationCodeSchema,
	rioCodeSchema,
	teamInputSchema
} from './codes.ts';

/** The messages of a failed parse, for asserting on the Dutch text. */
function messages(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
	return result.error?.issues.map((issue) => issue.message) ?? [];
}

describe('RIO code', () => {
	it('accepts nnnAnnn and normalises case and spaces', () => {
		expect(rioCodeSchema.parse('111A111')).toBe('111A111');
		expect(rioCodeSchema.parse(' 123b456 ')).toBe('123B456');
		expect(isRioCode('999Z000')).toBe(true);
	});

	it.each(['11A111', '1111111', '111AA11', '111A1111', 'A111111', '111-A-111', '١١١A١١١'])(
		'refuses %s',
		(code) => {
			expect(isRioCode(code)).toBe(false);
		}
	);

	it('explains the format in Dutch', () => {
		expect(messages(rioCodeSchema.safeParse('11a11'))).toEqual([
			"RIO-code '11A11' moet bestaan uit 3 cijfers, een letter en 3 cijfers (bijvoorbeeld 111A111)"
		]);
		expect(messages(rioCodeSchema.safeParse(''))).toEqual(['RIO-code is verplicht']);
		expect(messages(rioCodeSchema.safeParse(undefined))).toEqual(['RIO-code is verplicht']);
	});
});

describe('BRIN code', () => {
	it('accepts 2 digits and 2 letters, uppercased', () => {
		expect(brinCodeSchema.parse('25lj')).toBe('25LJ');
		expect(isBrinCode('00GT')).toBe(true);
	});

	it.each(['25L', '25LJ1', 'LJ25', '2LJJ', '25 LJ'])('refuses %s', (code) => {
		expect(isBrinCode(code)).toBe(false);
	});

	it('explains the format in Dutch', () => {
		expect(messages(brinCodeSchema.safeParse('2LJ'))).toEqual([
			"BRIN-code '2LJ' moet bestaan uit 2 cijfers en 2 letters (bijvoorbeeld 25LJ)"
		]);
	});
});

describe('erkende opleidingscode', () => {
	it('accepts exactly 5 digits', () => {
		expect(qualificationCodeSchema.parse(' 25180 ')).toBe('25180');
		expect(isQualificationCode('10000')).toBe(true);
	});

	it.each(['2518', '251800', '2518a', 'crebo', '25 180'])('refuses %s', (code) => {
		expect(isQualificationCode(code)).toBe(false);
	});

	it('says it must be 5 digits', () => {
		expect(messages(qualificationCodeSchema.safeParse('2518'))).toEqual([
			"opleidingscode '2518' moet uit 5 cijfers bestaan (bijvoorbeeld 25180)"
		]);
	});
});

describe('niveau and leerweg', () => {
	it('reads levels 1 to 4 from numbers and text', () => {
		expect(levelSchema.parse(1)).toBe(1);
		expect(levelSchema.parse(' 4 ')).toBe(4);
	});

	it.each([0, 5, 2.5, '2.5', 'twee', '-1', ''])('refuses level %s', (level) => {
		expect(levelSchema.safeParse(level).success).toBe(false);
	});

	it('names the allowed levels', () => {
		expect(messages(levelSchema.safeParse('5'))).toEqual(["niveau '5' moet 1, 2, 3 of 4 zijn"]);
		expect(messages(levelSchema.safeParse(''))).toEqual(['niveau is verplicht']);
	});

	it('accepts BOL and BBL in any case', () => {
		expect(pathwaySchema.parse('bol')).toBe('BOL');
		expect(pathwaySchema.parse(' Bbl ')).toBe('BBL');
	});

	it('refuses other pathways in Dutch', () => {
		expect(messages(pathwaySchema.safeParse('BOL/BBL'))).toEqual(["leerweg 'BOL/BBL' moet BOL of BBL zijn"]);
		expect(messages(pathwaySchema.safeParse(3))).toEqual(["leerweg '3' moet BOL of BBL zijn"]);
	});
});

describe('institution input', () => {
	const minimal = { name: 'ROC Voorbeeld', rioCode: '111a111' };

	it('normalises codes, treats blank optional fields as absent and defaults the status', () => {
		const parsed = institutionInputSchema.parse({
			...minimal,
			brinCode: '',
			joinedOn: ' ',
			contactName: '',
			contactEmail: ' Info@ROC.nl ',
			feeCents: '125000'
		});
		expect(parsed).toMatchObject({
			name: 'ROC Voorbeeld',
			rioCode: '111A111',
			status: 'active',
			contactEmail: 'info@roc.nl',
			feeCents: 125000
		});
		expect(parsed.brinCode).toBeUndefined();
		expect(parsed.joinedOn).toBeUndefined();
		expect(parsed.contactName).toBeUndefined();
	});

	it('accepts every field', () => {
		const parsed = institutionInputSchema.parse({
			...minimal,
			brinCode: '25lj',
			status: 'suspended',
			joinedOn: '2024-08-01',
			contactName: 'Anja de Vries',
			contactEmail: 'a.devries@roc.nl',
			feeCents: 0
		});
		expect(parsed).toMatchObject({
			brinCode: '25LJ',
			status: 'suspended',
			joinedOn: '2024-08-01',
			feeCents: 0
		});
	});

	it('reports every wrong field with its path and a Dutch message', () => {
		const result = institutionInputSchema.safeParse({
			name: 'R',
			rioCode: '11A111',
			brinCode: '25L',
			status: 'lid',
			joinedOn: '2024-02-30',
			contactEmail: 'geen-adres',
			feeCents: -5
		});
		const byField = Object.fromEntries(
			(result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message])
		);
		expect(byField).toEqual({
			name: 'naam moet minstens 2 tekens hebben',
			rioCode: "RIO-code '11A111' moet bestaan uit 3 cijfers, een letter en 3 cijfers (bijvoorbeeld 111A111)",
			brinCode: "BRIN-code '25L' moet bestaan uit 2 cijfers en 2 letters (bijvoorbeeld 25LJ)",
			status: "status 'lid' moet active (lid), suspended (geschorst) of left (uitgetreden) zijn",
			joinedOn: "lid sinds '2024-02-30' moet een datum zijn in de vorm jjjj-mm-dd (bijvoorbeeld 2025-08-01)",
			contactEmail: "e-mailadres contactpersoon 'geen-adres' is geen geldig e-mailadres",
			feeCents: 'contributie mag niet negatief zijn'
		});
	});

	it('refuses a fee that is not whole cents', () => {
		expect(messages(institutionInputSchema.safeParse({ ...minimal, feeCents: '12,50' }))).toEqual([
			"contributie '12,50' moet een bedrag in hele centen zijn"
		]);
	});

	it('limits the name to 200 characters and requires it', () => {
		expect(messages(institutionInputSchema.safeParse({ ...minimal, name: 'x'.repeat(201) }))).toEqual([
			'naam mag hoogstens 200 tekens hebben'
		]);
		expect(messages(institutionInputSchema.safeParse({ ...minimal, name: '   ' }))).toEqual([
			'naam is verplicht'
		]);
	});
});

describe('location, team and learning route input', () => {
	it('parses a location with an optional city', () => {
		expect(locationInputSchema.parse({ name: ' Amsterdam-Noord ', city: '' })).toEqual({
			name: 'Amsterdam-Noord',
			city: undefined
		});
	});

	it('parses a team with optional location and sector/domain', () => {
		expect(teamInputSchema.parse({ name: 'Zorg & Welzijn', sectorDomain: 'Zorg' })).toMatchObject({
			name: 'Zorg & Welzijn',
			sectorDomain: 'Zorg'
		});
		expect(messages(teamInputSchema.safeParse({ name: 'Z' }))).toEqual([
			'teamnaam moet minstens 2 tekens hebben'
		]);
	});

	it('parses a learning route from form text', () => {
		expect(
			learningRouteInputSchema.parse({
				name: 'Verzorgende IG',
				qualificationCode: '25491',
				level: '3',
				pathway: 'bbl'
			})
		).toEqual({ name: 'Verzorgende IG', qualificationCode: '25491', level: 3, pathway: 'BBL' });
	});

	it('lists every problem of a learning route', () => {
		expect(
			messages(
				learningRouteInputSchema.safeParse({
					name: '',
					qualificationCode: '2518',
					level: 5,
					pathway: 'x'
				})
			)
		).toEqual([
			'opleiding is verplicht',
			"opleidingscode '2518' moet uit 5 cijfers bestaan (bijvoorbeeld 25180)",
			"niveau '5' moet 1, 2, 3 of 4 zijn",
			"leerweg 'X' moet BOL of BBL zijn"
		]);
	});
});
