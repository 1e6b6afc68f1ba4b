/**
 * A download name that is safe in any Content-Disposition header and file system:
 * ASCII letters, digits and dashes only (accents folded), never empty, at most 60 characters.
 */
export function safeFilename(base: string, extension: string): string {
	const slug = base
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/g, '');
	return `${slug || 'download'}.${extension}`;
}

/** `attachment; filename="…"` for a name made by `safeFilename`. */
export const attachment = (filename: string): string => `attachment; filename="${filename}"`;
