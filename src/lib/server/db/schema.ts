// Every table of every module, for Drizzle's relational queries and drizzle-kit.
export * from '../auth/auth.table.ts';
export * from '../people/people.table.ts';
export * from '../organisation/organisation.table.ts';
export * from '../model/model.table.ts';
export * from '../audit/audit.table.ts';
export * from '../mail/mail.table.ts';
export * from '../evaluations/evaluation.table.ts';
export * from '../ambitions/ambition.table.ts';
export * from '../agenda/agenda.table.ts';
export * from '../jobs/job.table.ts';
export * from '../reports/publication.table.ts';
export * from '../dashboards/rollup.table.ts';
export * from '../live/live.table.ts';
