/** What an editor form's action answers after a refused submit (see saveDraftEdit). */
export interface EditorFormResult {
	message?: string;
	errors?: Record<string, string>;
	values?: Record<string, string>;
	problems?: string[];
}

export interface FormState {
	message: string | null;
	problems: string[];
	/** The person's own input after a refused submit of this form, else the stored value. */
	value(name: string, stored: string): string;
	checked(name: string, stored: boolean): boolean;
	/** The error for a field, also when it is about one line of it (`indicators.2`). */
	error(name: string): string | null;
	/**
	 * Id (`<formId>-<idSuffix>`), name, value and error of a field, to spread onto a
	 * TextField; several forms share field names, so the id carries the form's.
	 */
	field(name: string, stored: string, idSuffix?: string): FieldProps;
}

export interface FieldProps {
	id: string;
	name: string;
	value: string;
	error: string | null;
}

/**
 * The state of one of several forms on a page: only the form whose `formId` was
 * posted shows the refusal and gets the person's input back.
 */
export function formState(form: EditorFormResult | null | undefined, formId: string): FormState {
	const mine = !!form?.values && form.values.formId === formId;
	const values = mine ? form!.values! : {};
	const errors = mine ? (form!.errors ?? {}) : {};
	const value = (name: string, stored: string) => (mine ? (values[name] ?? '') : stored);
	const error = (name: string) =>
		errors[name] ?? Object.entries(errors).find(([field]) => field.startsWith(`${name}.`))?.[1] ?? null;
	return {
		message: mine ? (form!.message ?? null) : null,
		problems: mine ? (form!.problems ?? []) : [],
		value,
		checked: (name, stored) => (mine ? values[name] === 'on' : stored),
		error,
		field: (name, stored, idSuffix = name) => ({
			id: `${formId}-${idSuffix}`,
			name,
			value: value(name, stored),
			error: error(name)
		})
	};
}
