import type { DemoInstitutionKey } from './demo-accounts.ts';

// The fictional demo network: five member institutions, two locations each and forty
// teams with their learning routes. Names are invented; RIO, BRIN and opleidingscodes
// have the right format but are examples, not checked against the registers.

export type DemoRoute = readonly [name: string, code: string, level: 1 | 2 | 3 | 4, pathway: 'BOL' | 'BBL'];

export interface DemoTeam {
	name: string;
	sectorDomain: string;
	/** Index into the institution's locations. */
	location: 0 | 1;
	routes: readonly DemoRoute[];
}

export interface DemoInstitution {
	key: DemoInstitutionKey | 'C' | 'D' | 'E';
	name: string;
	rioCode: string;
	brinCode: string;
	joinedOn: string;
	contactName: string;
	contactEmail: string;
	feeCents: number;
	locations: readonly [{ name: string; city: string }, { name: string; city: string }];
	teams: readonly DemoTeam[];
}

const ZW = 'Zorg en welzijn';
const TECH = 'Techniek en procesindustrie';
const ECO = 'Economie en administratie';
const ICT = 'ICT en creatieve industrie';
const BOUW = 'Bouw en infra';
const MOB = 'Mobiliteit, transport en logistiek';
const GROEN = 'Groen (voedsel, natuur en leefomgeving)';
const HTV = 'Horeca, toerisme en voeding';
const DV = 'Dienstverlening en veiligheid';

