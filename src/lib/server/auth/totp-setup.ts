/** What the account page shows to set up an authenticator app. */
export interface TotpSetup {
	uri: string;
	/** The base32 secret in groups of four, for typing it in by hand. */
	secret: string;
}

/** Reads a TOTP setup from an otpauth URI, or null for anything else. */
export function totpSetup(uri: unknown): TotpSetup | null {
	if (typeof uri !== 'string' || uri.length > 1000) return null;
	let url: URL;
	try {
		url = new URL(uri);
	} catch {
		return null;
	}
	const secret = url.searchParams.get('secret');
	if (url.protocol !== 'otpauth:' || url.host !== 'totp' || !secret || !/^[A-Z2-7]+=*$/i.test(secret))
		return null;
	return {
		uri,
		secret: secret
			.toUpperCase()
			.replace(/=+$/, '')
			.match(/.{1,4}/g)!
			.join(' ')
	};
}
