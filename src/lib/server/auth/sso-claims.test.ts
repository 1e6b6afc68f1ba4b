import { describe, expect, it } from 'vitest';
import { readSsoClaims } from './sso-claims.ts';

describe('readSsoClaims', () => {
	it('reads the oidcng spelling', () => {
		expect(
			readSsoClaims({
				schac_home_organization: 'ROC-A.nl',
				eduperson_affiliation: ['employee', 'member']
			})
		).toEqual({ homeOrganization: 'roc-a.nl', affiliations: ['employee', 'member'] });
	});

	it('reads the British spelling and scoped affiliations', () => {
		expect(
			readSsoClaims({
				schac_home_organisation: 'techniekcollege.nl',
				eduperson_scoped_affiliation: ['staff@techniekcollege.nl', 'member@techniekcollege.nl']
			})
		).toEqual({ homeOrganization: 'techniekcollege.nl', affiliations: ['member', 'staff'] });
	});

	it('prefers the home organisation claim, else takes the scope of an affiliation', () => {
		expect(readSsoClaims({ eduperson_scoped_affiliation: 'student@roc-b.nl' })).toEqual({
			homeOrganization: 'roc-b.nl',
			affiliations: ['student']
		});
	});

	it('merges both affiliation claims without duplicates', () => {
		expect(
			readSsoClaims({
				eduperson_affiliation: 'employee member',
				eduperson_scoped_affiliation: ['employee@roc-a.nl']
			}).affiliations
		).toEqual(['employee', 'member']);
	});

	it('ignores values that are not domains or affiliation names', () => {
		expect(
			readSsoClaims({
				schac_home_organization: 'not a domain<script>',
				eduperson_affiliation: [42, 'Faculty', '<b>x</b>']
			})
		).toEqual({ homeOrganization: null, affiliations: ['faculty'] });
	});

	it('returns nothing for a profile without institution claims', () => {
		expect(readSsoClaims({ sub: 'abc', email: 'a@b.nl' })).toEqual({
			homeOrganization: null,
			affiliations: []
		});
	});
});
