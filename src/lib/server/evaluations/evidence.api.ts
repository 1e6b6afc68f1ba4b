import { z } from 'zod';
import { operation, type Operation } from '../api/operation.ts';
import {
	addEvidenceSchema,
	addRevisionSchema,
	MAX_EVIDENCE_BYTES,
	tooLarge,
	type UploadedFile
} from './evidence.service.ts';
import { evaluationIdParams } from './rating.api.ts';

const timestamp = z.iso.datetime();

export const evidenceParams = z.object({ id: z.uuid(), evidenceId: z.uuid() });
export const revisionParams = z.object({
	id: z.uuid(),
	evidenceId: z.uuid(),
	n: z.coerce.number().int().min(1)
});

const revisionSchema = z.object({
	revision: z.int(),
	evidenceDate: z.iso.date(),
	url: z.string().nullable(),
	fileName: z.string().nullable(),
	mediaType: z.string().nullable(),
	sizeBytes: z.int().nullable(),
	sha256: z.string().nullable(),
	note: z.string(),
	createdAt: timestamp,
	createdByName: z.string().nullable()
});

export const evidenceItemSchema = z.object({
	id: z.uuid(),
	evaluationId: z.uuid(),
	kind: z.enum(['file', 'link']),
	title: z.string(),
	standardKey: z.string().nullable(),
	currentRevision: z.int(),
	createdAt: timestamp,
	createdBy: z.string().nullable()
});

const fileForm = (base: z.ZodObject) =>
	base.extend({
		file: z
			.string()
			.describe(
				`Het bestand (PDF, DOCX, XLSX, PPTX, ODT, ODS, PNG, JPEG, TXT of CSV; hoogstens ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB)`
			)
			.meta({ format: 'binary' })
	});

const tag = 'evaluations';

export const evidenceOperations: Operation[] = [
	operation({
		method: 'get',
		path: '/api/v1/evaluations/{id}/evidence',
		summary: 'Het bewijs bij een evaluatie, elk met zijn revisies (nieuwste eerst)',
		tag,
		params: evaluationIdParams,
		response: z.object({ items: z.array(evidenceItemSchema.extend({ revisions: z.array(revisionSchema) })) })
	}),
	operation({
		method: 'post',
		path: '/api/v1/evaluations/{id}/evidence',
		summary:
			'Voeg bewijs toe: een link als JSON (kind "link", url http(s)), of een bestand als multipart/form-data (kind "file", veld file); niet meer na vaststellen',
		tag,
		params: evaluationIdParams,
		body: addEvidenceSchema,
		response: evidenceItemSchema,
		responseStatus: 201
	}),
	operation({
		method: 'post',
		path: '/api/v1/evaluations/{id}/evidence/{evidenceId}/revisions',
		summary:
			'Nieuwe revisie: nieuwe link of datum als JSON, een nieuw bestand als multipart/form-data (veld file); 409 als basedOnRevision niet meer de huidige is',
		tag,
		params: evidenceParams,
		body: fileForm(addRevisionSchema).partial({ file: true }),
		bodyType: 'multipart/form-data',
		response: evidenceItemSchema,
		responseStatus: 201
	}),
	operation({
		method: 'get',
		path: '/api/v1/evaluations/{id}/evidence/{evidenceId}/revisions/{n}/content',
		summary: 'Download het bestand van een revisie (als bijlage, met het opgeslagen mediatype)',
		tag,
		params: revisionParams,
		responseType: 'application/octet-stream'
	})
];

/**
 * The fields and file of a multipart form (page or API) as service input. A browser sends
 * an empty file part when nothing was chosen; that is "no file".
 */
export async function evidenceFormInput(
	data: FormData
): Promise<Record<string, string | UploadedFile | null> & { file: UploadedFile | null }> {
	const fields: Record<string, string> = {};
	let file: UploadedFile | null = null;
	for (const [key, value] of data) {
		if (typeof value === 'string') fields[key] = value;
		else if (key === 'file' && (value.size > 0 || value.name))
			file = { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
	}
	return { ...fields, file };
}

/** Refuses a body that announces more than a file and its form fields may take, before reading it. */
export function assertUploadSize(request: Request): void {
	if (Number(request.headers.get('content-length') ?? 0) > MAX_EVIDENCE_BYTES + 1024 * 1024) throw tooLarge();
}
