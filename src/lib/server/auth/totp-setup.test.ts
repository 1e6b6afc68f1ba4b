import { describe, expect, it } from 'vitest';
import { totpSetup } from './totp-setup.ts';

describe('totpSetup', () => {
	it('reads the secret from an otpauth URI, grouped for typing', () => {
		const uri =
			'otpauth://totp/Kwaliteitsspiegel:noor%40example.test?secret=JBSWY3DPEHPK3PXPJBSW&issuer=Kwaliteitsspiegel';
		expect(totpSetup(uri)).toEqual({ uri, secret: 'JBSW Y3DP EHPK 3PXP JBSW' });
	});

	it.each([
		undefined,
		42,
		'https://evil.example/?secret=ABC',
		'otpauth://hotp/x?secret=ABCD',
		'otpauth://totp/x?secret=!!',
		'otpauth://totp/x'
	])('refuses %j', (value) => {
		expect(totpSetup(value)).toBeNull();
	});
});
