import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudits, type AuditEntry } from '../audit/audit.service.ts';
import { user } from '../auth/auth.table.ts';
import type { Tx } from '../db/database.ts';
import { chunks, nameKey } from '../organisation/batch.ts';
import { team } from '../organisation/organisation.table.ts';
import type { PlanAction } from '../organisation/team-import.ts';
import { can, type Actor } from '../policy/policy.ts';
import type { InvalidImportRow, PersonImportRow } from '../../domain/organisation/import-rows.ts';
import { roleLabels, type ImportableRole } from '../../domain/organisation/role-names.ts';
import { assignAction, peoplePolicy } from './people.policy.ts';
import { roleAssignment } from './people.table.ts';

// Plans and applies a people import: a person is matched by e-mail address (across the
// network: one address is one account), a team by name within the institution. Each
// row asks for one role; what the person holds already is left alone.

export interface PlannedRole {
	line: number;
	role: ImportableRole;
	teamId: string | null;
	teamName: string | null;
}

export interface PersonPlanItem {
	action: PlanAction;
	email: string;
	/** The name after the import. */
	name: string;
	/** Set when the import renames the person. */
	previousName: string | null;
	lines: number[];
	personId: string | null;
	rolesToAdd: PlannedRole[];
	/** Rows asking for a role the person holds already. */
	rolesKept: number;
}

export interface PersonImportPlan {
	items: PersonPlanItem[];
	rowErrors: InvalidImportRow[];
}

const assignmentKey = (role: string, teamId: string | null) => `${role}|${teamId ?? ''}`;

/** Compares the rows with the people and roles on record. Reads only. */
export async function planPersonImport(
	tx: Tx,
	actor: Actor,
	institutionId: string,
	rows: readonly PersonImportRow[]
): Promise<PersonImportPlan> {
	const teamNames = [...new Set(rows.flatMap((r) => (r.teamName ? [nameKey(r.teamName)] : [])))];
	const teams = teamNames.length
		? await tx
				.select({ id: team.id, name: team.name, archivedAt: team.archivedAt })
				.from(team)
				.where(
					and(
						eq(team.institutionId, institutionId),
						inArray(sql`regexp_replace(lower(trim(${team.name})), '[[:space:]]+', ' ', 'g')`, teamNames)
					)
				)
		: [];
	const teamByKey = new Map(teams.map((t) => [nameKey(t.name), t]));
	const emails = [...new Set(rows.map((r) => r.email))];
	const people = emails.length
		? await tx
				.select({ id: user.id, name: user.name, email: user.email, archivedAt: user.archivedAt })
				.from(user)
				.where(inArray(user.email, emails))
		: [];
	const personByEmail = new Map(people.map((p) => [p.email, p]));
	const held = people.length
		? await tx
				.select({ userId: roleAssignment.userId, role: roleAssignment.role, teamId: roleAssignment.teamId })
				.from(roleAssignment)
				.where(
					and(
						eq(roleAssignment.institutionId, institutionId),
						inArray(
							roleAssignment.userId,
							people.map((p) => p.id)
						)
					)
				)
		: [];
	const heldKeys = new Set(held.map((h) => `${h.userId}|${assignmentKey(h.role, h.teamId)}`));
	const worksHere = new Set(held.map((h) => h.userId));
	const mayRename = can(actor, peoplePolicy, 'person.update', { institutionId });

	const rowErrors: InvalidImportRow[] = [];
	const items = new Map<string, PersonPlanItem>();
	for (const row of rows) {
		const errors: string[] = [];
		const found = row.teamName ? teamByKey.get(nameKey(row.teamName)) : undefined;
		if (row.teamName && !found)
			errors.push(`team '${row.teamName}' bestaat niet in deze instelling; importeer eerst de teams`);
		else if (found?.archivedAt) errors.push(`team '${found.name}' is gearchiveerd`);
		const teamId = found?.id ?? null;
		const scope = { institutionId, teamId };
		if (!can(actor, peoplePolicy, assignAction(row.role, institutionId), scope)) {
			errors.push(`u mag de rol ${roleLabels[row.role]} niet toekennen`);
		}
		const person = personByEmail.get(row.email);
		if (person?.archivedAt)
			errors.push(`het account van ${row.email} is gearchiveerd; vraag het netwerkbureau het te herstellen`);
		if (errors.length) {
			rowErrors.push({ line: row.line, errors: errors.map((e) => `regel ${row.line}: ${e}`) });
			continue;
		}
		let item = items.get(row.email);
		if (!item) {
			const rename = !!person && mayRename && worksHere.has(person.id) && person.name !== row.name;
			item = {
				action: person ? 'unchanged' : 'create',
				email: row.email,
				name: person && !rename ? person.name : row.name,
				previousName: rename ? person!.name : null,
				lines: [],
				personId: person?.id ?? null,
				rolesToAdd: [],
				rolesKept: 0
			};
			items.set(row.email, item);
		}
		item.lines.push(row.line);
		if (person && heldKeys.has(`${person.id}|${assignmentKey(row.role, teamId)}`)) item.rolesKept += 1;
		else item.rolesToAdd.push({ line: row.line, role: row.role, teamId, teamName: found?.name ?? null });
	}
	for (const item of items.values()) {
		if (item.action === 'unchanged' && (item.previousName || item.rolesToAdd.length)) item.action = 'update';
	}
	return { items: [...items.values()], rowErrors };
}

