import type { ImportKind } from '../../domain/organisation/import-rows.ts';
import { importTemplate } from '../../domain/organisation/import-templates.ts';

/** The example file of an import as a download (UTF-8, `;`-separated). */
export function csvDownload(kind: ImportKind): Response {
	const { filename, text } = importTemplate(kind);
	return new Response(text, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'private, max-age=3600'
		}
	});
}
