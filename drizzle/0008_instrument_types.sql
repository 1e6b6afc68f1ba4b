-- The network's built-in instrument types. They are data (institutions add their own
-- beside them); the key is what code and other migrations refer to. Self-evaluations are
-- the instruments this release runs end to end; the others can already be planned.
INSERT INTO "instrument_type" ("key", "name", "description", "level", "self_evaluation") VALUES
	('zelfevaluatie_team', 'Zelfevaluatie (team)',
		'Het onderwijsteam kijkt samen met studenten en werkveld naar de eigen leerroute: waar staan we ten opzichte van de standaard en van onze ambitie?',
		'team', true),
	('zelfevaluatie_instelling', 'Zelfevaluatie (instelling)',
		'De instelling kijkt naar de condities die zij schept voor de kwaliteit van alle leerroutes, met bestuur, management en medewerkers.',
		'institution', true),
	('kwaliteitstafel', 'Kwaliteitstafel',
		'Het goede gesprek: een begeleide dialoog aan tafel met docenten, studenten en werkveld over de referentiewaarden.',
		'team', false),
	('peer_review', 'Peer review',
		'Teams van verschillende instellingen bezoeken elkaar op vooraf gekozen thema''s en spiegelen elkaars kwaliteit.',
		'team', false),
	('panel_review_team', 'Panelreview (team)',
		'Een extern panel reflecteert op de zelfevaluatie van een team.',
		'team', false),
	('panel_review_instelling', 'Panelreview (instelling)',
		'Een extern panel reflecteert op de zelfevaluatie van de instelling.',
		'institution', false),
	('instellingsdialoog', 'Instellingsdialoog',
		'Een dialoog tussen de instelling en collega''s uit het netwerk over de kwaliteitscultuur en de referentiewaarden.',
		'institution', false),
	('instellingsaudit', 'Instellingsaudit',
		'Een audit door getrainde auditoren van andere instellingen, eens per drie jaar, met een kwaliteitsprofiel als uitkomst.',
		'institution', false),
	('thema_audit', 'Thema-audit',
		'Een audit op één thema dat de instelling en het netwerk samen kiezen.',
		'institution', false)
ON CONFLICT DO NOTHING;