/** Writes a plan without errors in batched statements, auditing every person and role. */
export async function applyPersonImport(
	tx: Tx,
	actor: Actor,
	institutionId: string,
	plan: PersonImportPlan
): Promise<void> {
	const audits: AuditEntry[] = [];
	const ids = new Map(plan.items.filter((i) => i.personId).map((i) => [i.email, i.personId!]));
	const newPeople = plan.items
		.filter((i) => i.action === 'create')
		.map((i) => ({ id: randomUUID(), name: i.name, email: i.email }));
	for (const batch of chunks(newPeople)) {
		// No password: new people sign in by magic link or SSO.
		await tx.insert(user).values(batch.map((p) => ({ ...p, emailVerified: false })));
		for (const p of batch) {
			ids.set(p.email, p.id);
			audits.push({
				action: 'person.created',
				entityType: 'person',
				entityId: p.id,
				institutionId,
				details: { name: p.name, email: p.email, via: 'import' }
			});
		}
	}
	const renamed = plan.items.filter((i) => i.previousName !== null);
	for (const batch of chunks(renamed)) {
		const values = sql.join(
			batch.map((i) => sql`(${i.personId}::text, ${i.name}::text)`),
			sql`, `
		);
		await tx.execute(sql`
			update ${user} set name = v.name, updated_at = now()
			from (values ${values}) as v(id, name)
			where ${user.id} = v.id`);
		for (const i of batch) {
			audits.push({
				action: 'person.updated',
				entityType: 'person',
				entityId: i.personId!,
				institutionId,
				details: { changes: { name: { from: i.previousName, to: i.name } }, via: 'import' }
			});
		}
	}
	const assignments = plan.items.flatMap((i) =>
		i.rolesToAdd.map((r) => ({
			userId: ids.get(i.email)!,
			role: r.role,
			institutionId,
			teamId: r.teamId,
			createdBy: actor.userId
		}))
	);
	for (const batch of chunks(assignments)) {
		const created = await tx.insert(roleAssignment).values(batch).returning({
			id: roleAssignment.id,
			userId: roleAssignment.userId,
			role: roleAssignment.role,
			teamId: roleAssignment.teamId
		});
		for (const a of created) {
			audits.push({
				action: 'role.assigned',
				entityType: 'person',
				entityId: a.userId,
				institutionId,
				details: { assignmentId: a.id, role: a.role, teamId: a.teamId, via: 'import' }
			});
		}
	}
	await recordAudits(tx, actor, audits);
}
