import { count, desc, eq, and, type SQL } from 'drizzle-orm';
import type { Tx, Database } from '../db/database.ts';
import type { Actor } from '../policy/policy.ts';
import { authorize } from '../policy/policy.ts';
import { auditPolicy } from './audit.policy.ts';
import { auditEvent } from './audit.table.ts';
import { user } from '../auth/auth.table.ts';

export interface AuditEntry {
	action: string;
	entityType: string;
	entityId: string;
	institutionId?: string | null;
	details?: Record<string, unknown>;
}

/** Records a change; call it inside the transaction that makes the change. */
export async function recordAudit(tx: Tx, actor: Actor | null, entry: AuditEntry): Promise<void> {
	await tx.insert(auditEvent).values({
		actorUserId: actor?.userId ?? null,
		action: entry.action,
		entityType: entry.entityType,
		entityId: entry.entityId,
		institutionId: entry.institutionId ?? null,
		details: entry.details ?? {}
	});
}

/** Newest first, paginated; network admins only. */
export async function listAuditEvents(
	db: Database,
	actor: Actor | null,
	options: { page: number; pageSize: number; entityType?: string }
) {
	authorize(actor, auditPolicy, 'audit.read');
	const where: SQL | undefined = options.entityType
		? eq(auditEvent.entityType, options.entityType)
		: undefined;
	const [items, [total]] = await Promise.all([
		db
			.select({
				id: auditEvent.id,
				at: auditEvent.at,
				action: auditEvent.action,
				entityType: auditEvent.entityType,
				entityId: auditEvent.entityId,
				institutionId: auditEvent.institutionId,
				details: auditEvent.details,
				actorUserId: auditEvent.actorUserId,
				actorName: user.name
			})
			.from(auditEvent)
			.leftJoin(user, eq(user.id, auditEvent.actorUserId))
			.where(and(where))
			.orderBy(desc(auditEvent.id))
			.limit(options.pageSize)
			.offset((options.page - 1) * options.pageSize),
		db.select({ n: count() }).from(auditEvent).where(and(where))
	]);
	return { items, total: total?.n ?? 0, page: options.page, pageSize: options.pageSize };
}

/** Records many changes at once (an import), in batches; call it inside the changing transaction. */
export async function recordAudits(tx: Tx, actor: Actor | null, entries: AuditEntry[]): Promise<void> {
	// 1,000 rows × 6 parameters stays far below PostgreSQL's 65,535 parameters per statement.
	for (let i = 0; i < entries.length; i += 1000) {
		await tx.insert(auditEvent).values(
			entries.slice(i, i + 1000).map((entry) => ({
				actorUserId: actor?.userId ?? null,
				action: entry.action,
				entityType: entry.entityType,
				entityId: entry.entityId,
				institutionId: entry.institutionId ?? null,
				details: entry.details ?? {}
			}))
		);
	}
}
