import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { packImportFile, unpackImportFile } from './import-payload.ts';

describe('import payload', () => {
	const file = new TextEncoder().encode('team;locatie\nZorg;Amsterdam\n'.repeat(200));

	it('carries a file between preview and confirmation unchanged, and small', () => {
		const packed = packImportFile(file);
		expect(packed.payload.length).toBeLessThan(file.length / 4);
		expect(unpackImportFile(packed.payload, packed.digest)).toEqual(file);
	});

	it('refuses a changed file, a wrong digest and garbage', () => {
		const packed = packImportFile(file);
		const other = packImportFile(new TextEncoder().encode('team\nAnders\n'));
		expect(() => unpackImportFile(other.payload, packed.digest)).toThrow(/onderweg veranderd/);
		expect(() => unpackImportFile('!!!', packed.digest)).toThrow(/onderweg veranderd/);
		expect(() => unpackImportFile(Buffer.from('not gzip').toString('base64'), packed.digest)).toThrow(
			/onderweg veranderd/
		);
		expect(() => unpackImportFile(undefined, undefined)).toThrow(/onderweg veranderd/);
	});

	it('refuses a payload that inflates beyond the import limit', () => {
		const bomb = gzipSync(Buffer.alloc(2 * 1024 * 1024, 'a')).toString('base64');
		expect(() => unpackImportFile(bomb, 'x')).toThrow(/onderweg veranderd/);
	});
});
