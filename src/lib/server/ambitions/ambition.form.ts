import type { RequestEvent } from '@sveltejs/kit';
import { formValues } from '../http/forms.ts';
import { formAction } from '../organisation/form-action.ts';
import { setAmbition } from './ambition.service.ts';

/**
 * The "set an ambition" form action of the team and institution pages. The form names the
 * target as one choice (`value:<key>` or `standard:<key>`); the subject comes from the address.
 */
export function setAmbitionAction(
	event: Pick<RequestEvent, 'locals' | 'url' | 'request'>,
	subject: { institutionId?: string; teamId?: string }
) {
	return formAction(event, 'set', (db, actor, data) => {
		const { target = '', ...values } = formValues(data);
		const [targetKind, ...key] = target.split(':');
		return setAmbition(db, actor, {
			...values,
			targetKind: targetKind || undefined,
			targetKey: key.join(':') || undefined,
			institutionId: subject.teamId ? undefined : subject.institutionId,
			teamId: subject.teamId
		});
	});
}
