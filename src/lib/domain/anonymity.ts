/** A perspective or group is shown on its own only with at least `threshold` respondents. */
export function shownSeparately(respondents: number, threshold: number): boolean {
	return respondents >= Math.max(1, threshold);
}

/**
 * Which perspectives are shown separately and which are merged into "other perspectives".
 * Perspectives under the threshold are merged; when that merged group is itself too small,
 * the smallest shown perspective joins it, so no small group can be worked out by
 * subtracting the shown groups from the whole. `sizes` counts respondents per perspective;
 * `order` is the display order (ties in size merge the later one first).
 */
export function groupPerspectives<P extends string>(
	sizes: ReadonlyMap<P, number>,
	threshold: number,
	order: readonly P[]
): { shown: P[]; merged: P[] } {
	const size = (p: P) => sizes.get(p) ?? 0;
	const present = order.filter((p) => size(p) > 0);
	let shown = present.filter((p) => shownSeparately(size(p), threshold));
	const merged = present.filter((p) => !shown.includes(p));
	const mergedSize = () => merged.reduce((n, p) => n + size(p), 0);
	while (merged.length > 0 && !shownSeparately(mergedSize(), threshold) && shown.length > 0) {
		const smallest = [...shown].sort((a, b) => size(a) - size(b) || order.indexOf(b) - order.indexOf(a))[0]!;
		shown = shown.filter((p) => p !== smallest);
		merged.push(smallest);
	}
	// Only one group left: showing it separately would equal the total anyway.
	if (shown.length === 0) return { shown: [], merged: present };
	return { shown, merged: order.filter((p) => merged.includes(p)) };
}
