import { summariseActor } from '#lib/server/people/navigation.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({ me: summariseActor(locals.actor) });
