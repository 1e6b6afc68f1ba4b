import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { AppError } from '../http/errors.ts';
import { MAX_IMPORT_BYTES } from './import.service.ts';

// The import page checks a file first and imports it after a confirmation. Between the
// two steps the file travels in the confirmation form itself (gzip + base64, well below
// the request size limit), so no upload has to be kept on the server. The digest makes
// sure the confirmed file is the previewed one; the real run validates everything again
// anyway, so a tampered field can do no more than uploading another file would.

export interface ImportPayload {
	payload: string;
	digest: string;
}

const digestOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Packs an uploaded file for the hidden field of the confirmation form. */
export function packImportFile(bytes: Uint8Array): ImportPayload {
	return { payload: gzipSync(bytes).toString('base64'), digest: digestOf(bytes) };
}

const changed = () =>
	new AppError(
		422,
		'import_payload',
		'Het gecontroleerde bestand is onderweg veranderd of verlopen. Kies het bestand opnieuw.',
		[{ field: 'file', message: 'Kies het bestand opnieuw.' }]
	);

/** Unpacks the confirmed file; refuses anything that is not exactly the previewed file. */
export function unpackImportFile(payload: unknown, digest: unknown): Uint8Array {
	if (typeof payload !== 'string' || typeof digest !== 'string' || !/^[A-Za-z0-9+/=]+$/.test(payload))
		throw changed();
	let bytes: Uint8Array;
	try {
		// The output cap stops a crafted field from inflating into something huge.
		bytes = new Uint8Array(
			gunzipSync(Buffer.from(payload, 'base64'), { maxOutputLength: MAX_IMPORT_BYTES + 1 })
		);
	} catch {
		throw changed();
	}
	if (digestOf(bytes) !== digest) throw changed();
	return bytes;
}
