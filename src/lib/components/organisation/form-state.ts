// The page's `form` result belongs to one of several forms on the page; these helpers
// give each form only its own message, field errors and refilled values.

export interface FormResult {
	form?: string;
	message?: string;
	errors?: Record<string, string>;
	values?: Record<string, string>;
	done?: boolean;
}

export interface FormView {
	message: string | null;
	errors: Record<string, string>;
	values: Record<string, string>;
	done: boolean;
}

/** The state of the form named `name` after the last submit (empty when another form was sent). */
export function formFor(result: FormResult | null | undefined, name: string): FormView {
	const mine = result?.form === name ? result : null;
	return {
		message: mine?.message ?? null,
		errors: mine?.errors ?? {},
		values: mine?.values ?? {},
		done: !!mine?.done
	};
}

/** The refilled value after a refused submit, else the stored one. */
export const valueOf = (view: FormView, field: string, stored: string | number | null | undefined): string =>
	view.values[field] ?? (stored === null || stored === undefined ? '' : String(stored));

/**
 * Id, name, value (refilled, else stored) and error of a field, to spread onto a TextField
 * or SelectField: `<TextField {...fieldOf(view, 'name', 'team-naam')} label=… />`.
 */
export const fieldOf = (
	view: FormView,
	name: string,
	id: string,
	stored?: string | number | null
): { id: string; name: string; value: string; error: string | undefined } => ({
	id,
	name,
	value: valueOf(view, name, stored),
	error: view.errors[name]
});