export const demoInstitutions: readonly DemoInstitution[] = [
	{
		key: 'A',
		name: 'ROC Voorbeeld Midden',
		rioCode: '301A101',
		brinCode: '91AA',
		joinedOn: '2024-08-01',
		contactName: 'Anouk Kwaliteit',
		contactEmail: 'kwaliteit@roc-a.demo.kwaliteitsspiegel.nl',
		feeCents: 450000,
		locations: [
			{ name: 'Campus Centrum', city: 'Utrecht' },
			{ name: 'Locatie Nieuwegein', city: 'Nieuwegein' }
		],
		teams: [
			{
				name: 'Verpleegkunde',
				sectorDomain: ZW,
				location: 0,
				routes: [
					['Mbo-verpleegkundige', '25655', 4, 'BOL'],
					['Mbo-verpleegkundige', '25655', 4, 'BBL']
				]
			},
			{
				name: 'Verzorgende IG',
				sectorDomain: ZW,
				location: 1,
				routes: [
					['Verzorgende-IG', '25491', 3, 'BOL'],
					['Verzorgende-IG', '25491', 3, 'BBL']
				]
			},
			{
				name: 'Pedagogisch werk',
				sectorDomain: ZW,
				location: 0,
				routes: [
					['Pedagogisch medewerker kinderopvang', '25698', 3, 'BOL'],
					['Gespecialiseerd pedagogisch medewerker', '25697', 4, 'BOL']
				]
			},
			{
				name: 'Software development',
				sectorDomain: ICT,
				location: 0,
				routes: [['Software developer', '25604', 4, 'BOL']]
			},
			{
				name: 'ICT Support',
				sectorDomain: ICT,
				location: 1,
				routes: [
					['Medewerker ICT support', '25606', 3, 'BOL'],
					['Expert IT systems and devices', '25607', 4, 'BOL']
				]
			},
			{
				name: 'Commercie en ondernemerschap',
				sectorDomain: ECO,
				location: 0,
				routes: [
					['Commercieel medewerker', '25725', 3, 'BOL'],
					['Accountmanager', '25727', 4, 'BOL']
				]
			},
			{
				name: 'Financiële beroepen',
				sectorDomain: ECO,
				location: 1,
				routes: [['Financieel administratief medewerker', '25728', 3, 'BOL']]
			},
			{
				name: 'Management assistent',
				sectorDomain: ECO,
				location: 0,
				routes: [['Management assistent', '25723', 4, 'BOL']]
			},
			{
				name: 'Sport en bewegen',
				sectorDomain: DV,
				location: 1,
				routes: [
					['Sport- en bewegingsleider', '25748', 3, 'BOL'],
					['Sport- en bewegingscoördinator', '25749', 4, 'BOL']
				]
			},
			{
				name: 'Entree',
				sectorDomain: DV,
				location: 1,
				routes: [
					['Assistent dienstverlening en zorg', '25995', 1, 'BOL'],
					['Assistent logistiek', '25996', 1, 'BBL']
				]
			}
		]
	},
	{
		key: 'B',
		name: 'Techniek College Rivierenland',
		rioCode: '302B202',
		brinCode: '92BB',
		joinedOn: '2024-08-01',
		contactName: 'Bram Kwaliteit',
		contactEmail: 'kwaliteit@roc-b.demo.kwaliteitsspiegel.nl',
		feeCents: 250000,
		locations: [
			{ name: 'Techniekcampus Tiel', city: 'Tiel' },
			{ name: 'Locatie Culemborg', city: 'Culemborg' }
		],
		teams: [
			{
				name: 'Mechatronica',
				sectorDomain: TECH,
				location: 0,
				routes: [
					['Monteur mechatronica', '25370', 2, 'BBL'],
					['Eerste monteur mechatronica', '25371', 3, 'BOL'],
					['Technicus mechatronica', '25372', 4, 'BOL']
				]
			},
			{
				name: 'Elektrotechniek',
				sectorDomain: TECH,
				location: 0,
				routes: [
					['Monteur elektrotechnische installaties', '25360', 2, 'BBL'],
					['Eerste monteur elektrotechnische installaties', '25361', 3, 'BOL'],
					['Eerste monteur elektrotechnische installaties', '25361', 3, 'BBL']
				]
			},
			{
				name: 'Installatietechniek',
				sectorDomain: TECH,
				location: 1,
				routes: [
					['Monteur werktuigkundige installaties', '25364', 2, 'BBL'],
					['Eerste monteur werktuigkundige installaties', '25365', 3, 'BBL']
				]
			},
			{
				name: 'Metaal en lassen',
				sectorDomain: TECH,
				location: 0,
				routes: [
					['Constructiewerker', '25376', 2, 'BBL'],
					['Allround constructiewerker', '25377', 3, 'BBL']
				]
			},
			{
				name: 'Procestechniek',
				sectorDomain: TECH,
				location: 0,
				routes: [
					['Operator A', '25380', 2, 'BOL'],
					['Operator B', '25381', 3, 'BOL'],
					['Operator C', '25382', 4, 'BOL']
				]
			},
			{
				name: 'Bouw en timmeren',
				sectorDomain: BOUW,
				location: 1,
				routes: [
					['Timmerman', '25400', 2, 'BBL'],
					['Allround timmerman', '25401', 3, 'BBL']
				]
			},
			{
				name: 'Infra',
				sectorDomain: BOUW,
				location: 1,
				routes: [['Medewerker wegenbouw', '25410', 2, 'BBL']]
			},
			{
				name: 'Autotechniek',
				sectorDomain: MOB,
				location: 1,
				routes: [
					['Autotechnicus', '25420', 2, 'BOL'],
					['Eerste autotechnicus', '25421', 3, 'BOL'],
					['Technisch specialist personenauto’s', '25422', 4, 'BOL']
				]
			},
			{
				name: 'Logistiek',
				sectorDomain: MOB,
				location: 0,
				routes: [
					['Logistiek medewerker', '25430', 2, 'BBL'],
					['Logistiek supervisor', '25431', 3, 'BOL']
				]
			}
		]
	},
	{
		key: 'C',
		name: 'ROC Kust en Polder',
		rioCode: '303C303',
		brinCode: '93CC',
		joinedOn: '2025-01-01',
		contactName: 'Carla de Vries',
		contactEmail: 'kwaliteit@roc-c.demo.kwaliteitsspiegel.nl',
		feeCents: 350000,
		locations: [
			{ name: 'Locatie Hoorn', city: 'Hoorn' },
			{ name: 'Locatie Den Helder', city: 'Den Helder' }
		],
		teams: [
			{
				name: 'Koken en horeca',
				sectorDomain: HTV,
				location: 0,
				routes: [
					['Kok', '25180', 2, 'BOL'],
					['Zelfstandig werkend kok', '25181', 3, 'BOL'],
					['Zelfstandig werkend kok', '25181', 3, 'BBL']
				]
			},
			{
				name: 'Toerisme en recreatie',
				sectorDomain: HTV,
				location: 0,
				routes: [['Leidinggevende travel & hospitality', '25190', 4, 'BOL']]
			},
			{
				name: 'Bakkerij',
				sectorDomain: HTV,
				location: 1,
				routes: [['Zelfstandig werkend bakker', '25185', 3, 'BBL']]
			},
			{
				name: 'Maritiem',
				sectorDomain: MOB,
				location: 1,
				routes: [
					['Matroos binnenvaart', '25440', 2, 'BOL'],
					['Schipper binnenvaart', '25441', 4, 'BBL']
				]
			},
			{
				name: 'Retail',
				sectorDomain: ECO,
				location: 0,
				routes: [
					['Verkoper', '25250', 2, 'BBL'],
					['Verkoopspecialist', '25251', 3, 'BOL']
				]
			},
			{
				name: 'Helpende zorg en welzijn',
				sectorDomain: ZW,
				location: 1,
				routes: [['Helpende zorg en welzijn', '25498', 2, 'BOL']]
			},
			{
				name: 'Facilitaire dienstverlening',
				sectorDomain: DV,
				location: 0,
				routes: [['Medewerker facilitaire dienstverlening', '25260', 2, 'BOL']]
			}
		]
	},
	{
		key: 'D',
		name: 'Groene Vakschool Veldzicht',
		rioCode: '304D404',
		brinCode: '94DD',
		joinedOn: '2025-01-01',
		contactName: 'Daan Hendriks',
		contactEmail: 'kwaliteit@groen-d.demo.kwaliteitsspiegel.nl',
		feeCents: 200000,
		locations: [
			{ name: 'Locatie Barneveld', city: 'Barneveld' },
			{ name: 'Locatie Ede', city: 'Ede' }
		],
		teams: [
			{
				name: 'Dierverzorging',
				sectorDomain: GROEN,
				location: 0,
				routes: [
					['Dierverzorger', '25500', 2, 'BOL'],
					['Vakbekwaam medewerker dierverzorging', '25501', 3, 'BOL']
				]
			},
			{
				name: 'Hovenier en groene ruimte',
				sectorDomain: GROEN,
				location: 1,
				routes: [
					['Hovenier', '25510', 2, 'BBL'],
					['Vakbekwaam hovenier', '25511', 3, 'BBL']
				]
			},
			{
				name: 'Paardenhouderij',
				sectorDomain: GROEN,
				location: 0,
				routes: [['Vakbekwaam medewerker paardenhouderij', '25520', 3, 'BOL']]
			},
			{
				name: 'Bloem, groen en styling',
				sectorDomain: GROEN,
				location: 1,
				routes: [['Vakbekwaam medewerker bloem, groen en styling', '25530', 3, 'BOL']]
			},
			{
				name: 'Voedingsmiddelentechnologie',
				sectorDomain: GROEN,
				location: 1,
				routes: [['Specialist voedingsmiddelentechnologie', '25540', 4, 'BOL']]
			},
			{
				name: 'Teelt en agrarisch ondernemen',
				sectorDomain: GROEN,
				location: 0,
				routes: [
					['Vakbekwaam medewerker teelt', '25550', 3, 'BBL'],
					['Manager teelt en ondernemerschap', '25551', 4, 'BOL']
				]
			},
			{
				name: 'Natuur en water',
				sectorDomain: GROEN,
				location: 1,
				routes: [['Medewerker natuur en water', '25560', 2, 'BOL']]
			}
		]
	},
	{
		key: 'E',
		name: 'Vakcollege Noorderlicht',
		rioCode: '305E505',
		brinCode: '95EE',
		joinedOn: '2025-08-01',
		contactName: 'Eva Jansen',
		contactEmail: 'kwaliteit@vc-e.demo.kwaliteitsspiegel.nl',
		feeCents: 300000,
		locations: [
			{ name: 'Locatie Zernike', city: 'Groningen' },
			{ name: 'Locatie Assen', city: 'Assen' }
		],
		teams: [
			{
				name: 'Maatschappelijke zorg',
				sectorDomain: ZW,
				location: 0,
				routes: [
					['Medewerker maatschappelijke zorg', '25600', 3, 'BOL'],
					['Begeleider specifieke doelgroepen', '25601', 4, 'BOL']
				]
			},
			{
				name: 'Apothekersassistent',
				sectorDomain: ZW,
				location: 0,
				routes: [['Apothekersassistent', '25610', 4, 'BOL']]
			},
			{
				name: 'Doktersassistent',
				sectorDomain: ZW,
				location: 1,
				routes: [['Doktersassistent', '25611', 4, 'BOL']]
			},
			{
				name: 'Mediavormgeving',
				sectorDomain: ICT,
				location: 0,
				routes: [['Mediavormgever', '25620', 4, 'BOL']]
			},
			{
				name: 'Haarverzorging',
				sectorDomain: DV,
				location: 1,
				routes: [
					['Kapper', '25630', 2, 'BBL'],
					['Allround kapper', '25631', 3, 'BOL']
				]
			},
			{
				name: 'Beveiliging',
				sectorDomain: DV,
				location: 1,
				routes: [['Beveiliger', '25640', 2, 'BBL']]
			},
			{
				name: 'Juridisch medewerker',
				sectorDomain: ECO,
				location: 0,
				routes: [['Juridisch medewerker zakelijke dienstverlening', '25650', 4, 'BOL']]
			}
		]
	}
];

/** The demo network's name is the same as the real one's: one deployment, one network. */
export const NETWORK_NAME = 'Kwaliteitsnetwerk mbo';
